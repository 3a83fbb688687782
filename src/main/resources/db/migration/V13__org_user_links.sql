-- Which Salesforce user a Scopien user is in each org, set by an admin when the emails differ.
-- Without a row here the user is matched by email to the org's users.
CREATE TABLE org_user_links (
    org_id             VARCHAR(40) NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    user_id            VARCHAR(36) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    salesforce_user_id VARCHAR(18) NOT NULL,
    linked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT org_user_links_pk PRIMARY KEY (org_id, user_id)
);
