package com.scopien.localorg;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JWT bearer grant ({@code urn:ietf:params:oauth:grant-type:jwt-bearer}) as Salesforce checks
 * it: an RS256 assertion signed by a key whose certificate was uploaded to the connected app, with
 * {@code iss} the consumer key, {@code sub} (or the legacy {@code prn}) a pre-authorised username,
 * {@code aud} the login host, and {@code exp} within three minutes of now (three minutes of clock
 * skew allowed either way).
 *
 * <p>Keys are registered at run time with {@link #trust}: the PEM of an X.509 certificate (what
 * Salesforce takes) or of a bare public key. The demo user is the pre-authorised user. Thread-safe.
 */
final class JwtBearerGrant {

  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final Duration LIFETIME = Duration.ofMinutes(3);
  private static final Duration SKEW = Duration.ofMinutes(3);
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private final OrgIdentity org;
  private final ConnectedApp app;
  private final Clock clock;
  private final List<RSAPublicKey> trusted = new CopyOnWriteArrayList<>();

  JwtBearerGrant(OrgIdentity org, ConnectedApp app, Clock clock) {
    this.org = org;
    this.app = app;
    this.clock = clock;
  }

  /**
   * Trusts assertions signed by the key of {@code pem} (a certificate or a public key).
   *
   * @throws IllegalArgumentException when the text holds no RSA certificate or public key
   */
  void trust(String pem) {
    trusted.add(parse(pem));
  }

  /** The Id of the user the assertion signs in, or an {@link OAuthError} saying why not. */
  String userFor(String assertion) {
    SignedJWT jwt = parseAssertion(assertion);
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw OAuthError.invalidGrant("invalid assertion");
    }
    if (!app.isClient(claims.getIssuer())) {
      throw OAuthError.badRequest("invalid_client_id", "client identifier invalid");
    }
    if (trusted.stream().noneMatch(key -> verifies(jwt, key))) {
      throw OAuthError.invalidGrant("invalid assertion");
    }
    List<String> audience = claims.getAudience();
    if (audience == null || audience.stream().noneMatch(this::isAudience)) {
      throw OAuthError.invalidGrant("audience is invalid");
    }
    Date exp = claims.getExpirationTime();
    Instant now = clock.instant();
    if (exp == null
        || exp.toInstant().isBefore(now.minus(SKEW))
        || exp.toInstant().isAfter(now.plus(LIFETIME).plus(SKEW))) {
      throw OAuthError.invalidGrant("invalid assertion: expiry missing, passed or too far ahead");
    }
    String subject = claims.getSubject();
    if (subject == null) {
      subject = stringClaim(claims, "prn");
    }
    if (subject == null || !subject.trim().equalsIgnoreCase(org.options().username())) {
      throw OAuthError.invalidGrant("user hasn't approved this consumer");
    }
    return org.userId();
  }

  private static SignedJWT parseAssertion(String assertion) {
    if (assertion == null || assertion.isBlank()) {
      throw OAuthError.invalidGrant("invalid assertion");
    }
    try {
      SignedJWT jwt = SignedJWT.parse(assertion.trim());
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        throw OAuthError.invalidGrant("invalid assertion: only RS256 is accepted");
      }
      return jwt;
    } catch (ParseException e) {
      throw OAuthError.invalidGrant("invalid assertion");
    }
  }

  private static boolean verifies(SignedJWT jwt, RSAPublicKey key) {
    try {
      return jwt.verify(new RSASSAVerifier(key));
    } catch (JOSEException e) {
      return false;
    }
  }

  private boolean isAudience(String value) {
    String aud = value == null ? "" : value.trim().replaceAll("/+$", "");
    String generic = org.sandbox() ? "https://test.salesforce.com" : "https://login.salesforce.com";
    return aud.equals(org.baseUrl()) || aud.equals(generic);
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      return null;
    }
  }

  private static RSAPublicKey parse(String pem) {
    Matcher m = pem == null ? null : BLOCK.matcher(pem);
    if (m == null || !m.find()) {
      throw new IllegalArgumentException("not a PEM certificate or public key");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM body is not valid base64");
    }
    try {
      PublicKey key =
          switch (m.group(1)) {
            case "CERTIFICATE" ->
                CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
            case "PUBLIC KEY" ->
                KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            default ->
                throw new IllegalArgumentException(
                    "expected a CERTIFICATE or PUBLIC KEY block, got " + m.group(1));
          };
      if (key instanceof RSAPublicKey rsa) {
        return rsa;
      }
      throw new IllegalArgumentException("the key is not an RSA key");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the PEM block is not a valid RSA certificate or key");
    }
  }
}
