package com.scopien.orgs;

import com.scopien.ScopienException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the org a person means: by exact name, then by environment word ("prod", "sandbox"), then
 * by its Salesforce domain, then by a name that contains every word said ("UAT" finds "Acme UAT";
 * "UAT sandbox" too when that org is a sandbox). A word that fits several active orgs is ambiguous
 * and the person is asked which; nothing ever falls back to another org.
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
        .flatMap(env -> one(orgs.stream().filter(o -> o.environment() == env).toList(), word));
  }

  /**
   * The one org that fits; among several, the one active org, else a question which one.
   *
   * @throws ScopienException INVALID {@code ambiguous_org} when several active orgs fit
   */
  private static Optional<Org> one(List<Org> fits, String said) {
    if (fits.size() <= 1) {
      return fits.stream().findFirst();
    }
    List<Org> active = fits.stream().filter(o -> o.status() == OrgStatus.ACTIVE).toList();
    if (active.size() == 1) {
      return Optional.of(active.get(0));
    }
    throw ScopienException.invalid(
        "ambiguous_org",
        "'"
            + said
            + "' could mean "
            + fits.stream()
                .map(o -> o.name() + " (" + o.environment().wireName() + ")")
                .collect(Collectors.joining(" or "))
            + "; which one? Say the org's name.");
  }

  private static Optional<Org> byDomain(List<Org> orgs, String wanted) {
    return orgs.stream()
        .filter(o -> host(o).equals(wanted) || host(o).startsWith(wanted + "."))
        .findFirst();
  }

  private static Optional<Org> byWords(List<Org> orgs, String wanted) {
    List<String> words =
        List.of(
            wanted
                .replaceAll("\\b(org|organization|organisation|instance|the)\\b", " ")
                .trim()
                .split("\\s+"));
    return one(orgs.stream().filter(o -> wordsOf(o).containsAll(words)).toList(), wanted);
  }

  /** The words an org answers to: its name's, and its environment's ("UAT sandbox"). */
  private static List<String> wordsOf(Org org) {
    List<String> words = new java.util.ArrayList<>(List.of(normalise(org.name()).split(" ")));
    words.add(org.environment().wireName());
    words.add(org.environment() == Environment.PRODUCTION ? "prod" : "sbx");
    return words;
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
