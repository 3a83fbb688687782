package com.scopien.agent.offline;

import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Filters that name a record rather than a value: an email address, "named X", "owned by X" (the
 * record's owner), and "at/for/of X" meaning the parent account (or a lead's company).
 */
final class RelationFilters {
  private static final Pattern EMAIL =
      Pattern.compile("[a-z0-9._%+\\-]+@[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)+");
  private static final Pattern NAMED =
      Pattern.compile("\\b(named|called|titled|with name|with the name|name)\\s+");
  private static final Pattern PARENT =
      Pattern.compile("\\b(at|for|from|of|with|in|under)\\s+(?:the\\s+)?(?:account\\s+)?");

  /** "how many contacts does Acme Corporation have": the account that has them. */
  private static final Pattern HAS =
      Pattern.compile("\\b(?:does|do|did)\\s+(?:the\\s+)?(?:account\\s+)?");

  private static final Pattern HAVE = Pattern.compile("^\\s+(?:have|has|own|hold)\\b");

  /** "opportunities owned by Sarah Chen", "cases assigned to John Doe": the owner, by name. */
  private static final Pattern OWNER =
      Pattern.compile("\\b(?:owned by|assigned to|belonging to|whose owner is|with owner)\\s+");

  private RelationFilters() {}

  static List<Filter> extract(Utterance u, ObjectTerm object) {
    List<Filter> filters = new ArrayList<>();
    for (Utterance.Span s : u.find(EMAIL)) {
      Optional<Vocabulary.FieldTerm> email =
          object
              .field("Email")
              .or(() -> object.fields().stream().filter(f -> f.type().equals("email")).findFirst());
      if (email.isPresent()) {
        u.use(s);
        filters.add(new Filter(email.get().apiName(), "=", u.originalText(s.start(), s.end())));
      }
    }
    for (Utterance.Span s : u.find(NAMED)) {
      Optional<NameSpans.Name> name = NameSpans.at(u, s.end());
      if (name.isPresent()) {
        u.use(s.start(), name.get().end());
        filters.add(new Filter(object.nameField(), "like", name.get().text()));
      }
    }
    if (object.field("OwnerId").isPresent()) {
      for (Utterance.Span s : u.find(OWNER)) {
        Optional<NameSpans.Name> name = NameSpans.at(u, s.end());
        if (name.isPresent()) {
          u.use(s.start(), name.get().end());
          filters.add(new Filter("Owner.Name", "=", name.get().text()));
        }
      }
    }
    Optional<String> parent = parentField(object);
    if (parent.isEmpty()) {
      return filters;
    }
    // "how many contacts does Acme Corporation have?": the account named before "have".
    for (Utterance.Span s : u.find(HAS)) {
      Optional<NameSpans.Name> name = NameSpans.at(u, s.end());
      if (name.isPresent() && HAVE.matcher(u.lower().substring(name.get().end())).find()) {
        u.use(s.start(), name.get().end());
        filters.add(new Filter(parent.get(), "=", name.get().text()));
        return filters;
      }
    }
    for (Utterance.Span s : u.find(PARENT)) {
      Optional<NameSpans.Name> name = NameSpans.at(u, s.end());
      if (name.isPresent()) {
        u.use(s.start(), name.get().end());
        filters.add(new Filter(parent.get(), "=", name.get().text()));
        return filters;
      }
    }
    return filters;
  }

  /** Where an object keeps its account's name: Account.Name, Company, Account__r.Name. */
  static Optional<String> parentField(ObjectTerm object) {
    if (object.field("AccountId").isPresent()) {
      return Optional.of("Account.Name");
    }
    if (object.field("Company").isPresent()) {
      return Optional.of("Company");
    }
    if (object.field("Account__c").isPresent()) {
      return Optional.of("Account__r.Name");
    }
    return Optional.empty();
  }
}
