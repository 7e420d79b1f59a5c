-- A trail line's public log entry commits to the line by a salted digest: the line's canonical JSON
-- with this random salt in it. Without the salt, the few unknown fields of a line (an e-mail, a short
-- detail) could be guessed offline against the public digest. Lines written before this migration
-- have no salt and keep the unsalted digest they were logged with.
ALTER TABLE trail_entries ADD COLUMN disclosure_salt TEXT;
