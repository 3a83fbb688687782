-- All the writes one turn asks for wait together (issue 11): a conversation may now hold several
-- pending writes, in the order asked, confirmed or cancelled as one.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.
ALTER TABLE pending_writes DROP CONSTRAINT pending_writes_pk;
ALTER TABLE pending_writes ADD COLUMN position INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE pending_writes ADD CONSTRAINT pending_writes_pk PRIMARY KEY (conversation_id, position);
