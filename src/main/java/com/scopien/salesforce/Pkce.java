package com.scopien.salesforce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A PKCE pair for the authorization-code flow: keep the verifier (server side, with the state) and
 * send the challenge, {@code base64url(SHA-256(verifier))} without padding, in the authorize URL.
 */
public record Pkce(String verifier, String challenge) {
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  public Pkce {
    if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
      throw new IllegalArgumentException("a PKCE verifier is 43-128 unreserved characters");
    }
    if (!challengeOf(verifier).equals(challenge)) {
      throw new IllegalArgumentException("the challenge does not match the verifier");
    }
  }

  /** A fresh pair from 32 random bytes. */
  public static Pkce generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  public static Pkce generate() {
    return generate(new SecureRandom());
  }

  /** The pair for a verifier kept earlier. */
  public static Pkce of(String verifier) {
    return new Pkce(verifier, challengeOf(verifier));
  }

  /** The S256 challenge of a verifier. */
  public static String challengeOf(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Hides the verifier, which must not appear in logs. */
  @Override
  public String toString() {
    return "Pkce[challenge=" + challenge + "]";
  }
}
