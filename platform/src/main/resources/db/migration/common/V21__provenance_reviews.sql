-- A catalog row is verified only when a named reviewer recorded its source and the date of the
-- review (issue 17). Until now "verified" followed the source's tag; no row records a reviewer yet,
-- so every row starts unverified and the starter-library upgrade that follows this migration
-- re-records the reviews the library ships. Rows an organisation edited keep their content but
-- must be reviewed again by a person, who is then named.
ALTER TABLE catalog_frameworks ADD COLUMN prov_reviewer TEXT;
ALTER TABLE catalog_frameworks ADD COLUMN prov_reviewed_on TEXT;
ALTER TABLE catalog_requirements ADD COLUMN prov_reviewer TEXT;
ALTER TABLE catalog_requirements ADD COLUMN prov_reviewed_on TEXT;
ALTER TABLE catalog_adoptions ADD COLUMN prov_reviewer TEXT;
ALTER TABLE catalog_adoptions ADD COLUMN prov_reviewed_on TEXT;
ALTER TABLE catalog_mappings ADD COLUMN prov_reviewer TEXT;
ALTER TABLE catalog_mappings ADD COLUMN prov_reviewed_on TEXT;
ALTER TABLE catalog_markets ADD COLUMN prov_reviewer TEXT;
ALTER TABLE catalog_markets ADD COLUMN prov_reviewed_on TEXT;
ALTER TABLE catalog_market_rules ADD COLUMN prov_reviewer TEXT;
ALTER TABLE catalog_market_rules ADD COLUMN prov_reviewed_on TEXT;
ALTER TABLE catalog_recognition ADD COLUMN prov_reviewer TEXT;
ALTER TABLE catalog_recognition ADD COLUMN prov_reviewed_on TEXT;
UPDATE catalog_frameworks SET verified = FALSE;
UPDATE catalog_requirements SET verified = FALSE;
UPDATE catalog_adoptions SET verified = FALSE;
UPDATE catalog_mappings SET verified = FALSE;
UPDATE catalog_markets SET verified = FALSE;
UPDATE catalog_market_rules SET verified = FALSE;
UPDATE catalog_recognition SET verified = FALSE;
-- What a market profile does not cover, said on its page so a short list never reads as complete.
ALTER TABLE catalog_markets ADD COLUMN not_covered TEXT NOT NULL DEFAULT '';
