package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.FieldTerm;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of a record to create, from "a lead for Jane Smith at Globex", "an account named
 * Initech", "a contact John Doe with email john@initech.com", "test lead". A field the request does
 * not give is left out, so the tool can say what is still needed.
 */
final class CreateValues {
  private static final Pattern EMAIL =
      Pattern.compile("[a-z0-9._%+\\-]+@[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)+");
  private static final Pattern NAMED =
      Pattern.compile("\\b(named|called|titled|for|name)\\s+(?:the\\s+)?");
  private static final Pattern COMPANY = Pattern.compile("\\b(at|from|of|with company)\\s+");
  private static final Pattern SUBJECT = Pattern.compile(":\\s*(.+)$");
  private static final Pattern WITH_FIELD =
      Pattern.compile(
          "\\b(?:with|and|,)\\s+(?:an?\\s+|the\\s+)?([a-z ]{2,30}?)\\s*(?:of|=|:|is)?"
              + "\\s+([^,]+?)(?=\\s+and\\s+|,|$)");

  private CreateValues() {}

  static Map<String, Object> extract(Utterance u, ObjectTerm object, LocalDate today) {
    Map<String, Object> values = new LinkedHashMap<>();
    boolean person = object.field("FirstName").isPresent() && object.field("LastName").isPresent();
    for (Utterance.Span s : u.find(EMAIL)) {
      object.field("Email").ifPresent(f -> values.put("Email", u.originalText(s.start(), s.end())));
      u.use(s);
    }
    u.first(SUBJECT)
        .ifPresent(
            s -> {
              object
                  .field("Subject")
                  .ifPresent(
                      f ->
                          values.put(
                              "Subject",
                              u.originalText(s.match().start(1), s.match().end(1)).trim()));
              u.use(s);
            });
    for (Utterance.Span s : u.find(NAMED)) {
      Optional<NameSpans.Name> name = NameSpans.at(u, s.end());
      if (name.isPresent()) {
        u.use(s.start(), name.get().end());
        putName(values, object, person, name.get().text());
        break;
      }
    }
    if (object.field("Company").isPresent()) {
      for (Utterance.Span s : u.find(COMPANY)) {
        Optional<NameSpans.Name> name = NameSpans.at(u, s.end());
        if (name.isPresent()) {
          u.use(s.start(), name.get().end());
          values.put("Company", name.get().text());
          break;
        }
      }
    }
    for (Utterance.Span s : u.find(WITH_FIELD)) {
      Optional<FieldPhrases.Match> field = FieldPhrases.in(s.group(1).trim(), object);
      if (field.isPresent() && !values.containsKey(field.get().field().apiName())) {
        Object value =
            Assignments.typed(
                field.get().field(), u.originalText(s.match().start(2), s.match().end(2)).trim());
        values.put(field.get().field().apiName(), value);
        u.use(s);
      }
    }
    if (!hasName(values, object, person)) {
      Optional<NameSpans.Name> name = NameSpans.anywhere(u);
      if (name.isPresent()) {
        u.use(name.get().start(), name.get().end());
        putName(values, object, person, name.get().text());
      } else if (u.has("test") || u.has("sample") || u.has("demo")) {
        testValues(values, object, person);
      }
    }
    defaults(values, object, today);
    return values;
  }

  private static boolean hasName(Map<String, Object> values, ObjectTerm object, boolean person) {
    return person
        ? values.containsKey("LastName")
        : values.containsKey(object.nameField()) || values.containsKey("Subject");
  }

  private static void putName(
      Map<String, Object> values, ObjectTerm object, boolean person, String name) {
    if (person) {
      String[] parts = name.trim().split("\\s+", 2);
      if (parts.length == 2) {
        values.put("FirstName", parts[0]);
        values.put("LastName", parts[1]);
      } else {
        values.put("LastName", parts[0]);
      }
      return;
    }
    Optional<FieldTerm> nameField =
        object.field(object.nameField()).filter(f -> !f.type().equals("id"));
    String field =
        object.field("Subject").isPresent() && !object.nameField().equals("Name")
            ? "Subject"
            : nameField.map(FieldTerm::apiName).orElse("Name");
    values.put(field, name);
  }

  private static void testValues(Map<String, Object> values, ObjectTerm object, boolean person) {
    if (person) {
      values.putIfAbsent("FirstName", "Test");
      values.put("LastName", object.label());
      if (object.field("Company").isPresent()) {
        values.putIfAbsent("Company", "Scopien Test");
      }
    } else if (object.field("Subject").isPresent() && !object.nameField().equals("Name")) {
      values.put("Subject", "Test " + object.label());
    } else {
      values.put(object.nameField(), "Test " + object.label());
    }
  }

  /** What a careful person would fill in for an opportunity when not told. */
  private static void defaults(Map<String, Object> values, ObjectTerm object, LocalDate today) {
    if (object.apiName().equals("Opportunity")) {
      values.putIfAbsent("StageName", "Prospecting");
      values.putIfAbsent("CloseDate", today.plusDays(30).toString());
    }
  }
}
