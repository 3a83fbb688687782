package com.scopien.agent;

import com.scopien.ScopienException;

/**
 * What a chat message may hold: text people type. Control characters other than line breaks and
 * tabs, and halves of a character (a lone UTF-16 surrogate), are refused before anything is stored
 * or sent to a model; every channel (chat panel, API, Slack) passes through here.
 */
final class MessageText {
  private MessageText() {}

  /**
   * Returns when {@code text} holds no control character other than {@code \n}, {@code \r} and
   * {@code \t}, and no lone surrogate.
   *
   * @throws ScopienException INVALID_INPUT {@code invalid_message} naming the position (1-based)
   */
  static void requireClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        throw invalid("half of a character (a lone UTF-16 surrogate) at position " + (i + 1));
      }
      if (c == '\n' || c == '\r' || c == '\t') {
        continue;
      }
      if (Character.isISOControl(c)) {
        throw invalid(String.format("a control character (U+%04X) at position %d", (int) c, i + 1));
      }
    }
  }

  private static ScopienException invalid(String what) {
    return ScopienException.invalid(
        "invalid_message",
        "The message holds "
            + what
            + "; send plain text (line breaks and tabs are fine) and try again.");
  }
}
