package com.scopien.orgs;

import com.scopien.ScopienException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the org a person means: by exact name, then by environment word ("prod", "sandbox"), then
 * by its Salesforce domain, then by a name that contains every word said. Where several orgs share
 * an environment, the oldest connected one answers to the environment word.
 */
final class OrgResolver {
  private OrgResolver() {}

  static Org resolve(List<Org> orgs, String reference) {
    if (reference == null || reference.isBlank()) {
      throw ScopienException.invalid(
          "missing_org", "Say which org: its name, production or sandbox.");
    }
    String wanted = normalise(reference);
    return byName(orgs, wanted)
        .or(() -> byEnvironment(orgs, wanted))
        .or(() -> byDomain(orgs, wanted))
        .or(() -> byWords(orgs, wanted))
        .orElseThrow(() -> unknown(reference, orgs));
  }

  static Org defaultOrg(List<Org> orgs) {
    return orgs.stream()
        .filter(o -> o.environment() == Environment.PRODUCTION && o.status() == OrgStatus.ACTIVE)
        .findFirst()
        .or(() -> orgs.stream().filter(o -> o.status() == OrgStatus.ACTIVE).findFirst())
        .or(() -> orgs.stream().findFirst())
        .orElseThrow(
            () ->
                ScopienException.notFound(
                    "no_orgs", "No Salesforce org is connected yet. An admin can connect one."));
  }

  static ScopienException unknown(String reference, List<Org> orgs) {
    String known =
        orgs.isEmpty()
            ? "none is connected yet"
            : orgs.stream()
                .map(o -> o.name() + " (" + o.environment().wireName() + ")")
                .collect(Collectors.joining(", "));
    return ScopienException.notFound(
        "unknown_org",
        "There is no org called '" + reference.trim() + "'. Connected orgs: " + known + ".");
  }

  private static Optional<Org> byName(List<Org> orgs, String wanted) {
    return orgs.stream().filter(o -> normalise(o.name()).equals(wanted)).findFirst();
  }

  private static Optional<Org> byEnvironment(List<Org> orgs, String wanted) {
    String word = wanted.replaceAll("\\b(org|organization|environment|the)\\b", "").trim();
    return Environment.parse(word)
        .flatMap(env -> orgs.stream().filter(o -> o.environment() == env).findFirst());
  }

  private static Optional<Org> byDomain(List<Org> orgs, String wanted) {
    return orgs.stream()
        .filter(o -> host(o).equals(wanted) || host(o).startsWith(wanted + "."))
        .findFirst();
  }

  private static Optional<Org> byWords(List<Org> orgs, String wanted) {
    List<String> words = List.of(wanted.split(" "));
    return orgs.stream()
        .filter(o -> List.of(normalise(o.name()).split(" ")).containsAll(words))
        .findFirst();
  }

  private static String host(Org org) {
    try {
      String host = org.instanceUrl() == null ? null : URI.create(org.instanceUrl()).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String normalise(String text) {
    return text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
