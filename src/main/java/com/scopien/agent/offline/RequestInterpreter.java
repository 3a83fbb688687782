package com.scopien.agent.offline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopien.agent.offline.Mentions.Found;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Understands one request: classifies the intent, then runs the slot extractors that intent needs
 * (org, object, filters, order and limit, values, changes) and returns the tool call an LLM would
 * make, or empty when no tool fits.
 */
final class RequestInterpreter {
  /** Amounts stay exact decimals in the arguments: 80000, never 80000.0. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final java.util.regex.Pattern PRONOUN =
      java.util.regex.Pattern.compile(
          "\\b(her|his|its|it|him|them|their|that one|this one"
              + "|the (?:first|second|third|fourth|fifth|last) one)\\b");

  private final IntentClassifier classifier;

  RequestInterpreter(IntentClassifier classifier) {
    this.classifier = classifier;
  }

  Optional<ToolCall> interpret(String text, Vocabulary v, LocalDate today) {
    return interpret(text, v, today, Recall.NONE);
  }

  /**
   * @param recall what the conversation can refer back to, so that "set her status to ..." changes
   *     the record in focus
   */
  Optional<ToolCall> interpret(String text, Vocabulary v, LocalDate today, Recall recall) {
    Utterance probe = new Utterance(text);
    Optional<Found<String>> org = Mentions.org(probe, v);
    org.ifPresent(o -> probe.use(o.start(), o.end()));
    boolean namesObject = !Mentions.objects(probe, v).isEmpty();
    boolean namesRecord = NameSpans.anywhere(probe).isPresent();
    Map<Intent, Double> scores =
        classifier.score(
            probe,
            new IntentClassifier.Clues(
                namesObject, org.isPresent(), namesRecord, Gist.of(text, v)));
    List<Map.Entry<Intent, Double>> ranked = new ArrayList<>(new EnumMap<>(scores).entrySet());
    ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    for (Map.Entry<Intent, Double> candidate : ranked) {
      if (candidate.getValue() <= 0) {
        break;
      }
      Optional<ToolCall> call = build(candidate.getKey(), text, v, today, recall);
      if (call.isPresent()) {
        return call;
      }
    }
    return Optional.empty();
  }

