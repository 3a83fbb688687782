package com.scopien.security;

import com.scopien.ScopienException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and decrypts backup files with AES-256-GCM. The key is either derived from the data
 * folder's token key ({@link KeyProvider}; HMAC-SHA256 of a fixed label, so the token key itself
 * encrypts nothing else) or from a passphrase (PBKDF2-HMAC-SHA256, 310,000 rounds, a random salt).
 *
 * <p>A file is {@code SCOPIEN-BACKUP-1\n}, a mode byte ({@code K}: token key, followed by the key's
 * 8-character id; {@code P}: passphrase, followed by a 16-byte salt), a 12-byte nonce, then the
 * ciphertext with its tag. The header is authenticated too, so any changed byte is refused.
 */
public final class BackupCipher {
  private static final byte[] MAGIC = "SCOPIEN-BACKUP-1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int NONCE_BYTES = 12;
  private static final int SALT_BYTES = 16;
  private static final int KEY_ID_BYTES = 8;
  private static final int ROUNDS = 310_000;

  private final KeyProvider keys;
  private final char[] passphrase;

  private BackupCipher(KeyProvider keys, char[] passphrase) {
    this.keys = keys;
    this.passphrase = passphrase;
  }

  /** Backups sealed with the data folder's token key. */
  public static BackupCipher withKey(KeyProvider keys) {
    return new BackupCipher(keys, null);
  }

  /** Backups sealed with a passphrase (at least 12 characters). */
  public static BackupCipher withPassphrase(String passphrase) {
    if (passphrase == null || passphrase.length() < 12) {
      throw ScopienException.invalid(
          "weak_passphrase", "A backup passphrase needs at least 12 characters.");
    }
    return new BackupCipher(null, passphrase.toCharArray());
  }

  /** Writes {@code plain} to {@code out}, encrypted. */
  public void encrypt(byte[] plain, OutputStream out) {
    SecureRandom random = new SecureRandom();
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.writeBytes(MAGIC);
    byte[] key;
    if (passphrase != null) {
      byte[] salt = new byte[SALT_BYTES];
      random.nextBytes(salt);
      header.write('P');
      header.writeBytes(salt);
      key = fromPassphrase(salt);
    } else {
      header.write('K');
      header.writeBytes(keys.currentKeyId().getBytes(StandardCharsets.US_ASCII));
      key = fromTokenKey(keys.current());
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    header.writeBytes(nonce);
    byte[] head = header.toByteArray();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(head);
      out.write(head);
      out.write(cipher.doFinal(plain));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The plain bytes of an encrypted backup.
   *
   * @throws ScopienException INVALID_INPUT {@code not_a_backup}, {@code backup_wrong_key} or {@code
   *     backup_damaged}, each saying what to do
   */
  public byte[] decrypt(InputStream in) {
    try {
      DataInputStream data = new DataInputStream(in);
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      byte[] magic = data.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw ScopienException.invalid(
            "not_a_backup", "This file is not a Scopien backup (made by `scopien backup`).");
      }
      header.writeBytes(magic);
      int mode = data.readUnsignedByte();
      header.write(mode);
      byte[] key;
      if (mode == 'P') {
        byte[] salt = new byte[SALT_BYTES];
        data.readFully(salt);
        header.writeBytes(salt);
        if (passphrase == null) {
          throw ScopienException.invalid(
              "backup_wrong_key",
              "This backup was sealed with a passphrase; give it with --passphrase-env.");
        }
        key = fromPassphrase(salt);
      } else if (mode == 'K') {
        byte[] id = new byte[KEY_ID_BYTES];
        data.readFully(id);
        header.writeBytes(id);
        String keyId = new String(id, StandardCharsets.US_ASCII);
        if (keys == null) {
          throw ScopienException.invalid(
              "backup_wrong_key",
              "This backup was sealed with the data folder's key "
                  + keyId
                  + ", not a passphrase; restore it without --passphrase-env.");
        }
        KeyProvider.Key found =
            keys.find(keyId)
                .orElseThrow(
                    () ->
                        ScopienException.invalid(
                            "backup_wrong_key",
                            "This backup was sealed with key "
                                + keyId
                                + " but this data folder's key is "
                                + keys.currentKeyId()
                                + ". Put the keys/token.key of the folder it came from (or its"
                                + " SCOPIEN_ENCRYPTION_KEY) in place and try again; nothing was"
                                + " restored."));
        key = fromTokenKey(found);
      } else {
        throw ScopienException.invalid(
            "backup_damaged",
            "The backup file is damaged (unknown key mode); nothing was restored.");
      }
      byte[] nonce = new byte[NONCE_BYTES];
      data.readFully(nonce);
      header.writeBytes(nonce);
      byte[] sealed = data.readAllBytes();
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(header.toByteArray());
      return cipher.doFinal(sealed);
    } catch (AEADBadTagException e) {
      throw ScopienException.invalid(
          "backup_damaged",
          passphrase != null
              ? "The passphrase is wrong, or the backup file was changed or damaged; nothing was"
                  + " restored."
              : "The backup file was changed or damaged; nothing was restored.");
    } catch (EOFException e) {
      throw ScopienException.invalid(
          "backup_damaged", "The backup file is cut short; nothing was restored.");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] fromPassphrase(byte[] salt) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(passphrase, salt, ROUNDS, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available", e);
    }
  }

  private static byte[] fromTokenKey(KeyProvider.Key key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key.secretKey());
      return mac.doFinal("scopien-backup-v1".getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
