package com.scopien.soql;

import java.util.Locale;
import java.util.Set;

/**
 * Checks of object, field and alias names. Only API-name shapes pass (a letter, then letters,
 * digits and underscores; dots between the parts of a relationship path), so a value such as {@code
 * Name = 'x' OR Id != null} can never be smuggled into a query as a name.
 */
final class Identifiers {
  /** Longest accepted name or path; Salesforce names are at most 80 characters a part. */
  static final int MAX_LENGTH = 1000;

  /**
   * Words that would change the meaning of a query if used as a one-part field name or an alias.
   * Relationship paths may still contain them ({@code Order.Name}), since the dot settles it.
   */
  static final Set<String> RESERVED =
      Set.of(
          "SELECT",
          "FROM",
          "WHERE",
          "AND",
          "OR",
          "NOT",
          "NULL",
          "TRUE",
          "FALSE",
          "LIKE",
          "IN",
          "INCLUDES",
          "EXCLUDES",
          "GROUP",
          "ORDER",
          "BY",
          "ASC",
          "DESC",
          "NULLS",
          "FIRST",
          "LAST",
          "LIMIT",
          "OFFSET",
          "HAVING",
          "WITH",
          "FOR",
          "USING");

  private Identifiers() {}

  static boolean isReserved(String word) {
    return RESERVED.contains(word.toUpperCase(Locale.ROOT));
  }

  static boolean isName(String s) {
    if (s == null || s.isEmpty() || s.length() > MAX_LENGTH || !isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  /**
   * A field or relationship path: {@code Name}, {@code Account.Owner.Name}, {@code Parent__r.X}.
   */
  static String requirePath(String path, String what) {
    if (path == null || path.length() > MAX_LENGTH) {
      throw new SoqlException("invalid " + what + ": " + describe(path));
    }
    String[] parts = path.split("\\.", -1);
    for (String part : parts) {
      if (!isName(part)) {
        throw new SoqlException("invalid " + what + ": " + describe(path));
      }
    }
    if (parts.length == 1 && isReserved(path)) {
      throw new SoqlException("invalid " + what + ": '" + path + "' is a reserved word");
    }
    return path;
  }

  /** An object or child relationship name: one part, any word including {@code Order}. */
  static String requireObject(String name) {
    if (!isName(name)) {
      throw new SoqlException("invalid object name: " + describe(name));
    }
    return name;
  }

  /** An alias: one part, not a reserved word; {@code null} means no alias. */
  static String requireAlias(String alias) {
    if (alias == null) {
      return null;
    }
    if (!isName(alias) || isReserved(alias)) {
      throw new SoqlException("invalid alias: " + describe(alias));
    }
    return alias;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String describe(String s) {
    if (s == null) {
      return "null";
    }
    String shown = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return Soql.quote(shown);
  }
}
