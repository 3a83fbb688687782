-- The sync engine: per-org settings, object selection, field mappings, the local mirror of the
-- selected objects, cursors, runs with their per-object counts, the run lock of each org, parked
-- records, conflicts waiting for review, and the sync error log.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL. Enum values are
-- stored by name (upper case); JSON documents are TEXT.

CREATE TABLE sync_settings (
    org_id          VARCHAR(40) NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    frequency       VARCHAR(20) NOT NULL,
    inbound         BOOLEAN     NOT NULL,
    outbound        BOOLEAN     NOT NULL,
    conflict_policy VARCHAR(20) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_settings_pk PRIMARY KEY (org_id),
    CONSTRAINT sync_settings_frequency_check
        CHECK (frequency IN ('REAL_TIME', 'EVERY_15_MINUTES', 'HOURLY', 'MANUAL')),
    CONSTRAINT sync_settings_policy_check
        CHECK (conflict_policy IN ('SALESFORCE_WINS', 'SCOPIEN_WINS', 'MANUAL_REVIEW'))
);

-- Only objects an admin has decided about have a row; the others follow the defaults.
CREATE TABLE sync_objects (
    org_id          VARCHAR(40) NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    object_name     VARCHAR(80) NOT NULL,
    selected        BOOLEAN     NOT NULL,
    -- Null: the org's policy applies.
    conflict_policy VARCHAR(20),
    -- JSON array of the chosen field API names; null: every readable field.
    fields          TEXT,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_objects_pk PRIMARY KEY (org_id, object_name),
    CONSTRAINT sync_objects_policy_check
        CHECK (conflict_policy IS NULL
               OR conflict_policy IN ('SALESFORCE_WINS', 'SCOPIEN_WINS', 'MANUAL_REVIEW'))
);

CREATE TABLE sync_field_mappings (
    org_id          VARCHAR(40)  NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    object_name     VARCHAR(80)  NOT NULL,
    sf_field        VARCHAR(80)  NOT NULL,
    scopien_field   VARCHAR(120) NOT NULL,
    -- Lower-cased Scopien name, so that two mappings of one object cannot share a name.
    scopien_key     VARCHAR(120) NOT NULL,
    custom          BOOLEAN      NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_field_mappings_pk PRIMARY KEY (org_id, object_name, sf_field),
    CONSTRAINT sync_field_mappings_name_key UNIQUE (org_id, object_name, scopien_key),
    CONSTRAINT sync_field_mappings_status_check CHECK (status IN ('ACTIVE', 'NEEDS_ATTENTION'))
);

-- The local mirror. One row per record ever seen; deleted records stay as tombstones.
CREATE TABLE sync_records (
    org_id           VARCHAR(40) NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    object_name      VARCHAR(80) NOT NULL,
    record_id        VARCHAR(18) NOT NULL,
    system_modstamp  TIMESTAMP WITH TIME ZONE NOT NULL,
    is_deleted       BOOLEAN     NOT NULL,
    -- JSON object of the synced field values, by Salesforce API name.
    fields           TEXT        NOT NULL,
    -- The full scan that last saw the row; a full resync deletes rows it did not see.
    scan_id          VARCHAR(36),
    synced_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Changes made on the Scopien side and not yet pushed: JSON object of field values.
    local_fields     TEXT,
    local_changed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sync_records_pk PRIMARY KEY (org_id, object_name, record_id)
);

CREATE INDEX sync_records_local_idx ON sync_records (org_id, local_changed_at);

-- Where each object's sync stands. Written in the same transaction as the rows it covers.
CREATE TABLE sync_cursors (
    org_id          VARCHAR(40) NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    object_name     VARCHAR(80) NOT NULL,
    -- INITIAL: a full scan is under way (or not begun); INCREMENTAL: caught up.
    phase           VARCHAR(20) NOT NULL,
    scan_id         VARCHAR(36),
    -- True when the full scan must delete the mirror rows it does not see.
    reconcile       BOOLEAN     NOT NULL,
    modstamp        TIMESTAMP WITH TIME ZONE,
    last_id         VARCHAR(18),
    last_synced_at  TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_cursors_pk PRIMARY KEY (org_id, object_name),
    CONSTRAINT sync_cursors_phase_check CHECK (phase IN ('INITIAL', 'INCREMENTAL'))
);

