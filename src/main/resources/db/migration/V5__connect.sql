-- Connecting orgs: the JWT bearer flow's user and sealed key, and the authorization requests of the
-- browser (web server) flow. Portable across H2 (PostgreSQL mode) and PostgreSQL.

-- The username the JWT bearer flow signs in as (its "sub"); null for the other flows.
ALTER TABLE orgs ADD COLUMN jwt_subject VARCHAR(255);

-- The JWT bearer flow's RSA private key, sealed like the other credentials.
ALTER TABLE org_secrets ADD COLUMN private_key_enc TEXT;

-- One row per "Authorize" click. The state travels through the browser, so only its SHA-256 is
-- kept; the PKCE verifier and the client secret are sealed. A row is claimed once by the callback
-- (PENDING -> CLAIMED -> CONNECTED or FAILED) and then keeps the outcome for the admin's page.
CREATE TABLE org_connect_requests (
    id                VARCHAR(40)  PRIMARY KEY,
    state_hash        VARCHAR(64)  NOT NULL UNIQUE,
    user_id           VARCHAR(36)  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    reconnect_org_id  VARCHAR(40),
    org_id            VARCHAR(40),
    name              VARCHAR(120) NOT NULL,
    environment       VARCHAR(20)  NOT NULL,
    login_url         VARCHAR(500) NOT NULL,
    client_id         VARCHAR(255) NOT NULL,
    client_secret_enc TEXT,
    verifier_enc      TEXT         NOT NULL,
    redirect_uri      VARCHAR(500) NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    error_code        VARCHAR(80),
    error_message     VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE
);

CREATE INDEX org_connect_requests_created_idx ON org_connect_requests (created_at);
