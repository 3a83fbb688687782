package com.scopien.agent;

import java.util.List;

/** What a person reads about changes that wait for confirmation: one message for all of them. */
final class PendingReplies {
  private PendingReplies() {}

  /**
   * "Waiting for confirmation. This will …" for one change, a numbered list for several; {@code
   * unasked} adds why a change that would otherwise run at once waits.
   */
  static String confirmation(List<String> summaries, boolean unasked) {
    StringBuilder text = new StringBuilder("Waiting for confirmation. ");
    if (summaries.size() == 1) {
      text.append("This will ").append(summaries.get(0)).append(".");
    } else {
      text.append("These ").append(summaries.size()).append(" changes wait together:");
      for (int i = 0; i < summaries.size(); i++) {
        text.append("\n").append(i + 1).append(". ").append(capitalise(summaries.get(i)));
      }
    }
    if (unasked) {
      text.append(
          "\nYour message did not ask for "
              + (summaries.size() == 1 ? "this change" : "all of these changes")
              + " in so many words, so I ask first.");
    }
    text.append(
        summaries.size() == 1
            ? "\nReply **yes** to make this change, or anything else to cancel. Nothing has"
                + " changed yet."
            : "\nReply **yes** to make all of them, or anything else to cancel all of them."
                + " Nothing has changed yet.");
    return text.toString();
  }

  /** The waiting changes in one line, for the chat panel's and Slack's confirmation. */
  static String summary(List<String> summaries) {
    if (summaries.size() == 1) {
      return summaries.get(0);
    }
    StringBuilder text = new StringBuilder(summaries.size() + " changes: ");
    for (int i = 0; i < summaries.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(i + 1).append(") ").append(summaries.get(i));
    }
    return text.toString();
  }

  static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
