package com.scopien.security;

import com.scopien.store.Jdbc;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The hidden fields an admin chose, per org and object, kept in {@code field_security} (migration
 * V23). An object an admin never saved has no rule here and keeps {@link FieldSecurity}'s defaults.
 * Read into memory; this instance's change is seen at once, another instance's within half a
 * minute. Names compare case-insensitively. Thread-safe.
 */
public final class HiddenFields {

  private static final Duration REFRESH = Duration.ofSeconds(30);

  /** The rules by org id, then by lower-case object name, and the ids of the connected orgs. */
  private record Snapshot(
      Map<String, Map<String, Set<String>>> rules, Set<String> orgs, Instant at) {}

  private final Jdbc jdbc;
  private final Clock clock;
  private volatile Snapshot snapshot;

  private HiddenFields(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.snapshot = new Snapshot(Map.of(), Set.of(), Instant.MIN);
  }

  /** Kept in the store, shared by every instance. */
  public static HiddenFields stored(Jdbc jdbc, Clock clock) {
    HiddenFields fields = new HiddenFields(jdbc, clock);
    fields.reload();
    return fields;
  }

  /** The fields hidden on {@code object} in {@code orgId}, lower-case; empty without a rule. */
  public Optional<Set<String>> rule(String orgId, String object) {
    Map<String, Set<String>> byObject = current().rules().get(orgId);
    return Optional.ofNullable(byObject == null ? null : byObject.get(key(object)));
  }

  /**
   * How the rules judge {@code field} of {@code object} over every connected org: the stored rules
   * say which fields a model, a reply or an API answer may carry without knowing the org, so a
   * field hidden in one org is hidden in all. Empty when some connected org has no rule for the
   * object: then the defaults decide as well.
   */
  Optional<Boolean> judge(String object, String field) {
    Snapshot s = current();
    String o = key(object);
    String f = key(field);
    boolean everyOrgRuled = !s.orgs().isEmpty();
    for (String org : s.orgs()) {
      Map<String, Set<String>> byObject = s.rules().get(org);
      Set<String> hidden = byObject == null ? null : byObject.get(o);
      if (hidden == null) {
        everyOrgRuled = false;
      } else if (hidden.contains(f)) {
        return Optional.of(true);
      }
    }
    return everyOrgRuled ? Optional.of(false) : Optional.empty();
  }

  /** Stores {@code hidden} as the rule for {@code object} in {@code orgId}, replacing any. */
  void save(String orgId, String object, Collection<String> hidden) {
    Set<String> names =
        hidden.stream().map(HiddenFields::key).collect(Collectors.toCollection(TreeSet::new));
    String o = key(object);
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.inTransaction(
        () -> {
          jdbc.update("DELETE FROM field_security WHERE org_id = ? AND object_name = ?", orgId, o);
          jdbc.update(
              "INSERT INTO field_security (org_id, object_name, hidden_fields, updated_at)"
                  + " VALUES (?, ?, ?, ?)",
              orgId,
              o,
              String.join(",", names),
              now);
        });
    reload();
  }

  /** Reads the rules again at the next question, as after an org connects or leaves. */
  public void invalidate() {
    snapshot = new Snapshot(snapshot.rules(), snapshot.orgs(), Instant.MIN);
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s.at().plus(REFRESH).isBefore(clock.instant())) {
      reload();
      s = snapshot;
    }
    return s;
  }

  private synchronized void reload() {
    Map<String, Map<String, Set<String>>> rules = new HashMap<>();
    jdbc.query(
            "SELECT org_id, object_name, hidden_fields FROM field_security",
            row -> new String[] {row.getString(1), row.getString(2), row.getString(3)})
        .forEach(
            r ->
                rules
                    .computeIfAbsent(r[0], k -> new HashMap<>())
                    .put(
                        r[1],
                        Arrays.stream(r[2].split(","))
                            .filter(n -> !n.isBlank())
                            .collect(Collectors.toUnmodifiableSet())));
    Set<String> orgs = Set.copyOf(jdbc.query("SELECT id FROM orgs", row -> row.getString(1)));
    snapshot = new Snapshot(Map.copyOf(rules), orgs, clock.instant());
  }

  static String key(String name) {
    return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
  }
}
