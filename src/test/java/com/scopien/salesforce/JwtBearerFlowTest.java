package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import com.scopien.ScopienException.Kind;
import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.testing.RsaTestKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's JWT bearer flow against the local org over HTTP, and the assertion it signs. */
class JwtBearerFlowTest {

  @TempDir static Path dir;

  private static LocalOrg org;
  private static RsaTestKeys keys;
  private static final OAuthClient oauth = new OAuthClient(SalesforceClients.newHttpClient());

  @BeforeAll
  static void start() {
    org = LocalOrg.start(LocalOrgOptions.sandbox().withScale(new LocalOrgOptions.Scale(0.005)));
    keys = RsaTestKeys.generate(dir);
    org.trustJwtKey(keys.certificatePem());
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  @Test
  void aPkcs8OrPkcs1KeySignsInAndTheTokenWorks() {
    for (String pem : new String[] {keys.privateKeyPem(), keys.pkcs1PrivateKeyPem()}) {
      TokenResponse token =
          oauth.jwtBearer(
              org.baseUrl(), "scopien-local", "john.doe@acme.com", Secret.of(pem), true);

      assertThat(token.refreshToken()).isEmpty();
      assertThat(token.instanceUrl()).isEqualTo(org.baseUrl());
      assertThat(token.userId()).contains(org.userId());
      assertThat(
              SalesforceClients.create(
                      SalesforceClients.newHttpClient(), SessionProvider.fixed(token.session()))
                  .query("SELECT Id FROM Account LIMIT 1")
                  .records())
          .hasSize(1);
    }
  }

  @Test
  void anUntrustedKeyOrUnknownUserIsInvalidGrant() {
    RsaTestKeys other = RsaTestKeys.generate(dir);
    assertThatThrownBy(
            () ->
                oauth.jwtBearer(
                    org.baseUrl(),
                    "scopien-local",
                    "john.doe@acme.com",
                    Secret.of(other.privateKeyPem()),
                    true))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("invalid_grant");
              assertThat(e.needsReauthorization()).isTrue();
            });
    assertThatThrownBy(
            () ->
                oauth.jwtBearer(
                    org.baseUrl(),
                    "scopien-local",
                    "nobody@acme.com",
                    Secret.of(keys.privateKeyPem()),
                    true))
        .isInstanceOf(OAuthException.class)
        .hasMessageContaining("hasn't approved");
  }

  @Test
  void theAssertionIsRs256WithTheRightClaimsAndAShortExpiry() throws Exception {
    Instant now = Instant.parse("2025-06-02T10:00:00Z");
    String jwt =
        JwtAssertion.sign(
            RsaKeys.privateKey(keys.privateKeyPem()),
            "client-1",
            "jane@acme.com",
            "https://login.salesforce.com",
            now);

    SignedJWT parsed = SignedJWT.parse(jwt);
    assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(parsed.getJWTClaimsSet().getIssuer()).isEqualTo("client-1");
    assertThat(parsed.getJWTClaimsSet().getSubject()).isEqualTo("jane@acme.com");
    assertThat(parsed.getJWTClaimsSet().getAudience())
        .containsExactly("https://login.salesforce.com");
    Duration lifetime =
        Duration.between(now, parsed.getJWTClaimsSet().getExpirationTime().toInstant());
    assertThat(lifetime).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void theAudienceIsSalesforcesLoginHostForItsOwnDomainsAndTheUrlElsewhere() {
    assertThat(JwtAssertion.audienceFor("https://acme.my.salesforce.com", false))
        .isEqualTo("https://login.salesforce.com");
    assertThat(JwtAssertion.audienceFor("https://acme--uat.sandbox.my.salesforce.com", false))
        .isEqualTo("https://test.salesforce.com");
    assertThat(JwtAssertion.audienceFor("https://login.salesforce.com", true))
        .isEqualTo("https://test.salesforce.com");
    assertThat(JwtAssertion.audienceFor("http://127.0.0.1:8443", true))
        .isEqualTo("http://127.0.0.1:8443");
  }

  @Test
  void unusableKeysAreRefusedWithoutQuotingThem() {
    for (String pem :
        new String[] {
          "",
          "not a key",
          keys.certificatePem(),
          "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"
        }) {
      assertThatThrownBy(() -> RsaKeys.privateKey(pem))
          .as(pem)
          .isInstanceOfSatisfying(
              SalesforceException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
                assertThat(e.errorCode()).isEqualTo("invalid_private_key");
              });
    }
  }

  @Test
  void theClientsClockSetsTheExpiry() {
    Clock late = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
    OAuthClient stale =
        new OAuthClient(SalesforceClients.newHttpClient(), late, Duration.ofSeconds(5));

    assertThatThrownBy(
            () ->
                stale.jwtBearer(
                    org.baseUrl(),
                    "scopien-local",
                    "john.doe@acme.com",
                    Secret.of(keys.privateKeyPem()),
                    true))
        .isInstanceOf(OAuthException.class)
        .hasMessageContaining("invalid assertion");
  }
}
