package com.scopien.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follow-ups on the last list: "how many are there?" counts it, "show more" / "next page" pages on,
 * "sort them by amount, biggest first" re-sorts it, "only the closed won ones" narrows it. Each
 * reuses the last list's object, filters and org from the {@link Recall}.
 */
final class ListFollowUps {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 10;

  private static final Pattern COUNT =
      Pattern.compile(
          "^(?:and |so |ok |okay )?(?:how many(?: (?:are|is) (?:there|that|those|they))?"
              + "|how many of (?:them|those|these)(?: are there)?|how many in total|count them"
              + "|count those|what(?:'s| is) the (?:total|count)|total count|how many results"
              + "|how many records)(?: in total| altogether| all together)?$");
  private static final Pattern MORE =
      Pattern.compile(
          "^(?:ok |okay |and )?(?:show |give |get |see |list )?(?:me )?(?:some )?"
              + "(?:more|the next page|next page|next|the next (\\d{1,2})|next (\\d{1,2})|the rest"
              + "|page (\\d{1,2})|more please|more of them|more results|the next ones)"
              + "(?: please)?$");
  private static final Pattern SORT =
      Pattern.compile(
          "^(?:now |ok |and |please |can you )?(?:sort|order|rank|re-sort|resort|sorted|ordered)"
              + "\\b(?:\\s+(?:them|these|those|it|the list|the results|that))?\\s*(?:by\\s+)?(.*)$");
  private static final Pattern NARROW =
      Pattern.compile(
          "^(?:now |and |ok |okay |but )?(?:only|just|filter(?: to| by| for)?|narrow (?:it|them|that)"
              + " (?:down )?to|keep only|show only|show just|only show|just show|limit (?:it|them)"
              + " to)\\s+(?:the\\s+)?(?:ones?\\s+)?(.+?)(?:\\s+ones?)?$");
  private static final Pattern DESC =
      Pattern.compile(
          "\\b(biggest|largest|highest|most|top|desc|descending|newest|latest|largest first"
              + "|high to low|z to a|reverse)\\b");
  private static final Pattern ASC =
      Pattern.compile(
          "\\b(smallest|lowest|least|asc|ascending|oldest|earliest|low to high|a to z)\\b");

  private ListFollowUps() {}

  static Optional<ToolCall> apply(String text, Recall recall, Vocabulary v) {
    if (recall.lastList() == null) {
      return Optional.empty();
    }
    ObjectNode last = recall.lastList().arguments();
    Optional<ObjectTerm> object = v.object(last.path("object").asText(""));
    if (object.isEmpty()) {
      return Optional.empty();
    }
    String said =
        text.strip().toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[?.!]+$", "");
    said = said.replaceAll("\\s+", " ");
    if (COUNT.matcher(said).matches()) {
      ObjectNode args = JSON.createObjectNode();
      args.put("object", object.get().apiName());
      copy(last, args, "filters", "org");
      return Optional.of(new ToolCall("count_records", args));
    }
    Matcher more = MORE.matcher(said);
    if (more.matches()) {
      ObjectNode args = queryArgs(recall);
      int limit = args.path("limit").asInt(PAGE);
      int offset = args.path("offset").asInt(0);
      String pageNumber = more.group(3);
      String size = more.group(1) != null ? more.group(1) : more.group(2);
      if (size != null) {
        limit = Math.min(50, Integer.parseInt(size));
      }
      int next =
          pageNumber != null
              ? (Integer.parseInt(pageNumber) - 1) * limit
              : recall.lastList().tool().equals("query_records") ? offset + limit : 0;
      args.put("limit", limit);
      args.put("offset", Math.min(2000, Math.max(0, next)));
      return Optional.of(new ToolCall("query_records", args));
    }
    Matcher sort = SORT.matcher(said);
    if (sort.matches()) {
      return sorted(sort.group(1), recall, object.get());
    }
    Matcher narrow = NARROW.matcher(said);
    if (narrow.matches()) {
      return narrowed(narrow.group(1), recall, object.get());
    }
    return Optional.empty();
  }

  private static Optional<ToolCall> sorted(String rest, Recall recall, ObjectTerm object) {
    String key = rest.replaceAll("[,;].*$", "").trim();
    Optional<FieldPhrases.Match> field = FieldPhrases.in(key, object);
    String apiName;
    if (field.isPresent()) {
      apiName = field.get().field().apiName();
    } else if (DESC.matcher(rest).find() && object.field("Amount").isPresent()) {
      apiName = "Amount";
    } else {
      return Optional.empty();
    }
    boolean ascending = ASC.matcher(rest).find() && !DESC.matcher(rest).find();
    ObjectNode args = queryArgs(recall);
    args.remove("offset");
    ArrayNode order = args.putArray("orderBy");
    order.addObject().put("field", apiName).put("direction", ascending ? "asc" : "desc");
    return Optional.of(new ToolCall("query_records", args));
  }

  private static Optional<ToolCall> narrowed(String rest, Recall recall, ObjectTerm object) {
    Utterance u = new Utterance(rest);
    ArrayNode extra = RequestInterpreter.filters(u, object);
    if (extra.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode args = queryArgs(recall);
    args.remove("offset");
    ArrayNode filters =
        args.has("filters") ? (ArrayNode) args.get("filters") : args.putArray("filters");
    for (JsonNode f : extra) {
      for (int i = filters.size() - 1; i >= 0; i--) {
        if (filters.get(i).path("field").asText().equals(f.path("field").asText())) {
          filters.remove(i);
        }
      }
      filters.add(f);
    }
    return Optional.of(new ToolCall(recall.lastList().tool(), args));
  }

  /** The last list's arguments for another query: a count becomes a list of the same records. */
  private static ObjectNode queryArgs(Recall recall) {
    ObjectNode last = recall.lastList().arguments();
    if (recall.lastList().tool().equals("query_records")) {
      return last.deepCopy();
    }
    ObjectNode args = JSON.createObjectNode();
    args.put("object", last.path("object").asText());
    copy(last, args, "filters", "org");
    return args;
  }

  private static void copy(ObjectNode from, ObjectNode to, String... keys) {
    for (String key : keys) {
      if (from.hasNonNull(key)) {
        to.set(key, from.get(key).deepCopy());
      }
    }
  }
}
