-- The mirror's typed tables: one ordinary table per synced object and org (m_<org key>_<object>),
-- created and altered by the sync engine from the object's describe, beside sync_records (which
-- stays the sync's bookkeeping). These two tables say which typed table holds which object, and
-- which column holds which field, so readers never guess a name.

CREATE TABLE mirror_tables (
    org_id       VARCHAR(40) NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    object_name  VARCHAR(80) NOT NULL,
    table_name   VARCHAR(63) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mirror_tables_pk PRIMARY KEY (org_id, object_name),
    CONSTRAINT mirror_tables_name_key UNIQUE (table_name)
);

CREATE TABLE mirror_columns (
    org_id       VARCHAR(40) NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    object_name  VARCHAR(80) NOT NULL,
    -- The Salesforce API name, as the describe spells it.
    field_name   VARCHAR(80) NOT NULL,
    column_name  VARCHAR(63) NOT NULL,
    -- TEXT, ID, NUMBER, INTEGER, DATE, DATETIME, BOOLEAN.
    kind         VARCHAR(20) NOT NULL,
    -- Whether every live row holds the field's synced value: false for a field added after rows
    -- were stored (they were never read with it) or no longer synced. Reads naming it go live.
    complete     BOOLEAN     NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mirror_columns_pk PRIMARY KEY (org_id, object_name, field_name),
    CONSTRAINT mirror_columns_kind_check
        CHECK (kind IN ('TEXT', 'ID', 'NUMBER', 'INTEGER', 'DATE', 'DATETIME', 'BOOLEAN'))
);
