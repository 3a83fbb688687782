-- Slack (issue 5): what the Slack channel must remember across restarts and instances.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.

-- Events already taken, by Slack's event_id, so a retried delivery is answered once even when
-- another instance or a restarted one receives it. Rows older than a day are pruned.
CREATE TABLE slack_events (
    event_id    VARCHAR(64)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT slack_events_pk PRIMARY KEY (event_id)
);

CREATE INDEX slack_events_received_idx ON slack_events (received_at);

-- The assistant's conversation of each Scopien user in each Slack thread
-- (thread_key is team:channel:thread_ts). One person per conversation: the agent's conversations
-- are owned by one user, whose role and pending change they carry.
CREATE TABLE slack_threads (
    thread_key      VARCHAR(200)             NOT NULL,
    user_id         VARCHAR(36)              NOT NULL,
    conversation_id VARCHAR(64)              NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT slack_threads_pk PRIMARY KEY (thread_key, user_id)
);

-- Slack users an admin linked to Scopien users explicitly; they win over the email match.
CREATE TABLE slack_users (
    slack_user_id VARCHAR(32)              NOT NULL,
    user_id       VARCHAR(36)              NOT NULL,
    linked_by     VARCHAR(36),
    linked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT slack_users_pk PRIMARY KEY (slack_user_id),
    CONSTRAINT slack_users_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
