-- The SLA tracker follows each organisation's log: every entry before next_index has been fed once.
CREATE TABLE sla_cursors (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    next_index      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

-- The running tally of one SLO of one layer over one span of time, as the tracker last left it:
-- span 'period' is the SLO's window (a month or a week), checked for breaches; span 'day' is one UTC
-- day, the roll-up reports of any period are merged from. `definition` is what the tally depends on
-- (quantity, aggregate, window, exclusions): an SLO republished with another definition starts new
-- tallies rather than reading an incompatible state.
CREATE TABLE sla_tallies (
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    layer_id        TEXT   NOT NULL,
    slo_id          TEXT   NOT NULL,
    span            TEXT   NOT NULL,
    period_start    BIGINT NOT NULL,
    period_end      BIGINT NOT NULL,
    definition      TEXT   NOT NULL,
    state           TEXT   NOT NULL,
    updated_at      BIGINT NOT NULL,
    -- 1 once the period has ended and its final figure was checked for a breach.
    final_checked   SMALLINT NOT NULL DEFAULT 0,
    PRIMARY KEY (organisation_id, layer_id, slo_id, span, period_start)
);

-- Since when (log index) the tracker has fed an SLO with a given definition: its day roll-ups are
-- complete for events from that index on.
CREATE TABLE sla_tracking (
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    layer_id        TEXT   NOT NULL,
    slo_id          TEXT   NOT NULL,
    definition      TEXT   NOT NULL,
    from_index      BIGINT NOT NULL,
    started_at      BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, layer_id, slo_id, definition)
);

-- Breaches the tracker detected, at most one per SLO and period; each is also a ledger entry.
CREATE TABLE sla_breaches (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT   NOT NULL REFERENCES organisations (id),
    layer_id        TEXT   NOT NULL,
    slo_id          TEXT   NOT NULL,
    metric          TEXT   NOT NULL,
    expression      TEXT   NOT NULL,
    unit            TEXT,
    period_start    BIGINT NOT NULL,
    period_end      BIGINT NOT NULL,
    measured        DOUBLE PRECISION,
    samples         BIGINT NOT NULL,
    how             TEXT   NOT NULL,
    detected_at     BIGINT NOT NULL,
    last_index      BIGINT NOT NULL,
    ledger_index    BIGINT NOT NULL,
    UNIQUE (organisation_id, layer_id, slo_id, period_start)
);
CREATE INDEX sla_breaches_by_layer ON sla_breaches (organisation_id, layer_id, period_start);
