package com.scopien.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Block Kit pieces Scopien's messages are made of. Texts must already be mrkdwn-escaped. */
final class SlackBlocks {
  /** Slack refuses a section whose text is longer than 3,000 characters. */
  static final int MAX_SECTION_CHARS = 3_000;

  static final String CONFIRM = "scopien_confirm";
  static final String CANCEL = "scopien_cancel";
  static final String PENDING_BLOCK = "scopien_pending";

  private SlackBlocks() {}

  static Map<String, Object> section(String mrkdwn) {
    return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", mrkdwn));
  }

  static Map<String, Object> context(String mrkdwn) {
    return Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", mrkdwn)));
  }

  /**
   * Confirm and Cancel for the change waiting in a conversation. The buttons carry the
   * conversation's id; Slack signs the click that sends it back, and the agent checks that the
   * person clicking asked for the change or is an admin. The block's id names the Slack user who
   * asked ({@code scopien_pending:U123}), only so that a refusal can name them.
   *
   * @param askedBy the Slack user id of the person who asked, or null
   */
  static Map<String, Object> confirmButtons(String conversationId, String askedBy) {
    return confirmButtons(conversationId, askedBy, 1);
  }

  /**
   * The same buttons for {@code count} changes of one reply, confirmed or cancelled together; with
   * more than one the buttons say so ("Confirm all 2").
   */
  static Map<String, Object> confirmButtons(String conversationId, String askedBy, int count) {
    String all = count > 1 ? " all " + count : "";
    return Map.of(
        "type",
        "actions",
        "block_id",
        askedBy == null ? PENDING_BLOCK : PENDING_BLOCK + ":" + askedBy,
        "elements",
        List.of(
            button("Confirm" + all, CONFIRM, "primary", conversationId),
            button("Cancel" + all, CANCEL, "danger", conversationId)));
  }

  /** The Slack user named in a buttons block's id, if it names one. */
  static String askedBy(String blockId) {
    String prefix = PENDING_BLOCK + ":";
    return blockId != null && blockId.startsWith(prefix)
        ? blockId.substring(prefix.length())
        : null;
  }

  private static Map<String, Object> button(
      String label, String actionId, String style, String value) {
    Map<String, Object> button = new LinkedHashMap<>();
    button.put("type", "button");
    button.put("action_id", actionId);
    button.put("text", Map.of("type", "plain_text", "text", label));
    button.put("style", style);
    button.put("value", value);
    return button;
  }
}
