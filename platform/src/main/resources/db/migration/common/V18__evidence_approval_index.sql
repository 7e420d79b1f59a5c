-- The log entry that recorded a version's (latest) approval, so a credential can carry the proof that
-- the evidence it rests on was approved, not only registered. Versions approved before this
-- migration have none; their credentials cite the registration alone, as before.
ALTER TABLE evidence_versions ADD COLUMN approval_ledger_index BIGINT;
