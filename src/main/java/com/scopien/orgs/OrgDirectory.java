package com.scopien.orgs;

import com.scopien.salesforce.SalesforceClient;
import java.util.List;
import java.util.Optional;

/**
 * What the rest of Scopien may ask about connected orgs: the list, a lookup by what a person calls
 * an org, and a client to talk to one. The active org of each conversation lives here too.
 */
public interface OrgDirectory {

  /** Every connected org, oldest first. */
  List<Org> list();

  /** The org with this Scopien id. */
  Optional<Org> byId(String id);

  /**
   * The org a person means by {@code reference}: its exact name, its environment ("production",
   * "prod", "sandbox"), or its Salesforce domain; case-insensitive.
   *
   * @throws com.scopien.ScopienException NOT_FOUND ({@code unknown_org}) naming the orgs there are
   */
  Org resolve(String reference);

  /**
   * A client for the org.
   *
   * @throws com.scopien.ScopienException FORBIDDEN ({@code org_unavailable}) when the org needs
   *     re-authorisation or was disconnected
   */
  SalesforceClient client(Org org);

  /** The conversation's active org; the first production org (else the first org) by default. */
  Org activeOrg(String conversationId);

  /** Makes {@code org} the conversation's active org. */
  void switchActiveOrg(String conversationId, Org org);
}
