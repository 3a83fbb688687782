package com.scopien.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which record fields a role may see. A field on the hidden list is hidden from every role below a
 * threshold role, or from everyone when there is no threshold (the default for {@code SSN__c},
 * {@code Bank_Account__c} and {@code Salary__c}). Hidden values never reach the model, a reply, an
 * API response, a webhook or a log. Guests see, besides, only the objects and fields an admin
 * opened to guests ({@link GuestAccess}); a hidden field stays hidden from them even when opened.
 *
 * <p>Entries name a field on any object ({@code SSN__c}) or on one object ({@code Contact.SSN__c}).
 * Names compare case-insensitively, as Salesforce API names do. Field paths through relationships
 * ({@code Contact.SSN__c} asked on {@code Case}) are judged by their last two parts. The hidden
 * list is immutable; an admin's stored rule for an object ({@link HiddenFields}, Settings → Field
 * Security) replaces it for that object, and what guests may read can change while Scopien runs. A
 * stored rule is enforced without knowing the org asked: a field hidden in one org is hidden in
 * every org. Thread-safe.
 */
public final class FieldSecurity {

  /** The fields hidden by default. */
  public static final List<String> DEFAULT_HIDDEN_FIELDS =
      List.of("SSN__c", "Bank_Account__c", "Salary__c");

  private final Set<String> hidden = new TreeSet<>();
  private final Optional<Role> visibleFrom;
  private final GuestAccess guests;
  private final HiddenFields rules;

  /**
   * @param hiddenFields field names, bare or {@code Object.Field}
   * @param visibleFrom the weakest role that may see hidden fields; empty: nobody may
   */
  public FieldSecurity(Collection<String> hiddenFields, Optional<Role> visibleFrom) {
    this(hiddenFields, visibleFrom, GuestAccess.defaults());
  }

  /**
   * @param guests what Guests may read at all; a Guest sees no other object or field
   */
  public FieldSecurity(
      Collection<String> hiddenFields, Optional<Role> visibleFrom, GuestAccess guests) {
    this(hiddenFields, visibleFrom, guests, null);
  }

  private FieldSecurity(
      Collection<String> hiddenFields,
      Optional<Role> visibleFrom,
      GuestAccess guests,
      HiddenFields rules) {
    this.guests = Objects.requireNonNull(guests, "guests");
    this.rules = rules;
    for (String field : hiddenFields) {
      if (field == null || field.isBlank()) {
        throw new IllegalArgumentException("A hidden field name must not be blank");
      }
      hidden.add(normalise(field));
    }
    this.visibleFrom = visibleFrom;
  }

  /** The default policy: the three sensitive fields, hidden from everyone. */
  public static FieldSecurity defaults() {
    return new FieldSecurity(DEFAULT_HIDDEN_FIELDS, Optional.empty());
  }

  /** The same hidden list, with {@code guests} deciding what Guests may read. */
  public FieldSecurity withGuestAccess(GuestAccess guests) {
    return new FieldSecurity(hidden, visibleFrom, guests, rules);
  }

  /**
   * The same policy, where the rules an admin stored ({@link HiddenFields}) replace the hidden list
   * for each object they cover. The list stays the default for objects no admin chose for.
   */
  public FieldSecurity withHiddenFields(HiddenFields rules) {
    return new FieldSecurity(hidden, visibleFrom, guests, Objects.requireNonNull(rules, "rules"));
  }

  /** The admins' stored rules, when this policy follows them. */
  public Optional<HiddenFields> hiddenFieldRules() {
    return Optional.ofNullable(rules);
  }

  /** True when the hidden list (not an admin's rule) hides {@code field} of {@code object}. */
  public boolean hiddenByDefault(String object, String field) {
    String name = normalise(field);
    return hidden.contains(name)
        || hidden.contains((object == null ? "" : normalise(object)) + "." + name);
  }

