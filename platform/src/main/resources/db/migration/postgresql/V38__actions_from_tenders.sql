-- An action plan step may close a gap that is no library requirement: a tender clause nothing
-- answers (issue 20). requirement_id is then null and source says where the action comes from.
ALTER TABLE assessment_actions ALTER COLUMN requirement_id DROP NOT NULL;
ALTER TABLE assessment_actions ADD COLUMN source TEXT;