CREATE TABLE sync_runs (
    id                VARCHAR(36)  NOT NULL,
    org_id            VARCHAR(40)  NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    run_trigger       VARCHAR(20)  NOT NULL,
    full_sync         BOOLEAN      NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    message           VARCHAR(1000),
    api_calls         BIGINT       NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    heartbeat_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_runs_pk PRIMARY KEY (id),
    CONSTRAINT sync_runs_status_check
        CHECK (status IN ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED'))
);

CREATE INDEX sync_runs_org_idx ON sync_runs (org_id, started_at);

CREATE TABLE sync_run_objects (
    run_id          VARCHAR(36) NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,
    object_name     VARCHAR(80) NOT NULL,
    ordinal         INT         NOT NULL,
    phase           VARCHAR(20) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    created         BIGINT      NOT NULL,
    updated         BIGINT      NOT NULL,
    deleted         BIGINT      NOT NULL,
    failed          BIGINT      NOT NULL,
    done            BIGINT      NOT NULL,
    total           BIGINT      NOT NULL,
    message         VARCHAR(1000),
    CONSTRAINT sync_run_objects_pk PRIMARY KEY (run_id, object_name)
);

-- At most one run per org at a time, across every Scopien instance on this database.
CREATE TABLE sync_locks (
    org_id        VARCHAR(40) NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    run_id        VARCHAR(36) NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_locks_pk PRIMARY KEY (org_id)
);

-- Records that failed to apply (INBOUND) or to push (OUTBOUND); retried at every run.
CREATE TABLE sync_parked (
    org_id          VARCHAR(40)  NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    object_name     VARCHAR(80)  NOT NULL,
    record_id       VARCHAR(18)  NOT NULL,
    direction       VARCHAR(10)  NOT NULL,
    error_code      VARCHAR(100) NOT NULL,
    message         VARCHAR(1000) NOT NULL,
    attempts        INT          NOT NULL,
    error_id        BIGINT,
    parked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_parked_pk PRIMARY KEY (org_id, object_name, record_id, direction),
    CONSTRAINT sync_parked_direction_check CHECK (direction IN ('INBOUND', 'OUTBOUND'))
);

-- Records changed on both sides under the manual-review policy: both versions, nothing applied.
CREATE TABLE sync_conflicts (
    id              VARCHAR(36) NOT NULL,
    org_id          VARCHAR(40) NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    object_name     VARCHAR(80) NOT NULL,
    record_id       VARCHAR(18) NOT NULL,
    -- JSON objects: the Scopien side's changed fields, and Salesforce's record as read.
    local_fields    TEXT        NOT NULL,
    remote_fields   TEXT        NOT NULL,
    remote_modstamp TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(20) NOT NULL,
    detected_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sync_conflicts_pk PRIMARY KEY (id),
    CONSTRAINT sync_conflicts_status_check CHECK (status IN ('OPEN', 'RESOLVED'))
);

CREATE INDEX sync_conflicts_org_idx ON sync_conflicts (org_id, status);

-- The error log: what went wrong, the action taken and where that stands.
CREATE TABLE sync_errors (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY,
    org_id        VARCHAR(40)   NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    run_id        VARCHAR(36),
    object_name   VARCHAR(80),
    record_id     VARCHAR(18),
    -- What else the error is about, such as the field of a mapping that vanished.
    subject       VARCHAR(120),
    code          VARCHAR(100)  NOT NULL,
    message       VARCHAR(1000) NOT NULL,
    action        VARCHAR(300)  NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    occurrences   INT           NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sync_errors_pk PRIMARY KEY (id),
    CONSTRAINT sync_errors_status_check
        CHECK (status IN ('WAITING', 'RETRYING', 'NEEDS_ATTENTION', 'RESOLVED'))
);

CREATE INDEX sync_errors_org_idx ON sync_errors (org_id, updated_at);
