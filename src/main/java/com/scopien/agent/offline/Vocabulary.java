package com.scopien.agent.offline;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the offline model knows about the words people use: objects by API name, label, plural and
 * common synonyms ("opps", "deals"); their fields by label; picklist values; org names. Built from
 * the org's describe when one is available, else from the demo schema. Immutable.
 */
public final class Vocabulary {
  private static final Map<String, List<String>> OBJECT_SYNONYMS =
      Map.of(
          "Opportunity",
          List.of("opp", "opps", "oppty", "opptys", "deal", "deals", "pipeline"),
          "Account",
          List.of("customer", "customers", "companies", "client", "clients", "client accounts"),
          "Case",
          List.of("ticket", "tickets", "support case", "support cases"),
          "Task",
          List.of("to-do", "to-dos", "todo", "todos"),
          "Event",
          List.of("meeting", "meetings", "appointment", "appointments"),
          "Lead",
          List.of("prospect", "prospects"),
          "Invoice__c",
          List.of("bill", "bills"),
          "Product2",
          List.of("product", "products"));
  private static final Map<String, List<String>> FIELD_SYNONYMS =
      Map.of(
          "StageName", List.of("stage", "sales stage"),
          "Score__c", List.of("score", "lead score", "rating score"),
          "AnnualRevenue", List.of("revenue", "annual revenue", "turnover"),
          "Amount", List.of("amount", "value", "deal size", "size"),
          "CloseDate", List.of("close date", "closing date"),
          "NumberOfEmployees", List.of("employees", "headcount", "employee count"),
          "Email", List.of("email", "e-mail", "email address"),
          "Phone", List.of("phone", "phone number"));

  /** An object and the phrases that name it, all lower case. */
  record ObjectTerm(
      String apiName, String label, String plural, Set<String> phrases, List<FieldTerm> fields) {
    Optional<FieldTerm> field(String apiName) {
      return fields.stream().filter(f -> f.apiName().equalsIgnoreCase(apiName)).findFirst();
    }

    String nameField() {
      return fields.stream()
          .filter(FieldTerm::nameField)
          .map(FieldTerm::apiName)
          .findFirst()
          .orElse("Name");
    }
  }

  /** A field and the phrases that name it, lower case, with its type and picklist values. */
  record FieldTerm(
      String apiName,
      String label,
      String type,
      boolean nameField,
      Set<String> phrases,
      List<String> picklist) {
    boolean numeric() {
      return Set.of("int", "long", "double", "currency", "percent").contains(type);
    }

    boolean date() {
      return type.equals("date") || type.equals("datetime");
    }
  }

  private final List<ObjectTerm> objects;
  private final List<String> orgNames;
  private volatile Set<String> words;

  private Vocabulary(List<ObjectTerm> objects, List<String> orgNames) {
    this.objects = List.copyOf(objects);
    this.orgNames = List.copyOf(orgNames);
  }

  /** The vocabulary of the demo org, used when no org can be described. */
  public static Vocabulary demo() {
    return of(DemoSchema.objects(), List.of());
  }

  /** The demo schema itself, for tests and fakes that need a realistic describe. */
  public static List<ObjectDescribe> demoDescribes() {
    return DemoSchema.objects();
  }

  /** A vocabulary from describes of an org's objects and the names of the connected orgs. */
  public static Vocabulary of(List<ObjectDescribe> describes, List<String> orgNames) {
    return of(describes, orgNames, Map.of());
  }

  /**
   * As {@link #of(List, List)}, with more phrases for some fields: {@code extra} maps {@code
   * Object.Field} (API names, any case) to names people use for it, such as the admin's Scopien
   * field names ("Deal Value" for Opportunity.Amount).
   */
  public static Vocabulary of(
      List<ObjectDescribe> describes, List<String> orgNames, Map<String, List<String>> extra) {
    Map<String, List<String>> byKey = new java.util.HashMap<>();
    extra.forEach((k, v) -> byKey.put(k.toLowerCase(Locale.ROOT), v));
    List<ObjectTerm> terms = new ArrayList<>();
    for (ObjectDescribe d : describes) {
      terms.add(term(d, byKey));
    }
    return new Vocabulary(terms, orgNames);
  }

