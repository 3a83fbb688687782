package com.scopien.agent;

import java.util.Locale;
import java.util.Set;

/** Reads a reply to "shall I make this change?": yes, no, or something else (which cancels). */
final class Confirmations {
  private static final Set<String> YES =
      Set.of(
          "yes",
          "y",
          "yep",
          "yeah",
          "yes please",
          "confirm",
          "confirmed",
          "i confirm",
          "do it",
          "go ahead",
          "ok",
          "okay",
          "sure",
          "yes do it",
          "apply",
          "apply it",
          "proceed",
          "yes confirm",
          "please do",
          "yes go ahead");
  private static final Set<String> NO =
      Set.of(
          "no",
          "n",
          "nope",
          "cancel",
          "stop",
          "abort",
          "dont",
          "do not",
          "no thanks",
          "never mind");

  private Confirmations() {}

  static boolean isYes(String message) {
    return YES.contains(normalise(message));
  }

  static boolean isNo(String message) {
    return NO.contains(normalise(message));
  }

  private static String normalise(String message) {
    return message
        .toLowerCase(Locale.ROOT)
        .replace("'", "")
        .replaceAll("[^a-z ]", " ")
        .replaceAll("\\s+", " ")
        .trim();
  }
}
