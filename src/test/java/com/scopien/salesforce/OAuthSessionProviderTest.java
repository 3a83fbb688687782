package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.config.Secret;
import com.scopien.salesforce.ScriptedSalesforceServer.Reply;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthSessionProviderTest {
  private ScriptedSalesforceServer login;
  private OAuthClient oauth;
  private final List<TokenResponse> stored = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    login = new ScriptedSalesforceServer();
    oauth = new OAuthClient(SalesforceClients.newHttpClient());
  }

  @AfterEach
  void stop() {
    login.close();
  }

  @Test
  void clientCredentialsSignsInLazilyAndRenewsOncePerStaleSession() {
    login.enqueue(token("first"), token("second"));
    OAuthSessionProvider provider =
        OAuthSessionProvider.clientCredentials(
            oauth, login.url(), "scopien-local", Secret.of("s"), null, stored::add);

    Session first = provider.current();
    Session second = provider.refresh(first);
    Session again = provider.refresh(first);

    assertThat(first.accessToken().reveal()).isEqualTo("first");
    assertThat(second.accessToken().reveal()).isEqualTo("second");
    assertThat(again).isEqualTo(second);
    assertThat(provider.current()).isEqualTo(second);
    assertThat(login.requests()).hasSize(2);
    assertThat(stored).extracting(t -> t.accessToken().reveal()).containsExactly("first", "second");
  }

  @Test
  void refreshTokenFlowUsesTheStoredRefreshToken() {
    login.enqueue(token("renewed"));
    TokenResponse initial =
        new TokenResponse(
            Secret.of("old"),
            Optional.of(Secret.of("refresh-1")),
            login.url(),
            null,
            java.time.Instant.EPOCH,
            "api refresh_token");
    OAuthSessionProvider provider =
        OAuthSessionProvider.refreshToken(oauth, login.url(), "c", null, initial, stored::add);

    Session renewed = provider.refresh(provider.current());

    assertThat(renewed.accessToken().reveal()).isEqualTo("renewed");
    assertThat(OAuthClientTest.form(login.requests().get(0).body()))
        .containsEntry("refresh_token", "refresh-1")
        .doesNotContainKey("client_secret");
    assertThat(provider.currentToken().refreshToken()).map(Secret::reveal).contains("refresh-1");
  }

  @Test
  void aDeadRefreshTokenSaysTheOrgNeedsReauthorization() {
    login.enqueue(
        Reply.json(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}"));
    TokenResponse initial =
        new TokenResponse(
            Secret.of("old"),
            Optional.of(Secret.of("dead")),
            login.url(),
            null,
            java.time.Instant.EPOCH,
            null);
    OAuthSessionProvider provider =
        OAuthSessionProvider.refreshToken(
            oauth, login.url(), "c", Secret.of("s"), initial, stored::add);

    assertThatThrownBy(() -> provider.refresh(provider.current()))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.needsReauthorization()).isTrue());
    assertThat(stored).isEmpty();
  }

  private Reply token(String accessToken) {
    return Reply.json(
        200,
        "{\"access_token\":\""
            + accessToken
            + "\",\"instance_url\":\""
            + login.url()
            + "\",\"issued_at\":\"1676372418560\",\"token_type\":\"Bearer\"}");
  }
}