  List<ObjectTerm> objects() {
    return objects;
  }

  /** Every word of the object, field and picklist phrases, lower case, for mending typos. */
  Set<String> words() {
    if (words == null) {
      Set<String> all = new java.util.HashSet<>();
      for (ObjectTerm o : objects) {
        o.phrases().forEach(p -> all.addAll(Spelling.words(p)));
        for (FieldTerm f : o.fields()) {
          f.phrases().forEach(p -> all.addAll(Spelling.words(p)));
          f.picklist().forEach(p -> all.addAll(Spelling.words(p)));
        }
      }
      orgNames.forEach(n -> all.addAll(Spelling.words(n)));
      words = Set.copyOf(all);
    }
    return words;
  }

  List<String> orgNames() {
    return orgNames;
  }

  Optional<ObjectTerm> object(String apiName) {
    return objects.stream().filter(o -> o.apiName().equalsIgnoreCase(apiName)).findFirst();
  }

  private static ObjectTerm term(ObjectDescribe d, Map<String, List<String>> extra) {
    Set<String> phrases = new LinkedHashSet<>();
    String api = d.name().toLowerCase(Locale.ROOT);
    phrases.add(api);
    phrases.add(api.replace("__c", "").replace('_', ' '));
    String label = d.label().toLowerCase(Locale.ROOT);
    phrases.add(label);
    phrases.add(plural(label));
    if (d.labelPlural() != null) {
      phrases.add(d.labelPlural().toLowerCase(Locale.ROOT));
    }
    phrases.addAll(OBJECT_SYNONYMS.getOrDefault(d.name(), List.of()));
    List<FieldTerm> fields = new ArrayList<>();
    for (FieldDescribe f : d.fields()) {
      FieldTerm term = field(d, f);
      List<String> more =
          extra.getOrDefault((d.name() + "." + f.name()).toLowerCase(Locale.ROOT), List.of());
      if (!more.isEmpty()) {
        Set<String> named = new LinkedHashSet<>();
        more.forEach(p -> named.add(p.toLowerCase(Locale.ROOT).trim()));
        named.addAll(term.phrases());
        term =
            new FieldTerm(
                term.apiName(),
                term.label(),
                term.type(),
                term.nameField(),
                phrases,
                term.picklist());
      }
      fields.add(term);
    }
    return new ObjectTerm(d.name(), d.label(), d.labelPlural(), phrases, fields);
  }

  private static FieldTerm field(ObjectDescribe object, FieldDescribe f) {
    Set<String> phrases = new LinkedHashSet<>();
    String label = f.label().toLowerCase(Locale.ROOT);
    phrases.add(label);
    String objectLabel = object.label().toLowerCase(Locale.ROOT);
    if (label.startsWith(objectLabel + " ")) {
      phrases.add(label.substring(objectLabel.length() + 1));
    } else {
      phrases.add(objectLabel + " " + label);
    }
    phrases.add(f.name().toLowerCase(Locale.ROOT));
    phrases.add(splitCamel(f.name().replace("__c", "")).replace('_', ' '));
    phrases.addAll(FIELD_SYNONYMS.getOrDefault(f.name(), List.of()));
    List<String> picklist = new ArrayList<>();
    f.picklistValues().stream()
        .filter(FieldDescribe.PicklistValue::active)
        .forEach(v -> picklist.add(v.value()));
    return new FieldTerm(f.name(), f.label(), f.type(), f.nameField(), phrases, picklist);
  }

  static String plural(String word) {
    if (word.endsWith("y") && !word.endsWith("ey")) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word.endsWith("s") ? word + "es" : word + "s";
  }

  private static String splitCamel(String name) {
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }
}
