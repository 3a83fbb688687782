-- Connected Salesforce orgs, their encrypted credentials, the active org of each conversation,
-- and API usage readings per org and hour. Portable across H2 (PostgreSQL mode) and PostgreSQL.

CREATE TABLE orgs (
    id                VARCHAR(40)  PRIMARY KEY,
    name              VARCHAR(120) NOT NULL,
    name_key          VARCHAR(120) NOT NULL UNIQUE,
    environment       VARCHAR(20)  NOT NULL,
    login_url         VARCHAR(500) NOT NULL,
    instance_url      VARCHAR(500),
    sf_org_id         VARCHAR(18),
    organization_name VARCHAR(255),
    edition           VARCHAR(80),
    username          VARCHAR(255),
    status            VARCHAR(20)  NOT NULL,
    auth_flow         VARCHAR(30)  NOT NULL,
    client_id         VARCHAR(255) NOT NULL,
    demo              BOOLEAN      NOT NULL DEFAULT FALSE,
    connected_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sync_at      TIMESTAMP WITH TIME ZONE
);

-- Ciphertexts only (AES-256-GCM, bound to the org id); the key never lives in the database.
CREATE TABLE org_secrets (
    org_id            VARCHAR(40) PRIMARY KEY REFERENCES orgs(id) ON DELETE CASCADE,
    client_secret_enc TEXT,
    access_token_enc  TEXT,
    refresh_token_enc TEXT,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE conversation_orgs (
    conversation_id VARCHAR(64) PRIMARY KEY,
    org_id          VARCHAR(40) NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_usage (
    org_id     VARCHAR(40) NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    hour_start TIMESTAMP WITH TIME ZONE NOT NULL,
    calls      BIGINT NOT NULL,
    last_used  BIGINT NOT NULL,
    last_max   BIGINT NOT NULL,
    PRIMARY KEY (org_id, hour_start)
);
