package com.scopien.security;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 keys that protect secrets at rest (OAuth tokens): one current key that encrypts, and
 * any number of retired keys that still decrypt while values are being re-encrypted. Keys live
 * outside the database: in configuration ({@code SCOPIEN_ENCRYPTION_KEY}, base64 of 32 bytes) or in
 * the key file {@code <dataDir>/keys/token.key}, made on first use with owner-only (0600)
 * permissions.
 *
 * <p>Each key has a short id derived from the key itself, written next to every ciphertext so the
 * right key can be found after a rotation. Immutable and thread-safe.
 */
public final class KeyProvider {

  /** A key and its id. */
  record Key(String id, SecretKey secretKey) {}

  private static final Logger log = LoggerFactory.getLogger(KeyProvider.class);
  private static final int KEY_BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");

  private final Key current;
  private final List<Key> retired;

  private KeyProvider(Key current, List<Key> retired) {
    this.current = current;
    this.retired = List.copyOf(retired);
  }

  /**
   * The key given in configuration as base64 of 32 random bytes.
   *
   * @throws ScopienException {@code INVALID_INPUT/bad_encryption_key} if it is not that
   */
  public static KeyProvider fromBase64(Secret base64Key) {
    return new KeyProvider(
        keyOf(decode(base64Key.reveal().trim(), "the configured key")), List.of());
  }

  /**
   * The key in {@code <dataDir>/keys/token.key}, created with fresh random bytes and 0600
   * permissions (the folder 0700) when absent. An existing file readable by others is tightened to
   * 0600, with a warning.
   *
   * @throws ScopienException {@code INTERNAL/key_file_unusable} when the file cannot be made or
   *     read, or does not hold a valid key
   */
  public static KeyProvider fromKeyFile(Path dataDir) {
    Path file = keyFile(dataDir);
    try {
      if (!Files.exists(file)) {
        createKeyFile(file);
      }
      tightenPermissions(file);
      String content = Files.readString(file, StandardCharsets.US_ASCII).trim();
      return new KeyProvider(keyOf(decode(content, file.toString())), List.of());
    } catch (IOException e) {
      throw new ScopienException(
          ScopienException.Kind.INTERNAL,
          "key_file_unusable",
          "The encryption key file " + file + " cannot be used: " + e.getMessage(),
          e);
    }
  }

  /** The configured key when there is one, otherwise the key file in {@code dataDir}. */
  public static KeyProvider resolve(Optional<Secret> configuredKey, Path dataDir) {
    return configuredKey.map(KeyProvider::fromBase64).orElseGet(() -> fromKeyFile(dataDir));
  }

  /** Where {@link #fromKeyFile} keeps the key. */
  public static Path keyFile(Path dataDir) {
    return dataDir.resolve("keys").resolve("token.key");
  }

  /** A new random key as base64, for an operator who sets {@code SCOPIEN_ENCRYPTION_KEY}. */
  public static String generateBase64Key() {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /**
   * This provider, also able to decrypt with every key of {@code older} (its current and retired
   * keys), which never encrypt again. Use during a rotation.
   */
  public KeyProvider withRetired(KeyProvider older) {
    List<Key> keys = new ArrayList<>(retired);
    for (Key key : older.all()) {
      if (!key.id().equals(current.id()) && keys.stream().noneMatch(k -> k.id().equals(key.id()))) {
        keys.add(key);
      }
    }
    return new KeyProvider(current, keys);
  }

  /** The id of the key that encrypts; safe to log. */
  public String currentKeyId() {
    return current.id();
  }

  Key current() {
    return current;
  }

  Optional<Key> find(String keyId) {
    return all().stream().filter(k -> k.id().equals(keyId)).findFirst();
  }

  private List<Key> all() {
    List<Key> keys = new ArrayList<>();
    keys.add(current);
    keys.addAll(retired);
    return keys;
  }

  private static void createKeyFile(Path file) throws IOException {
    Path folder = file.getParent();
    boolean posix = Files.getFileStore(existingAncestor(folder)).supportsFileAttributeView("posix");
    if (posix) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
    } else {
      Files.createDirectories(folder);
    }
    try {
      // Created with its final permissions, so the key is never readable by others, even briefly.
      if (posix) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException anotherProcessWon) {
      return;
    }
    Files.writeString(file, generateBase64Key() + "\n", StandardCharsets.US_ASCII);
    log.info("Created a new encryption key file at {}", file);
  }

  private static void tightenPermissions(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
      return;
    }
    if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
      log.warn("The encryption key file {} was readable by others; setting it to 0600", file);
      Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
    }
  }

  private static Path existingAncestor(Path path) {
    Path p = path.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p;
  }

  private static byte[] decode(String base64, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw ScopienException.invalid(
          "bad_encryption_key", "The encryption key in " + source + " is not valid base64");
    }
    if (bytes.length != KEY_BYTES) {
      throw ScopienException.invalid(
          "bad_encryption_key",
          "The encryption key in " + source + " must be 32 bytes (44 base64 characters)");
    }
    return bytes;
  }

  private static Key keyOf(byte[] bytes) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(concat("scopien-key-id:".getBytes(StandardCharsets.US_ASCII), bytes));
      String id = HexFormat.of().formatHex(digest, 0, 4);
      return new Key(id, new SecretKeySpec(bytes, "AES"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
