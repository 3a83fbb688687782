package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.scopien.testing.MutableClock;
import com.scopien.testing.RsaTestKeys;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JWT bearer grant of the token endpoint, with assertions made by hand, over real HTTP. */
class LocalOrgJwtBearerTest {

  private static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  @TempDir static Path dir;

  private static MutableClock clock;
  private static LocalOrg org;
  private static OrgHttp anonymous;
  private static RsaTestKeys trusted;
  private static RsaTestKeys stranger;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.parse("2025-06-02T10:15:30Z"));
    org =
        LocalOrg.start(
            LocalOrgOptions.production()
                .withScale(new LocalOrgOptions.Scale(0.005))
                .withClock(clock));
    anonymous = new OrgHttp(org.baseUrl());
    trusted = RsaTestKeys.generate(dir);
    stranger = RsaTestKeys.generate(dir);
    org.trustJwtKey(trusted.certificatePem());
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  @Test
  void aRightAssertionSignsInAsTheUserWithoutARefreshToken() {
    OrgHttp.Reply reply = token(assertion(trusted, claims -> claims));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("access_token").asText())
        .startsWith(org.orgId().substring(0, 15) + "!");
    assertThat(reply.json().has("refresh_token")).isFalse();
    assertThat(reply.json().get("id").asText()).endsWith("/" + org.userId());
    assertThat(reply.json().get("instance_url").asText()).isEqualTo(org.baseUrl());
    assertThat(
            anonymous
                .withToken(reply.json().get("access_token").asText())
                .query("SELECT Id FROM Account LIMIT 1")
                .status())
        .isEqualTo(200);
  }

  @Test
  void aBarePublicKeyAndTheGenericLoginAudienceAreAcceptedToo() {
    RsaTestKeys other = RsaTestKeys.generate(dir);
    org.trustJwtKey(other.publicKeyPem());

    OrgHttp.Reply reply =
        token(assertion(other, claims -> claims.audience("https://login.salesforce.com")));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void eachBrokenAssertionIsRefusedWithSalesforcesError() {
    assertRefused(assertion(stranger, c -> c), "invalid_grant", "invalid assertion");
    assertRefused(
        assertion(trusted, c -> c.issuer("someone-else")),
        "invalid_client_id",
        "client identifier invalid");
    assertRefused(
        assertion(trusted, c -> c.subject("nobody@acme.com")),
        "invalid_grant",
        "user hasn't approved this consumer");
    assertRefused(
        assertion(trusted, c -> c.audience("https://test.salesforce.com")),
        "invalid_grant",
        "audience is invalid");
    Instant now = clock.instant();
    assertRefused(
        assertion(trusted, c -> c.expirationTime(Date.from(now.minus(Duration.ofMinutes(4))))),
        "invalid_grant",
        "invalid assertion");
    assertRefused(
        assertion(trusted, c -> c.expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))),
        "invalid_grant",
        "invalid assertion");
    assertRefused(assertion(trusted, c -> c.expirationTime(null)), "invalid_grant", "invalid");
    assertRefused("not.a.jwt", "invalid_grant", "invalid assertion");
    assertRefused("", "invalid_grant", "invalid assertion");
  }

  @Test
  void theLegacyPrnClaimNamesTheUserToo() {
    OrgHttp.Reply reply =
        token(assertion(trusted, c -> c.subject(null).claim("prn", "JOHN.DOE@acme.com")));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void onlyCertificatesAndPublicKeysCanBeTrusted() {
    assertThatThrownBy(() -> org.trustJwtKey(trusted.privateKeyPem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PRIVATE KEY");
    assertThatThrownBy(() -> org.trustJwtKey("hello")).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRefused(String assertion, String error, String description) {
    OrgHttp.Reply reply = token(assertion);
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo(error);
    assertThat(reply.json().get("error_description").asText()).contains(description);
    assertThat(reply.json().has("access_token")).isFalse();
  }

  private static OrgHttp.Reply token(String assertion) {
    return anonymous.form(
        "/services/oauth2/token", Map.of("grant_type", GRANT, "assertion", assertion));
  }

  private static String assertion(RsaTestKeys keys, UnaryOperator<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer("scopien-local")
            .subject("john.doe@acme.com")
            .audience(org.baseUrl())
            .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(3))));
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), change.apply(claims).build());
    try {
      jwt.sign(new RSASSASigner(privateKey(keys)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static PrivateKey privateKey(RsaTestKeys keys) throws Exception {
    String body = keys.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }
}
