package com.scopien.security;

import com.scopien.ScopienException;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * What Settings → Field Security shows and saves: an object's fields from describe, each hidden or
 * not in one org, and the admin's new choice, checked against describe, stored ({@link
 * HiddenFields}) and audited as {@code field_security.update}.
 */
public final class FieldSecurityAdmin {

  /** The reference's four suggested fields, by API name. */
  public static final Set<String> SUGGESTED_NAMES =
      Set.of("ssn__c", "bank_account__c", "salary__c", "email");

  private static final List<String> SUGGESTED_LABELS =
      List.of("social security", "bank account", "salary");

  /** One field as the page shows it. */
  public record Field(String name, String label, String type, boolean hidden, boolean suggested) {}

  /** One object of one org as the page shows it. */
  public record View(String org, String object, String label, List<Field> fields) {}

  private final FieldSecurity security;
  private final HiddenFields rules;
  private final AuditLog audit;
  private BiFunction<String, String, ObjectDescribe> describe;

  /**
   * @param describe the describe of an object by org id and API name; throws a {@link
   *     ScopienException} for an unknown org or object
   */
  public FieldSecurityAdmin(
      FieldSecurity security, AuditLog audit, BiFunction<String, String, ObjectDescribe> describe) {
    this(security, audit);
    this.describe = Objects.requireNonNull(describe, "describe");
  }

  public FieldSecurityAdmin(FieldSecurity security, AuditLog audit) {
    this.security = Objects.requireNonNull(security, "security");
    this.rules =
        security
            .hiddenFieldRules()
            .orElseThrow(() -> new IllegalArgumentException("The policy keeps no stored rules"));
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** The fields of the object named {@code objectName} in {@code orgId}. */
  public View view(String orgId, String objectName) {
    ObjectDescribe object = describer().apply(orgId, objectName);
    return new View(orgId, object.name(), object.label(), fields(orgId, object));
  }

  /** As {@link #replace(User, String, ObjectDescribe, List)}, for an object named by the admin. */
  public View replace(User actor, String orgId, String objectName, List<String> hiddenNames) {
    ObjectDescribe object = describer().apply(orgId, objectName);
    return new View(
        orgId, object.name(), object.label(), replace(actor, orgId, object, hiddenNames));
  }

  private BiFunction<String, String, ObjectDescribe> describer() {
    if (describe == null) {
      throw new IllegalStateException("Built without a way to describe objects");
    }
    return describe;
  }

  /** The fields of {@code object} in {@code orgId}, in describe's order. */
  public List<Field> fields(String orgId, ObjectDescribe object) {
    Set<String> hidden = hidden(orgId, object);
    List<Field> out = new ArrayList<>();
    for (FieldDescribe f : object.fields()) {
      out.add(
          new Field(
              f.name(),
              f.label(),
              f.type(),
              hidden.contains(HiddenFields.key(f.name())),
              suggested(f)));
    }
    return out;
  }

  /**
   * Makes {@code hiddenNames} the hidden fields of {@code object} in {@code orgId}; every other
   * field becomes visible. Nothing changes when a name is not a field of the object.
   *
   * @throws ScopienException INVALID_INPUT {@code invalid_field_security} listing every bad name
   */
  public List<Field> replace(
      User actor, String orgId, ObjectDescribe object, List<String> hiddenNames) {
    List<String> problems = new ArrayList<>();
    Set<String> chosen = new TreeSet<>();
    for (String name : hiddenNames) {
      if (name == null || name.isBlank()) {
        problems.add("a field name is empty");
      } else if (object.field(name.trim()).isEmpty()) {
        problems.add("'" + name + "' is not a field of " + object.name());
      } else if (name.trim().equalsIgnoreCase("Id")) {
        problems.add("Id identifies the record and cannot be hidden");
      } else {
        chosen.add(object.field(name.trim()).get().name());
      }
    }
    if (!problems.isEmpty()) {
      throw ScopienException.invalid(
          "invalid_field_security", "Nothing was changed: " + String.join("; ", problems) + ".");
    }
    List<String> before = hiddenNames(orgId, object);
    rules.save(orgId, object.name(), chosen);
    audit.record(
        actor,
        "field_security.update",
        "field_security",
        object.name(),
        orgId,
        Map.of("hidden", before),
        Map.of("hidden", List.copyOf(chosen)));
    return fields(orgId, object);
  }

  private List<String> hiddenNames(String orgId, ObjectDescribe object) {
    Set<String> hidden = hidden(orgId, object);
    return object.fields().stream()
        .map(FieldDescribe::name)
        .filter(n -> hidden.contains(HiddenFields.key(n)))
        .toList();
  }

  private Set<String> hidden(String orgId, ObjectDescribe object) {
    return rules
        .rule(orgId, object.name())
        .orElseGet(
            () -> {
              Set<String> byDefault = new TreeSet<>();
              for (FieldDescribe f : object.fields()) {
                if (security.hiddenByDefault(object.name(), f.name())) {
                  byDefault.add(HiddenFields.key(f.name()));
                }
              }
              return byDefault;
            });
  }

  private static boolean suggested(FieldDescribe field) {
    if (SUGGESTED_NAMES.contains(HiddenFields.key(field.name()))) {
      return true;
    }
    String label = field.label() == null ? "" : field.label().toLowerCase(Locale.ROOT);
    return SUGGESTED_LABELS.stream().anyMatch(label::contains);
  }
}
