package com.scopien.security;

import com.scopien.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures over a text, for inbound requests (Slack's {@code v0:timestamp:body}) and
 * outbound webhooks ({@code id.timestamp.body}). The caller builds the exact text that was signed
 * from the raw body; this class signs it as UTF-8 and compares signatures in constant time.
 *
 * <p>{@code verify} never throws for a bad signature, whatever its shape: a missing, malformed or
 * wrong one is simply {@code false}. Timestamps and replay windows are the caller's part. Stateless
 * and thread-safe.
 */
public final class HmacVerifier {

  private static final String ALGORITHM = "HmacSHA256";

  /** Lower-case hex signature of {@code message}, keyed by the secret's UTF-8 bytes (Slack). */
  public String sign(Secret secret, String message) {
    return HexFormat.of().formatHex(mac(keyOf(secret), message));
  }

  /** True when {@code signatureHex} (either case) is the signature of {@code message}. */
  public boolean verify(Secret secret, String message, String signatureHex) {
    if (secret == null || secret.reveal().isEmpty() || message == null || signatureHex == null) {
      return false;
    }
    byte[] presented;
    try {
      presented = HexFormat.of().parseHex(signatureHex.trim());
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    return MessageDigest.isEqual(mac(keyOf(secret), message), presented);
  }

  /** Base64 signature of {@code message} keyed by raw bytes (Standard Webhooks secrets). */
  public String signBase64(byte[] key, String message) {
    return Base64.getEncoder().encodeToString(mac(key, message));
  }

  /** True when {@code signatureBase64} is the base64 signature of {@code message}. */
  public boolean verifyBase64(byte[] key, String message, String signatureBase64) {
    if (key == null || key.length == 0 || message == null || signatureBase64 == null) {
      return false;
    }
    byte[] presented;
    try {
      presented = Base64.getDecoder().decode(signatureBase64.trim());
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    return MessageDigest.isEqual(mac(key, message), presented);
  }

  private static byte[] keyOf(Secret secret) {
    return secret.reveal().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] mac(byte[] key, String message) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("An HMAC key must not be empty");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      // Every Java runtime ships HmacSHA256, so this is a broken runtime, not bad input.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
