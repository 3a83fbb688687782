package com.scopien.salesforce;

import com.scopien.ScopienException.Kind;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the RSA private key of the JWT bearer flow from PEM text: PKCS#8 ({@code BEGIN PRIVATE
 * KEY}, what {@code openssl genpkey} and OpenSSL 3's {@code genrsa} write) or PKCS#1 ({@code BEGIN
 * RSA PRIVATE KEY}, older OpenSSL). Encrypted keys are refused with a hint, since Scopien stores
 * the key sealed itself and has no pass phrase to ask for.
 */
public final class RsaKeys {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private RsaKeys() {}

  /**
   * The private key in {@code pem}.
   *
   * @throws SalesforceException INVALID_INPUT ({@code invalid_private_key}) saying what is wrong,
   *     never quoting the key
   */
  public static RSAPrivateKey privateKey(String pem) {
    if (pem == null || pem.isBlank()) {
      throw invalid("The JWT private key is empty.");
    }
    if (pem.contains("ENCRYPTED")) {
      throw invalid(
          "The JWT private key is encrypted; write it unencrypted (openssl pkcs8 -topk8 -nocrypt)"
              + " and keep the file readable by Scopien only.");
    }
    Matcher m = BLOCK.matcher(pem);
    if (!m.find()) {
      throw invalid("The JWT private key is not a PEM block such as -----BEGIN PRIVATE KEY-----.");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2));
    } catch (IllegalArgumentException e) {
      throw invalid("The JWT private key's PEM body is not valid base64.");
    }
    byte[] pkcs8 =
        switch (m.group(1)) {
          case "PRIVATE KEY" -> der;
          case "RSA PRIVATE KEY" -> wrapPkcs1(der);
          default ->
              throw invalid(
                  "The file holds a "
                      + m.group(1).toLowerCase(java.util.Locale.ROOT)
                      + ", not an RSA private key.");
        };
    try {
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw invalid("The JWT private key is not an RSA private key.");
    }
  }

  /** PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo with the rsaEncryption algorithm. */
  private static byte[] wrapPkcs1(byte[] pkcs1) {
    byte[] version = {0x02, 0x01, 0x00};
    byte[] algorithm = {
      0x30,
      0x0d,
      0x06,
      0x09,
      0x2a,
      (byte) 0x86,
      0x48,
      (byte) 0x86,
      (byte) 0xf7,
      0x0d,
      0x01,
      0x01,
      0x01,
      0x05,
      0x00
    };
    byte[] octets = tlv(0x04, pkcs1);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(version);
    body.writeBytes(algorithm);
    body.writeBytes(octets);
    return tlv(0x30, body.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((length >> (8 * i)) & 0xff);
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static SalesforceException invalid(String message) {
    return new SalesforceException(Kind.INVALID_INPUT, "invalid_private_key", 0, message);
  }
}
