-- Sign-in for people (issue 10): browser sessions after "Sign in with Salesforce", and the role a
-- person gets the first time they sign in. Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL.

-- Only the SHA-256 of the session id is kept, so a copy of the store opens no session.
CREATE TABLE web_sessions (
    id_hash      VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id      VARCHAR(36)  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    org_id       VARCHAR(40),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_sessions_user_idx ON web_sessions (user_id);

-- Settings an admin changes for sign-in, one row per name (default_role).
CREATE TABLE auth_settings (
    setting_name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(200) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
