package com.scopien.security;

import com.scopien.ScopienException;
import com.scopien.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The objects and fields an admin opened to Guests; a Guest reads nothing else. By default only
 * Account names ({@code Account.Id}, {@code Account.Name}). A field on the hidden list stays hidden
 * from Guests even when opened here ({@link FieldSecurity} judges both).
 *
 * <p>Stored in {@code guest_fields} (migration V20) and read into memory; another instance's change
 * is seen within half a minute, this instance's at once. Names compare case-insensitively.
 * Thread-safe.
 */
public final class GuestAccess {

  /** What Guests may read when nothing else was chosen. */
  public static final Map<String, List<String>> DEFAULT = Map.of("Account", List.of("Id", "Name"));

  private static final Duration REFRESH = Duration.ofSeconds(30);
  private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");

  private record Snapshot(Map<String, Set<String>> open, Instant at) {}

  private final Jdbc jdbc;
  private final Clock clock;
  private volatile Snapshot snapshot;

  private GuestAccess(Jdbc jdbc, Clock clock, Map<String, ? extends Collection<String>> open) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.snapshot = new Snapshot(normalise(open), clock.instant());
  }

  /** Kept in the store, shared by every instance. */
  public static GuestAccess stored(Jdbc jdbc, Clock clock) {
    GuestAccess access = new GuestAccess(jdbc, clock, Map.of());
    access.reload();
    return access;
  }

  /** Fixed, in memory: {@link #DEFAULT}, for tests and tools without a store. */
  public static GuestAccess defaults() {
    return fixed(DEFAULT);
  }

  /** Fixed, in memory: {@code open} (object to fields); {@link #replace} changes only memory. */
  public static GuestAccess fixed(Map<String, ? extends Collection<String>> open) {
    return new GuestAccess(null, Clock.systemUTC(), open);
  }

  /** True when Guests may read some fields of {@code object}. */
  public boolean objectOpen(String object) {
    return object != null && current().containsKey(key(object));
  }

  /** True when Guests may read {@code field} of {@code object}. */
  public boolean fieldOpen(String object, String field) {
    if (object == null || field == null) {
      return false;
    }
    Set<String> fields = current().get(key(object));
    return fields != null && fields.contains(key(field));
  }

  /** What is open, by object, names lower-cased, sorted. */
  public Map<String, List<String>> opened() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    current().forEach((object, fields) -> out.put(object, List.copyOf(fields)));
    return out;
  }

  /**
   * Replaces what Guests may read with {@code open} (object to fields); an empty map closes
   * everything. Bad names change nothing; the change is audited as {@code guest_access.update}.
   *
   * @throws ScopienException INVALID_INPUT {@code invalid_guest_access} listing every bad name
   */
  public void replace(User actor, Map<String, List<String>> open, AuditLog audit) {
    List<String> problems = new ArrayList<>();
    open.forEach(
        (object, fields) -> {
          if (object == null || !API_NAME.matcher(object).matches()) {
            problems.add("'" + object + "' is not an object API name");
          }
          if (fields == null || fields.isEmpty()) {
            problems.add("'" + object + "' needs at least one field");
          } else {
            fields.stream()
                .filter(f -> f == null || !API_NAME.matcher(f).matches())
                .forEach(
                    f -> problems.add("'" + f + "' on '" + object + "' is not a field API name"));
          }
        });
    if (!problems.isEmpty()) {
      throw ScopienException.invalid("invalid_guest_access", String.join("; ", problems) + ".");
    }
    Map<String, Set<String>> next = normalise(open);
    Map<String, List<String>> before = opened();
    if (jdbc != null) {
      jdbc.inTransaction(
          () -> {
            jdbc.update("DELETE FROM guest_fields");
            List<Object[]> rows = new ArrayList<>();
            next.forEach(
                (object, fields) -> fields.forEach(f -> rows.add(new Object[] {object, f})));
            if (!rows.isEmpty()) {
              jdbc.batch("INSERT INTO guest_fields (object_name, field_name) VALUES (?, ?)", rows);
            }
            audit.record(
                actor,
                "guest_access.update",
                "guest_access",
                null,
                null,
                Map.of("open", before),
                Map.of("open", next));
          });
    }
    snapshot = new Snapshot(next, clock.instant());
  }

  private Map<String, Set<String>> current() {
    Snapshot s = snapshot;
    if (jdbc != null && s.at().plus(REFRESH).isBefore(clock.instant())) {
      reload();
      s = snapshot;
    }
    return s.open();
  }

  private void reload() {
    Map<String, Set<String>> open = new TreeMap<>();
    jdbc.query(
            "SELECT object_name, field_name FROM guest_fields",
            row -> new String[] {row.getString(1), row.getString(2)})
        .forEach(r -> open.computeIfAbsent(r[0], k -> new TreeSet<>()).add(r[1]));
    snapshot = new Snapshot(open, clock.instant());
  }

  private static Map<String, Set<String>> normalise(
      Map<String, ? extends Collection<String>> open) {
    Map<String, Set<String>> out = new TreeMap<>();
    open.forEach(
        (object, fields) -> {
          Set<String> set = out.computeIfAbsent(key(object), k -> new TreeSet<>());
          fields.forEach(f -> set.add(key(f)));
        });
    return out;
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
