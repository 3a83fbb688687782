package com.scopien.security;

import com.scopien.ScopienException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets at rest (OAuth access and refresh tokens) with AES-256-GCM.
 *
 * <p>Output: {@code v1:<keyId>:<base64(nonce | ciphertext | tag)>}, with a fresh random 12-byte
 * nonce for every call, so the same plaintext never encrypts the same way twice. The associated
 * data (say, the org id of the row) is authenticated but not stored: a value copied to another row
 * does not decrypt there. Any change to the text, a wrong key or wrong associated data fails
 * loudly, never with garbage.
 *
 * <p>Failures are {@link ScopienException}s of kind {@code INTERNAL}: {@code malformed_ciphertext}
 * (not this format), {@code unknown_encryption_key} (encrypted under a key this provider does not
 * hold) or {@code decryption_failed} (altered, or wrong associated data). Thread-safe.
 */
public final class TokenCipher {

  private static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final KeyProvider keys;
  private final SecureRandom random = new SecureRandom();

  public TokenCipher(KeyProvider keys) {
    this.keys = keys;
  }

  /** Encrypts {@code plaintext} under the current key, bound to {@code associatedData}. */
  public String encrypt(String plaintext, String associatedData) {
    KeyProvider.Key key = keys.current();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(key.id(), associatedData));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return VERSION + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The plaintext of a value made by {@link #encrypt} with the same associated data. */
  public String decrypt(String encrypted, String associatedData) {
    String[] parts = encrypted == null ? new String[0] : encrypted.split(":", -1);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw failure("malformed_ciphertext", "The encrypted value is not in the v1 format");
    }
    KeyProvider.Key key =
        keys.find(parts[1])
            .orElseThrow(
                () ->
                    failure(
                        "unknown_encryption_key",
                        "The value was encrypted with key "
                            + safeId(parts[1])
                            + ", which is not configured"));
    byte[] payload = decodeCanonical(parts[2]);
    if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
      throw failure("malformed_ciphertext", "The encrypted value is too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key.secretKey(),
          new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
      cipher.updateAAD(aad(key.id(), associatedData));
      byte[] plain = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw failure(
          "decryption_failed",
          "The encrypted value was altered, or belongs to another row; it cannot be decrypted");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * The same secret encrypted under the current key: decrypts with whichever key made it (current
   * or retired) and encrypts again with a new nonce.
   */
  public String rotate(String encrypted, String associatedData) {
    return encrypt(decrypt(encrypted, associatedData), associatedData);
  }

  /** True when {@code encrypted} is already under the current key, so rotation can skip it. */
  public boolean isCurrent(String encrypted) {
    return encrypted != null && encrypted.startsWith(VERSION + ":" + keys.currentKeyId() + ":");
  }

  private static byte[] aad(String keyId, String associatedData) {
    if (associatedData == null) {
      throw new IllegalArgumentException("Associated data must not be null; use \"\" for none");
    }
    // The version and key id are bound too, so the header cannot be swapped either.
    return (VERSION + ":" + keyId + ":" + associatedData).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] decodeCanonical(String base64) {
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      // The decoder ignores unused trailing bits; a changed last character must not pass.
      if (!Base64.getEncoder().encodeToString(bytes).equals(base64)) {
        throw failure("malformed_ciphertext", "The encrypted value is not canonical base64");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw failure("malformed_ciphertext", "The encrypted value is not valid base64");
    }
  }

  private static String safeId(String id) {
    return id.matches("[0-9a-f]{1,16}") ? id : "(invalid id)";
  }

  private static ScopienException failure(String code, String message) {
    return new ScopienException(ScopienException.Kind.INTERNAL, code, message);
  }
}
