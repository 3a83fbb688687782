package com.scopien.slack;

import com.scopien.agent.ChatReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the assistant's replies into Slack messages: the reply in mrkdwn, split into sections Slack
 * accepts, a line naming the org it came from, and Confirm / Cancel buttons when a production write
 * waits.
 */
final class SlackReplies {
  static final String NEEDS_CONFIRMATION = "needs_confirmation";
  private static final int SECTION_BUDGET = SlackBlocks.MAX_SECTION_CHARS - 100;

  /** Slack allows 50 blocks; keep room for the org line and the buttons. */
  private static final int MAX_SECTIONS = 45;

  static final String UNKNOWN_USER =
      "I don't know who you are in Scopien yet, so I can't look at Salesforce data for you. Ask a"
          + " Scopien admin to add a Scopien user with your Slack email address, or to link your"
          + " Slack account to your Scopien user.";

  /** What {@code /scopien help} (or a mention saying only "help") answers: what can be asked. */
  static final String HELP =
      String.join(
          "\n",
          "*What you can ask Scopien* (mention @Scopien in a thread, write to it directly, or use"
              + " `/scopien <request>`):",
          "• *Find records*: _show opportunities over 50k in production_, _contacts at Globex_,"
              + " _leads created this week_, _top 5 accounts by revenue_",
          "• *Count*: _how many open cases are there?_",
          "• *One record*: _get the opportunity Acme Corp Deal_",
          "• *Change data*: _update the amount of Acme Corp Deal to 80000_, _create a lead for"
              + " Jane Smith at Globex_ (a change in production waits for *Confirm*: by you or an"
              + " admin)",
          "• *Fields and picklists*: _what fields are on Opportunity?_",
          "• *Orgs*: _which orgs are connected?_, _switch to sandbox_ (for this thread only)",
          "• *Sync*: _sync contacts now_, _is the sync running?_, _any sync errors?_",
          "• *API budget*: _what's our API usage?_",
          "Follow-ups work in the same thread: _now the sandbox_, _and contacts?_, _yes_.");

  private SlackReplies() {}

  /** True for an empty request or one that only says "help" (or "help?"). */
  static boolean asksForHelp(String text) {
    String plain = text.strip().replaceAll("[?!.]+$", "").strip();
    return plain.isEmpty() || plain.equalsIgnoreCase("help");
  }

  /**
   * The assistant's reply, naming the org, with buttons when a change waits for confirmation.
   *
   * @param askedBy the Slack user who asked, named to anyone else who clicks the buttons
   */
  static SlackMessage answer(ChatReply reply, String askedBy) {
    return build(reply, null, askedBy);
  }

  /** The outcome of a button click, without buttons, saying who clicked. */
  static SlackMessage outcome(ChatReply reply, String decidedBy) {
    return build(reply, decidedBy, null);
  }

  /** A short message of our own; {@code plainText} is escaped here. */
  static SlackMessage note(String plainText) {
    return SlackMessage.note(SlackText.escape(plainText));
  }

  private static SlackMessage build(ChatReply reply, String decidedBy, String askedBy) {
    List<String> chunks = chunks(SlackText.fromMarkdown(reply.reply()), SECTION_BUDGET);
    List<Map<String, Object>> blocks = new ArrayList<>();
    for (int i = 0; i < chunks.size() && i < MAX_SECTIONS; i++) {
      blocks.add(SlackBlocks.section(chunks.get(i)));
    }
    if (chunks.size() > MAX_SECTIONS) {
      blocks.add(SlackBlocks.section("_(The rest of the reply was too long for Slack.)_"));
    }
    String org = orgLine(reply.org());
    blocks.add(SlackBlocks.context(decidedBy == null ? org : org + " · " + decidedBy));
    int waiting =
        (int) reply.toolCalls().stream().filter(c -> NEEDS_CONFIRMATION.equals(c.status())).count();
    if (decidedBy == null && waiting > 0) {
      blocks.add(SlackBlocks.confirmButtons(reply.conversationId(), askedBy, waiting));
    }
    String first = chunks.isEmpty() ? "" : chunks.get(0);
    return new SlackMessage(first + "\n" + org, blocks);
  }

  static String orgLine(ChatReply.OrgSummary org) {
    if (org == null) {
      return "Org: none connected";
    }
    return "Org: *"
        + SlackText.escape(org.name())
        + "* ("
        + SlackText.escape(org.environment())
        + ")";
  }

  /**
   * Splits mrkdwn into pieces of at most {@code budget} characters at line ends; a code block cut
   * in two is closed and reopened, so each piece renders on its own.
   */
  static List<String> chunks(String mrkdwn, int budget) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inCode = false;
    for (String line : mrkdwn.split("\n", -1)) {
      while (line.length() > budget - 8) {
        String head = line.substring(0, budget - 8);
        inCode = add(chunks, current, head, inCode, budget);
        line = line.substring(budget - 8);
      }
      inCode = add(chunks, current, line, inCode, budget);
    }
    if (!current.toString().isBlank()) {
      chunks.add(current.toString());
    }
    return chunks;
  }

  private static boolean add(
      List<String> chunks, StringBuilder current, String line, boolean inCode, int budget) {
    if (current.length() + line.length() + 5 > budget && current.length() > 0) {
      if (inCode) {
        current.append("\n```");
      }
      chunks.add(current.toString());
      current.setLength(0);
      if (inCode) {
        current.append("```");
      }
    }
    if (current.length() > 0) {
      current.append('\n');
    }
    current.append(line);
    return line.strip().equals("```") ? !inCode : inCode;
  }
}
