-- The push path of the sync engine (Scopien to Salesforce), added after V4 shipped. (First
-- numbered V7, which the assistant's pending writes also took; renumbered so Flyway starts.)
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

-- The Salesforce values of the fields changed on the Scopien side, before the change (a
-- conflict's diff shows them).
ALTER TABLE sync_records ADD COLUMN local_base TEXT;

-- What Scopien last pushed and when: the next version read back with these values is our own
-- write coming back (echo), not a change.
ALTER TABLE sync_records ADD COLUMN pushed_fields TEXT;
ALTER TABLE sync_records ADD COLUMN pushed_at TIMESTAMP WITH TIME ZONE;

-- Per object and run: Scopien-side changes written to Salesforce, records changed on both sides.
ALTER TABLE sync_run_objects ADD COLUMN pushed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sync_run_objects ADD COLUMN conflicts BIGINT NOT NULL DEFAULT 0;

-- A conflict's changed fields as they were before either side changed them.
ALTER TABLE sync_conflicts ADD COLUMN base_fields TEXT NOT NULL DEFAULT '{}';

CREATE INDEX sync_conflicts_record_idx ON sync_conflicts (org_id, object_name, record_id);
