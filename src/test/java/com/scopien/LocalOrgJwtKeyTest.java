package com.scopien;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.config.Secret;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.TokenResponse;
import com.scopien.testing.RsaTestKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scopien local-org --jwt-public-key}: the key it is given signs in; a bad one stops it. */
class LocalOrgJwtKeyTest {

  @TempDir Path dir;

  @Test
  void aTrustedCertificateLetsTheJwtBearerFlowSignIn() throws Exception {
    RsaTestKeys keys = RsaTestKeys.generate(dir);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    try (AutoCloseable org =
        App.startLocalOrg(
            new App.LocalOrgRequest(
                0, true, 0.01, 42, List.of(keys.certificatePem()), List.of(), 1),
            new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      String out = printed.toString(StandardCharsets.UTF_8);
      Matcher url = Pattern.compile("Base URL \\(login and instance\\): (\\S+)").matcher(out);
      assertThat(url.find()).as(out).isTrue();
      assertThat(out).contains("JWT bearer:").contains("1 key(s) trusted");

      TokenResponse token =
          new OAuthClient(SalesforceClients.newHttpClient())
              .jwtBearer(
                  url.group(1),
                  "scopien-local",
                  "john.doe@acme.com",
                  Secret.of(keys.privateKeyPem()),
                  true);
      assertThat(token.instanceUrl()).isEqualTo(url.group(1));
    }
  }

  @Test
  void aKeyThatIsNotACertificateIsRefused() {
    RsaTestKeys keys = RsaTestKeys.generate(dir);

    assertThatThrownBy(
            () ->
                App.startLocalOrg(
                    new App.LocalOrgRequest(
                        0, true, 0.01, 42, List.of(keys.privateKeyPem()), List.of(), 1),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.code()).isEqualTo("invalid_jwt_key"));
  }
}
