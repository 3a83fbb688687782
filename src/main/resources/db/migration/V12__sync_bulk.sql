-- Checkpoints of full scans read through the Bulk API with PK chunking. Portable SQL: the same
-- file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

-- The bulk job an object's full scan reads (at most one per object), so a stopped or crashed run
-- awaits the same job again instead of starting over. high_water is the newest SystemModstamp
-- before the job started: once every chunk is stored, incremental sync goes on from there.
CREATE TABLE sync_bulk_scans (
    org_id       VARCHAR(40)  NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    object_name  VARCHAR(80)  NOT NULL,
    scan_id      VARCHAR(36)  NOT NULL,
    job_id       VARCHAR(40)  NOT NULL,
    batch_id     VARCHAR(40)  NOT NULL,
    chunked      BOOLEAN      NOT NULL,
    high_water   TIMESTAMP WITH TIME ZONE,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_bulk_scans_pk PRIMARY KEY (org_id, object_name)
);

-- The chunks (result batches) of that job whose rows are all in the mirror; a chunk is marked in
-- the transaction that stores its last rows.
CREATE TABLE sync_bulk_chunks (
    org_id       VARCHAR(40)  NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    object_name  VARCHAR(80)  NOT NULL,
    job_id       VARCHAR(40)  NOT NULL,
    chunk_id     VARCHAR(40)  NOT NULL,
    row_count    BIGINT       NOT NULL,
    done_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_bulk_chunks_pk PRIMARY KEY (org_id, object_name, job_id, chunk_id)
);
