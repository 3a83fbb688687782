package com.scopien.orgs;

import com.scopien.ScopienException;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SalesforceClient;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The describe of an object an admin names on a settings page, in one connected org: the name is
 * checked to be an API name and an object the org has before it is described, so a typo is a clear
 * 400, never a Salesforce error.
 */
public final class ObjectDescriber {
  private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");

  private final OrgDirectory orgs;

  public ObjectDescriber(OrgDirectory orgs) {
    this.orgs = Objects.requireNonNull(orgs, "orgs");
  }

  /**
   * @throws ScopienException NOT_FOUND {@code unknown_org}; INVALID_INPUT {@code unknown_object}
   */
  public ObjectDescribe describe(String orgId, String name) {
    Org org =
        orgs.byId(orgId)
            .orElseThrow(
                () ->
                    ScopienException.notFound(
                        "unknown_org", "There is no org with id " + orgId + "."));
    if (name == null || !API_NAME.matcher(name).matches()) {
      throw ScopienException.invalid("unknown_object", "'" + name + "' is not an object API name.");
    }
    SalesforceClient client = orgs.client(org);
    boolean known =
        client.describeGlobal().stream()
            .anyMatch(o -> o.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    if (!known) {
      throw ScopienException.invalid(
          "unknown_object", "There is no object '" + name + "' in this org.");
    }
    return client.describe(name);
  }
}
