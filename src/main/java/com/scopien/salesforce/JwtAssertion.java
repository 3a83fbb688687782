package com.scopien.salesforce;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/**
 * The signed assertion of the JWT bearer flow: RS256, {@code iss} the consumer key, {@code sub} the
 * username, {@code aud} the authorization server, {@code exp} within three minutes of now (the most
 * Salesforce accepts). A fresh one is minted for every sign-in; it is never stored.
 */
final class JwtAssertion {

  /** How long an assertion is good for; Salesforce refuses an {@code exp} further out. */
  static final Duration LIFETIME = Duration.ofMinutes(3);

  private JwtAssertion() {}

  static String sign(
      RSAPrivateKey key, String clientId, String username, String audience, Instant now) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(username)
            .audience(audience)
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("RS256 signing failed: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

  /**
   * The {@code aud} Salesforce expects for a login URL: its generic login host for Salesforce's own
   * domains (a sandbox's My Domain answers to {@code test.salesforce.com}), the URL itself for any
   * other host (an Experience Cloud site, the local org).
   */
  static String audienceFor(String loginBase, boolean sandbox) {
    String host = URI.create(loginBase).getHost().toLowerCase(Locale.ROOT);
    if (host.equals("salesforce.com") || host.endsWith(".salesforce.com")) {
      boolean sandboxHost =
          host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com");
      return sandbox || sandboxHost
          ? "https://test.salesforce.com"
          : "https://login.salesforce.com";
    }
    return loginBase;
  }
}
