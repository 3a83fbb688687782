package com.scopien.agent;

import com.scopien.orgs.Org;

/** One way of naming an org in every reply, so people always see where data came from. */
final class OrgLabels {
  private OrgLabels() {}

  static String label(Org org) {
    StringBuilder text = new StringBuilder("**").append(org.name()).append("** (");
    text.append(org.environment().wireName());
    if (org.organizationName() != null
        && !org.organizationName().isBlank()
        && !org.organizationName().equalsIgnoreCase(org.name())) {
      text.append(", ").append(org.organizationName());
    }
    return text.append(')').toString();
  }
}
