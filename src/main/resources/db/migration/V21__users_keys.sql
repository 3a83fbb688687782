-- Users and keys people can run (issue 10): a user can be deactivated (their keys stop at once),
-- and a key has a name, an optional expiry and the time it was last used.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.
ALTER TABLE users ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE users ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE api_keys ADD COLUMN name VARCHAR(100);
-- A key is refused from this moment on; null: it does not expire.
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
-- Written at most once a minute per key, so that authentication stays one read.
ALTER TABLE api_keys ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, at);
