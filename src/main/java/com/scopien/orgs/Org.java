package com.scopien.orgs;

import java.time.Instant;

/**
 * A connected Salesforce org as Scopien knows it. Tokens are not here: they live encrypted in the
 * store and only the session provider reads them.
 */
public record Org(
    String id,
    String name,
    Environment environment,
    String loginUrl,
    String instanceUrl,
    String salesforceOrgId,
    String organizationName,
    String edition,
    String username,
    OrgStatus status,
    Instant connectedAt,
    Instant lastSyncAt) {}
