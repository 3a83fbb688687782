package com.scopien.agent;

import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.security.User;

/**
 * Who is calling a tool, in which conversation, and on which org: the conversation's active org, or
 * the one the call named in its {@code org} argument (for that call only). {@code writeAsked} says
 * whether the person's own message asked for a write this call may be (see {@link WriteRequests});
 * when false, a write waits for confirmation whatever the org.
 */
record ToolContext(
    User user, String conversationId, Org org, OrgDirectory orgs, boolean writeAsked) {

  /** A context for carrying out a change the person has already confirmed. */
  ToolContext(User user, String conversationId, Org org, OrgDirectory orgs) {
    this(user, conversationId, org, orgs, true);
  }

  /** The org's client, asked for only by tools that talk to Salesforce. */
  SalesforceClient client() {
    return orgs.client(org);
  }

  /** How replies name the org: its name in bold, then environment and organisation. */
  String orgLabel() {
    return OrgLabels.label(org);
  }
}
