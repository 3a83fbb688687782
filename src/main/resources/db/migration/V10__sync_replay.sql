-- Real-time sync (Change Data Capture over the Streaming API): the replay id after which each
-- channel of an org resumes. Written in the same transaction as the mirror rows the events
-- changed, so a restart replays what was not stored and skips nothing.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

CREATE TABLE sync_replay (
    org_id      VARCHAR(40)  NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    channel     VARCHAR(120) NOT NULL,
    replay_id   BIGINT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_replay_pk PRIMARY KEY (org_id, channel)
);
