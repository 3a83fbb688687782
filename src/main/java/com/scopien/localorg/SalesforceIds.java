package com.scopien.localorg;

import java.util.Optional;

/**
 * Salesforce record Ids: 15 case-sensitive base-62 characters (three of key prefix, then pod,
 * reserved and record number) plus, in the 18-character form, a three-character checksum that
 * encodes which letters were upper case, so the Id survives case-insensitive systems.
 */
final class SalesforceIds {

  static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String CHECKSUM_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceIds() {}

  /** The 18-character form of a valid 15-character Id. */
  static String to18(String id15) {
    if (id15.length() != 15 || !isBase62(id15)) {
      throw new IllegalArgumentException("not a 15-character Id");
    }
    StringBuilder out = new StringBuilder(18).append(id15);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int j = 0; j < 5; j++) {
        char c = id15.charAt(chunk * 5 + j);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << j;
        }
      }
      out.append(CHECKSUM_CHARS.charAt(bits));
    }
    return out.toString();
  }

  /**
   * Normalises a 15- or 18-character Id to its canonical 18-character form, or empty when the text
   * is not an Id. An 18-character Id whose suffix does not match (ignoring case) is rejected, and
   * its first 15 characters are kept as given: the suffix only restores case, it never changes it.
   */
  static Optional<String> normalize(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (text.length() == 15 && isBase62(text)) {
      return Optional.of(to18(text));
    }
    if (text.length() == 18 && isBase62(text)) {
      String canonical = to18(text.substring(0, 15));
      return canonical.substring(15).equalsIgnoreCase(text.substring(15))
          ? Optional.of(canonical)
          : Optional.empty();
    }
    return Optional.empty();
  }

  /** The three-character key prefix naming the object type. */
  static String keyPrefix(String id) {
    return id.substring(0, 3);
  }

  /** Encodes a non-negative number in base 62, left-padded with zeros to {@code width}. */
  static String base62(long value, int width) {
    if (value < 0) {
      throw new IllegalArgumentException("negative");
    }
    char[] out = new char[width];
    long rest = value;
    for (int i = width - 1; i >= 0; i--) {
      out[i] = BASE62.charAt((int) (rest % 62));
      rest /= 62;
    }
    if (rest != 0) {
      throw new IllegalArgumentException("number too large for " + width + " characters");
    }
    return new String(out);
  }

  private static boolean isBase62(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
