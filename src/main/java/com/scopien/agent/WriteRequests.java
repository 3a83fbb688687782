package com.scopien.agent;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a person's message asks for a change, so that a write the model requests may run without
 * confirmation where the org allows that. Deliberately small and explicit: a message that asks
 * nothing of the kind ("show the Acme Corp Deal", "what's her phone?") never lets a write through,
 * whatever text the records it shows contain; an unclear case only costs one confirmation.
 */
final class WriteRequests {
  private static final Pattern WRITE_WORDS =
      Pattern.compile(
          "\\b(create|add|new|log|update|change|set|mark|assign|reassign|post|remind|edit|rename"
              + "|move|make|close|give|schedule|record|put|fill|raise|lower|increase|decrease"
              + "|bump|correct|fix)\\b");

  private WriteRequests() {}

  /** True when the message expresses an intent to create or change records. */
  static boolean asksToWrite(String message) {
    if (message == null) {
      return false;
    }
    return WRITE_WORDS.matcher(message.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * The rule for a write to run without confirmation (where the org's policy allows that at all):
   * the person's message of this turn asks for a change, and the model requested the write in its
   * first answer of the turn, before it saw any tool result of this turn. A write requested after a
   * tool result (which may carry record text written by anyone) waits for confirmation.
   */
  static boolean asked(String message, boolean seenToolResult) {
    return !seenToolResult && asksToWrite(message);
  }
}
