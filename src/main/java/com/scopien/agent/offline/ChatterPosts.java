package com.scopien.agent.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Post an update on the Acme Corp Deal: legal signed off" is a Chatter post (FeedItem) on that
 * record, named as said; the write tools look the record up by name.
 */
final class ChatterPosts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern POST =
      Pattern.compile(
          "^(?:please\\s+)?(?:post|share|add)\\s+(?:an?\\s+|the\\s+)?(?:update|note|chatter post"
              + "|chatter update|post|comment|message)?\\s*(?:on|to|for)\\s+(?:the\\s+)?(.+?)"
              + "(?:'s\\s+(?:chatter|feed))?\\s*:\\s*(.+)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private ChatterPosts() {}

  static Optional<ToolCall> interpret(String text) {
    Matcher m = POST.matcher(text.strip());
    if (!m.matches() || m.group(2).isBlank()) {
      return Optional.empty();
    }
    String record = m.group(1).trim().replaceAll("^[\"“']|[\"”']$", "");
    if (record.isEmpty() || !Character.isUpperCase(record.charAt(0))) {
      return Optional.empty();
    }
    ObjectNode args = JSON.createObjectNode();
    args.put("object", "FeedItem");
    ObjectNode values = args.putObject("values");
    values.put("ParentId", record);
    values.put("Body", m.group(2).trim());
    return Optional.of(new ToolCall("create_record", args));
  }
}
