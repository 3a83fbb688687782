-- Conversations with the assistant and their chat memory (issue 2, item 8).
-- One row per conversation; its messages in order, each one langchain4j message as JSON text
-- (TEXT rather than a JSON type so that H2 and PostgreSQL share this file unchanged).
CREATE TABLE conversations (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id    VARCHAR(128) NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    updated_at TIMESTAMP    NOT NULL
);

CREATE INDEX conversations_user_idx ON conversations (user_id, updated_at);

CREATE TABLE chat_messages (
    conversation_id VARCHAR(64) NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq             INTEGER     NOT NULL,
    message         TEXT        NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