  /**
   * True when {@code role} may see {@code field} of {@code object}; a null role sees nothing, a
   * Guest only the fields opened to guests ({@link GuestAccess}).
   */
  public boolean isVisible(Role role, String object, String field) {
    if (role == Role.GUEST && !guestMayRead(object, field)) {
      return false;
    }
    if (!isHidden(object, field)) {
      return true;
    }
    return role != null && visibleFrom.map(role::atLeast).orElse(false);
  }

  /**
   * True when {@code role} may read records of {@code object} at all: a null role reads none, a
   * Guest only the objects opened to guests.
   */
  public boolean isObjectVisible(Role role, String object) {
    if (role == null || object == null) {
      return false;
    }
    return role != Role.GUEST || guests.objectOpen(object);
  }

  private boolean guestMayRead(String object, String field) {
    if (field == null) {
      return false;
    }
    if ("attributes".equals(field)) {
      return true; // the record's type and URL, not a field
    }
    String path = normalise(field);
    int dot = path.lastIndexOf('.');
    String name = dot < 0 ? path : path.substring(dot + 1);
    String owner = dot < 0 ? object : path.substring(path.lastIndexOf('.', dot - 1) + 1, dot);
    return guests.fieldOpen(owner, name);
  }

  /** True when {@code field} of {@code object} is on the hidden list, whoever asks. */
  public boolean isHidden(String object, String field) {
    if (field == null) {
      return false;
    }
    String path = normalise(field);
    int dot = path.lastIndexOf('.');
    String name = dot < 0 ? path : path.substring(dot + 1);
    String owner =
        dot < 0
            ? (object == null ? "" : normalise(object))
            : path.substring(path.lastIndexOf('.', dot - 1) + 1, dot);
    if (rules != null) {
      Optional<Boolean> chosen = rules.judge(owner, name);
      if (chosen.isPresent()) {
        return chosen.get();
      }
    }
    return hidden.contains(name) || hidden.contains(owner + "." + name);
  }

  /** The fields of {@code fields} that {@code role} may see, in their order. */
  public List<String> visibleFields(Role role, String object, Collection<String> fields) {
    List<String> visible = new ArrayList<>();
    for (String field : fields) {
      if (isVisible(role, object, field)) {
        visible.add(field);
      }
    }
    return visible;
  }

  /**
   * A copy of {@code record} without the fields {@code role} may not see, also inside nested
   * records and lists of records (relationships, subqueries). A nested record is judged as the
   * object in its {@code attributes.type}, or else as the object named by its key.
   */
  public Map<String, Object> strip(Role role, String object, Map<String, ?> record) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : record.entrySet()) {
      if (isVisible(role, object, entry.getKey())) {
        copy.put(entry.getKey(), nested(entry.getKey(), entry.getValue(), role, false));
      }
    }
    return copy;
  }

  /**
   * A copy of {@code record} where every hidden field keeps its name but its value becomes {@link
   * Redactor#MASK}, whoever asks: for audit entries, which say that a field changed without saying
   * to what.
   */
  public Map<String, Object> mask(String object, Map<String, ?> record) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : record.entrySet()) {
      copy.put(
          entry.getKey(),
          isHidden(object, entry.getKey())
              ? Redactor.MASK
              : nested(entry.getKey(), entry.getValue(), null, true));
    }
    return copy;
  }

  /** What Guests may read. */
  public GuestAccess guestAccess() {
    return guests;
  }

  /** The hidden list, normalised to lower case. */
  public Set<String> hiddenFields() {
    return Set.copyOf(hidden);
  }

  private Object nested(String key, Object value, Role role, boolean masking) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> record = stringKeys(map);
      String object = typeOf(record).orElse(key);
      return masking ? mask(object, record) : strip(role, object, record);
    }
    if (value instanceof Collection<?> items) {
      List<Object> copy = new ArrayList<>();
      for (Object item : items) {
        copy.add(nested(key, item, role, masking));
      }
      return copy;
    }
    return value;
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static Optional<String> typeOf(Map<String, Object> record) {
    return record.get("attributes") instanceof Map<?, ?> attributes
            && attributes.get("type") instanceof String type
        ? Optional.of(type)
        : Optional.empty();
  }

  private static String normalise(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
