-- The standards library. Each organisation holds its own copy: the starter library is installed
-- into it (origin 'library', library_key = the row's natural key in the library files) and later
-- library releases update only rows nobody has edited (locally_modified = FALSE). Every row says
-- where its content comes from (prov_tag P/S/W/C/M/NF, prov_source) and whether it is verified.

CREATE TABLE catalog_state (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    library_version TEXT   NOT NULL,
    -- Bumped by every change to frameworks or requirements; search indexes rebuild when it moves.
    revision        BIGINT NOT NULL
);

CREATE TABLE catalog_frameworks (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    fkey             TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    edition          TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    publisher        TEXT    NOT NULL DEFAULT '',
    jurisdiction     TEXT    NOT NULL DEFAULT '',
    status           TEXT    NOT NULL,
    summary          TEXT    NOT NULL DEFAULT '',
    oscal_uuid       TEXT    NOT NULL,
    base_framework_id TEXT,
    prov_tag         TEXT    NOT NULL,
    prov_source      TEXT    NOT NULL DEFAULT '',
    verified         BOOLEAN NOT NULL,
    origin           TEXT    NOT NULL,
    library_key      TEXT,
    locally_modified BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       BIGINT  NOT NULL,
    UNIQUE (organisation_id, fkey, edition)
);

CREATE TABLE catalog_requirements (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    framework_id     TEXT    NOT NULL REFERENCES catalog_frameworks (id) ON DELETE CASCADE,
    ref_id           TEXT    NOT NULL,
    parent_ref       TEXT,
    title_en         TEXT    NOT NULL,
    title_zh         TEXT    NOT NULL DEFAULT '',
    kind             TEXT    NOT NULL,
    position         INTEGER NOT NULL,
    evidence_types   TEXT    NOT NULL DEFAULT '',
    prov_tag         TEXT    NOT NULL,
    prov_source      TEXT    NOT NULL DEFAULT '',
    verified         BOOLEAN NOT NULL,
    locally_modified BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (framework_id, ref_id)
);
CREATE INDEX catalog_requirements_by_organisation ON catalog_requirements (organisation_id, framework_id, position);

CREATE TABLE catalog_adoptions (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    national_id      TEXT    NOT NULL,
    country          TEXT    NOT NULL,
    base_key         TEXT    NOT NULL,
    base_edition     TEXT    NOT NULL,
    degree           TEXT    NOT NULL,
    deviations       TEXT    NOT NULL DEFAULT '',
    issued           TEXT,
    effective        TEXT,
    status           TEXT    NOT NULL,
    national_key     TEXT,
    national_edition TEXT,
    prov_tag         TEXT    NOT NULL,
    prov_source      TEXT    NOT NULL DEFAULT '',
    verified         BOOLEAN NOT NULL,
    library_key      TEXT,
    locally_modified BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX catalog_adoptions_by_organisation ON catalog_adoptions (organisation_id, base_key);

-- Crosswalk rows in the OSCAL 1.2 mapping model. relationship describes the source relative to
-- the target. Only status CONFIRMED counts anywhere (NIST IR 8477); PROPOSED rows are offers.
CREATE TABLE catalog_mappings (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    source_id        TEXT    NOT NULL REFERENCES catalog_requirements (id) ON DELETE CASCADE,
    target_id        TEXT    NOT NULL REFERENCES catalog_requirements (id) ON DELETE CASCADE,
    relationship     TEXT    NOT NULL,
    rationale        TEXT    NOT NULL,
    strength         INTEGER,
    confidence       TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    method           TEXT    NOT NULL,
    note             TEXT    NOT NULL DEFAULT '',
    prov_tag         TEXT    NOT NULL,
    prov_source      TEXT    NOT NULL DEFAULT '',
    verified         BOOLEAN NOT NULL,
    library_key      TEXT,
    locally_modified BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at       BIGINT  NOT NULL,
    updated_by       TEXT    NOT NULL,
    UNIQUE (source_id, target_id)
);
CREATE INDEX catalog_mappings_by_organisation ON catalog_mappings (organisation_id, status);
CREATE INDEX catalog_mappings_by_target ON catalog_mappings (target_id);

CREATE TABLE catalog_mapping_history (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    mapping_id      TEXT   NOT NULL,
    at              BIGINT NOT NULL,
    actor           TEXT   NOT NULL,
    action          TEXT   NOT NULL,
    snapshot        TEXT   NOT NULL
);
CREATE INDEX catalog_mapping_history_by_mapping ON catalog_mapping_history (organisation_id, mapping_id, at);

CREATE TABLE catalog_markets (
    id                 TEXT PRIMARY KEY,
    organisation_id    TEXT    NOT NULL REFERENCES organisations (id),
    code               TEXT    NOT NULL,
    name_en            TEXT    NOT NULL,
    name_zh            TEXT    NOT NULL,
    languages          TEXT    NOT NULL DEFAULT '',
    standards_body     TEXT    NOT NULL DEFAULT '',
    accreditation_body TEXT    NOT NULL DEFAULT '',
    relies_on          TEXT    NOT NULL DEFAULT '',
    notes              TEXT    NOT NULL DEFAULT '',
    prov_tag           TEXT    NOT NULL,
    prov_source        TEXT    NOT NULL DEFAULT '',
    verified           BOOLEAN NOT NULL,
    library_key        TEXT,
    locally_modified   BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (organisation_id, code)
);

-- Why a framework (or one requirement of it) applies in a market.
CREATE TABLE catalog_market_rules (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    market_id        TEXT    NOT NULL REFERENCES catalog_markets (id) ON DELETE CASCADE,
    framework_key    TEXT    NOT NULL,
    framework_edition TEXT   NOT NULL,
    requirement_ref  TEXT,
    basis            TEXT    NOT NULL,
    reason_en        TEXT    NOT NULL,
    reason_zh        TEXT    NOT NULL DEFAULT '',
    prov_tag         TEXT    NOT NULL,
    prov_source      TEXT    NOT NULL DEFAULT '',
    verified         BOOLEAN NOT NULL,
    library_key      TEXT,
    locally_modified BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX catalog_market_rules_by_market ON catalog_market_rules (organisation_id, market_id);

-- The recognition layer (domain reference §4.4): who may issue a recognised result, which
-- arrangements recognise them, and what each market accepts.
CREATE TABLE catalog_recognition (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    record_type      TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    prov_tag         TEXT    NOT NULL,
    prov_source      TEXT    NOT NULL DEFAULT '',
    verified         BOOLEAN NOT NULL,
    library_key      TEXT,
    locally_modified BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX catalog_recognition_by_type ON catalog_recognition (organisation_id, record_type);
