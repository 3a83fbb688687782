package com.scopien.cli;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import java.util.List;

/**
 * The org a command works on: the one {@code --org} names, or, when it names none, the only
 * connected org. With several orgs connected the command must say which, so that rows never land in
 * the wrong org by default.
 */
final class OrgChoice {
  private OrgChoice() {}

  static Org resolve(OrgDirectory orgs, String reference) {
    if (reference != null && !reference.isBlank()) {
      return orgs.resolve(reference);
    }
    List<Org> all = orgs.list();
    if (all.size() == 1) {
      return all.get(0);
    }
    if (all.isEmpty()) {
      throw ScopienException.invalid(
          "no_org", "No org is connected; connect one with 'scopien orgs add'.");
    }
    throw ScopienException.invalid(
        "choose_org",
        all.size()
            + " orgs are connected ("
            + String.join(", ", all.stream().map(Org::name).toList())
            + "); say which with --org.");
  }
}
