package com.scopien.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * An RSA key pair with a self-signed certificate, made by the JDK's own {@code keytool} (Java has
 * no public API to write a certificate), and the PEM texts the JWT bearer flow uses: the private
 * key as PKCS#8 and PKCS#1, the public key and the certificate.
 */
public record RsaTestKeys(
    String privateKeyPem, String pkcs1PrivateKeyPem, String publicKeyPem, String certificatePem) {

  private static final char[] PASSWORD = "changeit".toCharArray();

  /** A new key pair; {@code dir} holds keytool's keystore. */
  public static RsaTestKeys generate(Path dir) {
    try {
      Path store = Files.createTempFile(dir, "jwt", ".p12");
      Files.delete(store);
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "jwt",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-validity",
                  "30",
                  "-dname",
                  "CN=scopien-test",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  store.toString(),
                  "-storepass",
                  new String(PASSWORD))
              .redirectErrorStream(true)
              .start();
      String output = new String(keytool.getInputStream().readAllBytes());
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, PASSWORD);
      }
      PrivateKey key = (PrivateKey) keys.getKey("jwt", PASSWORD);
      Certificate certificate = keys.getCertificate("jwt");
      byte[] pkcs8 = key.getEncoded();
      return new RsaTestKeys(
          pem("PRIVATE KEY", pkcs8),
          pem("RSA PRIVATE KEY", pkcs1Of(pkcs8)),
          pem("PUBLIC KEY", certificate.getPublicKey().getEncoded()),
          pem("CERTIFICATE", certificate.getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes the PKCS#8 private key to a file readable by its owner only. */
  public Path writePrivateKey(Path dir) {
    try {
      Path file = Files.createTempFile(dir, "jwt-key", ".pem");
      Files.writeString(file, privateKeyPem);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the content of its OCTET STRING. */
  private static byte[] pkcs1Of(byte[] pkcs8) {
    int[] at = {0};
    header(pkcs8, at); // PrivateKeyInfo SEQUENCE
    skip(pkcs8, at); // version
    skip(pkcs8, at); // algorithm
    int length = header(pkcs8, at); // privateKey OCTET STRING
    return Arrays.copyOfRange(pkcs8, at[0], at[0] + length);
  }

  private static int header(byte[] der, int[] at) {
    at[0]++; // tag
    int first = der[at[0]++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      length = (length << 8) | (der[at[0]++] & 0xff);
    }
    return length;
  }

  private static void skip(byte[] der, int[] at) {
    int length = header(der, at);
    at[0] += length;
  }
}
