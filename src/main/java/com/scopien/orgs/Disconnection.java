package com.scopien.orgs;

/**
 * A disconnected org, and whether the org confirmed that its tokens were revoked ({@code false}
 * when it could not be reached or refused: Scopien has forgotten the tokens anyway, and the admin
 * should revoke the app's access in Salesforce's Connected Apps OAuth Usage page).
 */
public record Disconnection(Org org, boolean tokenRevoked) {}