  /** The tool call for {@code intent}, or empty when the request lacks what that tool needs. */
  private Optional<ToolCall> build(
      Intent intent, String text, Vocabulary v, LocalDate today, Recall recall) {
    Utterance u = new Utterance(text);
    Optional<Found<String>> org = Mentions.org(u, v);
    org.ifPresent(o -> u.use(o.start(), o.end()));
    List<Found<ObjectTerm>> objects = Mentions.objects(u, v);
    ObjectNode args = JSON.createObjectNode();
    ObjectTerm object = objects.isEmpty() ? null : objects.get(0).value();
    if (!objects.isEmpty()) {
      u.use(objects.get(0).start(), objects.get(0).end());
    }
    ObjectTerm hinted = object != null ? object : Mentions.nameHint(u, v).orElse(null);
    java.util.regex.Matcher pointing = PRONOUN.matcher(u.lower());
    if (hinted == null && pointing.find()) {
      hinted =
          References.resolve(pointing.group(1), recall)
              .or(recall::it)
              .flatMap(r -> v.object(r.object()))
              .orElse(null);
    }
    switch (intent) {
      case QUERY, COUNT -> {
        if (object == null) {
          return Optional.empty();
        }
        args.put("object", object.apiName());
        ArrayNode filters = filters(u, object);
        int objectStart = objects.get(0).start();
        NameSpans.at(u, objects.get(0).end())
            .filter(n -> n.text().contains(" ") || Character.isUpperCase(n.text().charAt(0)))
            .or(() -> nameRightBefore(u, objectStart))
            .ifPresent(
                n -> {
                  u.use(n.start(), n.end());
                  filters.add(JSON.valueToTree(new Filter(object.nameField(), "=", n.text())));
                });
        if (!filters.isEmpty()) {
          args.set("filters", filters);
        }
        if (intent == Intent.QUERY) {
          OrderAndLimit.limit(u).ifPresent(n -> args.put("limit", n));
          List<OrderAndLimit.Order> order = OrderAndLimit.order(u, object);
          if (!order.isEmpty()) {
            args.set("orderBy", JSON.valueToTree(order));
          }
        }
      }
      case AGGREGATE -> {
        if (object == null) {
          return Optional.empty();
        }
        ArrayNode filters = filters(u, object);
        Optional<Totals.Ask> ask = Totals.extract(u, object);
        if (ask.isEmpty()
            || (ask.get().function().equals("count") && ask.get().groupBy().isEmpty())) {
          // A plain "how many" is count_records' to answer.
          return Optional.empty();
        }
        args.put("object", object.apiName());
        args.put("function", ask.get().function());
        if (ask.get().field() != null) {
          args.put("field", ask.get().field());
        }
        if (!filters.isEmpty()) {
          args.set("filters", filters);
        }
        if (!ask.get().groupBy().isEmpty()) {
          ArrayNode groupBy = args.putArray("groupBy");
          ask.get().groupBy().forEach(groupBy::add);
        }
      }
      case GET -> {
        // "Open cases for Acme": an object said in the plural asks for a list, not one record.
        if (object == null || saidInPlural(u, objects.get(0)) || !record(u, objects.get(0), args)) {
          return Optional.empty();
        }
        args.put("object", object.apiName());
      }
      case CREATE -> {
        if (object == null) {
          return Optional.empty();
        }
        args.put("object", object.apiName());
        args.set("values", JSON.valueToTree(CreateValues.extract(u, object, today)));
      }
      case UPDATE -> {
        Optional<Assignments.Change> change = Assignments.extract(u, v, hinted);
        if (change.isEmpty()) {
          return Optional.empty();
        }
        args.put("object", change.get().object().apiName());
        String record = change.get().record();
        Optional<Recall.Record> earlier =
            References.isReference(record) ? References.resolve(record, recall) : Optional.empty();
        if (earlier.isPresent() && change.get().object().apiName().equals(earlier.get().object())) {
          args.put("id", earlier.get().id());
        } else {
          args.put("name", record);
        }
        ObjectNode values = args.putObject("values");
        values.set(change.get().field().apiName(), JSON.valueToTree(change.get().value()));
      }
      case DESCRIBE -> {
        if (object == null) {
          return Optional.empty();
        }
        args.put("object", object.apiName());
      }
      case SWITCH_ORG -> {
        if (org.isEmpty()) {
          return Optional.empty();
        }
      }
      case SYNC_NOW, SYNC_STATUS, SYNC_ERRORS -> {
        if (!objects.isEmpty()) {
          ArrayNode names = args.putArray("objects");
          objects.stream().map(f -> f.value().apiName()).distinct().forEach(names::add);
        }
        if (intent == Intent.SYNC_ERRORS) {
          SyncWindows.sinceHours(u).ifPresent(h -> args.put("sinceHours", h));
        }
      }
      case LIST_ORGS, API_USAGE -> {}
      default -> {
        return Optional.empty();
      }
    }
    if (org.isPresent() && intent != Intent.LIST_ORGS) {
      args.put("org", org.get().value());
    }
    return Optional.of(new ToolCall(intent.tool(), args));
  }

  static ArrayNode filters(Utterance u, ObjectTerm object) {
    List<Filter> all = new ArrayList<>();
    all.addAll(DateFilters.extract(u, object));
    all.addAll(AmountFilters.extract(u, object));
    all.addAll(PicklistFilters.extract(u, object));
    all.addAll(StateFilters.extract(u, object));
    all.addAll(RelationFilters.extract(u, object));
    return JSON.valueToTree(all);
  }

  private static boolean saidInPlural(Utterance u, Found<ObjectTerm> object) {
    String said = u.lower().substring(object.start(), object.end());
    String label = object.value().label().toLowerCase(java.util.Locale.ROOT);
    String plural = object.value().plural();
    return (plural != null && said.equals(plural.toLowerCase(java.util.Locale.ROOT)))
        || said.equals(Vocabulary.plural(label))
        || (said.endsWith("s") && !label.endsWith("s") && !said.equals(label));
  }

  /** "the Jane Roe contact": a name of several words that ends where the object is named. */
  private static Optional<NameSpans.Name> nameRightBefore(Utterance u, int objectStart) {
    return NameSpans.anywhere(u)
        .filter(n -> n.text().contains(" ") && n.end() <= objectStart)
        .filter(n -> u.original().substring(n.end(), objectStart).isBlank());
  }

  /** The record a get names: an Id, a quoted name, or the capitalised name near the object. */
  private static boolean record(Utterance u, Found<ObjectTerm> object, ObjectNode args) {
    var id =
        u.first(java.util.regex.Pattern.compile("\\b[a-z0-9]{3}[a-z0-9]{12}(?:[a-z0-9]{3})?\\b"));
    if (id.isPresent() && id.get().group(0).matches(".*\\d.*")) {
      args.put("id", u.originalText(id.get().start(), id.get().end()));
      return true;
    }
    Optional<NameSpans.Name> name = NameSpans.at(u, object.end()).or(() -> NameSpans.anywhere(u));
    name.ifPresent(n -> args.put("name", n.text()));
    return name.isPresent();
  }
}
