package com.scopien.security;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The shape of API keys: {@code scp_} followed by 43 base62 characters (32 random bytes), stored
 * only as a SHA-256 hash. A hash without a pepper is enough: the keys carry 256 bits of entropy, so
 * the hash cannot be reversed by guessing, and a pepper would tie every key to one more secret.
 */
final class ApiKeys {

  static final String PREFIX = "scp_";

  /** The label shown for keys that come from configuration rather than from {@link #generate}. */
  static final String CONFIGURED_LABEL = "configured";

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int RANDOM_BYTES = 32;
  private static final int BODY_LENGTH = 43;
  private static final int MIN_LENGTH = 8;
  private static final int MAX_LENGTH = 256;

  private ApiKeys() {}

  static String generate(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    StringBuilder body = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(BASE62.length());
    while (value.signum() > 0) {
      BigInteger[] qr = value.divideAndRemainder(base);
      body.append(BASE62.charAt(qr[1].intValue()));
      value = qr[0];
    }
    while (body.length() < BODY_LENGTH) {
      body.append('0');
    }
    return PREFIX + body.reverse();
  }

  /** A harmless label telling keys apart in lists: the first characters of a generated key. */
  static String displayPrefix(String key) {
    return key.startsWith(PREFIX) && key.length() > 10 ? key.substring(0, 10) : CONFIGURED_LABEL;
  }

  /** True for text that could be a key: printable ASCII without spaces, of a sane length. */
  static boolean wellFormed(String key) {
    if (key == null || key.length() < MIN_LENGTH || key.length() > MAX_LENGTH) {
      return false;
    }
    return key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
