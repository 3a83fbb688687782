package com.scopien.orgs;

/**
 * Encrypts credentials before they are stored and decrypts them when a session is needed. The
 * ciphertext is bound to the org id, so it cannot be moved to another org's row.
 */
public interface SecretSealer {
  String seal(String plaintext, String orgId);

  String open(String sealed, String orgId);
}
