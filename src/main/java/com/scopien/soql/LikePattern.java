package com.scopien.soql;

/**
 * LIKE patterns in their AST form: {@code %} matches any run of characters, {@code _} exactly one,
 * and a backslash makes the next {@code \}, {@code %} or {@code _} literal. Matching ignores case,
 * as Salesforce does for text fields.
 */
final class LikePattern {
  private LikePattern() {}

  static void requireWellFormed(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '\\') {
        char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
        if (next != '\\' && next != '%' && next != '_') {
          throw new SoqlException(
              "a backslash in a LIKE pattern must escape \\, % or _; use Soql.escapeLike");
        }
        i++;
      }
    }
  }

  /** The pattern that matches exactly {@code literal}. */
  static String escape(String literal) {
    StringBuilder out = new StringBuilder(literal.length() + 8);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Whether {@code text} matches the whole of {@code pattern}, ignoring case. */
  static boolean matches(String pattern, String text) {
    // Compile to code points, with ANY_RUN / ANY_ONE markers outside the code point range.
    int[] p = compile(pattern);
    int[] t = text.codePoints().toArray();
    int pi = 0;
    int ti = 0;
    int starP = -1;
    int starT = -1;
    while (ti < t.length) {
      if (pi < p.length && (p[pi] == ANY_ONE || sameIgnoringCase(p[pi], t[ti]))) {
        pi++;
        ti++;
      } else if (pi < p.length && p[pi] == ANY_RUN) {
        starP = pi++;
        starT = ti;
      } else if (starP >= 0) {
        pi = starP + 1;
        ti = ++starT;
      } else {
        return false;
      }
    }
    while (pi < p.length && p[pi] == ANY_RUN) {
      pi++;
    }
    return pi == p.length;
  }

  private static final int ANY_RUN = -1;
  private static final int ANY_ONE = -2;

  private static int[] compile(String pattern) {
    int[] out = new int[pattern.length()];
    int n = 0;
    int i = 0;
    while (i < pattern.length()) {
      int c = pattern.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\\' && i < pattern.length()) {
        c = pattern.codePointAt(i);
        i += Character.charCount(c);
        out[n++] = c;
      } else if (c == '%') {
        out[n++] = ANY_RUN;
      } else if (c == '_') {
        out[n++] = ANY_ONE;
      } else {
        out[n++] = c;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static boolean sameIgnoringCase(int a, int b) {
    return a == b
        || Character.toLowerCase(Character.toUpperCase(a))
            == Character.toLowerCase(Character.toUpperCase(b));
  }
}
