-- Writes waiting for a person's confirmation (issue 5): kept in the store, so a restart or another
-- instance behind the same database still carries out (or refuses) exactly the change that was
-- shown. At most one per conversation; the agent drops one older than 15 minutes.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.
CREATE TABLE pending_writes (
    conversation_id VARCHAR(64)              NOT NULL,
    user_id         VARCHAR(128)             NOT NULL,
    org_id          VARCHAR(64)              NOT NULL,
    tool            VARCHAR(64)              NOT NULL,
    arguments       TEXT                     NOT NULL,
    object_name     VARCHAR(128)             NOT NULL,
    record_id       VARCHAR(32),
    record_label    VARCHAR(512),
    field_values    TEXT                     NOT NULL,
    before_values   TEXT                     NOT NULL,
    summary         TEXT                     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pending_writes_pk PRIMARY KEY (conversation_id),
    CONSTRAINT pending_writes_conversation_fk FOREIGN KEY (conversation_id)
        REFERENCES conversations (id) ON DELETE CASCADE
);
