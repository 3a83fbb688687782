package com.scopien.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Salesforce's OAuth 2.0 endpoints on a login host ({@code https://login.salesforce.com}, {@code
 * https://test.salesforce.com} or a My Domain): client credentials, authorization code with PKCE,
 * refresh token, JWT bearer, revocation and the identity URL.
 *
 * <p>Every login URL must be https, or http on a loopback address (the local org). Refusals are
 * {@link OAuthException}s; a host that cannot be reached gives a {@link SalesforceException} that
 * names it. Tokens and secrets are never logged. Thread-safe.
 */
public final class OAuthClient {
  private static final Logger log = LoggerFactory.getLogger(OAuthClient.class);

  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;
  private final TokenReader tokens;

  public OAuthClient(HttpClient http, Clock clock, Duration timeout) {
    this.http = http;
    this.clock = clock;
    this.timeout = timeout;
    ObjectMapper mapper = SalesforceJson.newMapper();
    this.tokens = new TokenReader(mapper, clock);
  }

  /** A client with the system UTC clock and a 30 s timeout per call. */
  public OAuthClient(HttpClient http) {
    this(http, Clock.systemUTC(), Duration.ofSeconds(30));
  }

  /**
   * Client credentials flow; {@code loginUrl} must be the org's My Domain. No refresh token comes
   * back: renew by running the flow again.
   */
  public TokenResponse clientCredentials(String loginUrl, String clientId, Secret clientSecret) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret.reveal());
    return tokens.read(postForm(loginUrl, "/services/oauth2/token", form), clientSecret);
  }

  /** The URL to send the user's browser to, for the authorization-code flow with PKCE (S256). */
  public String authorizationUrl(
      String loginUrl,
      String clientId,
      String redirectUri,
      String state,
      String codeChallenge,
      List<String> scopes) {
    String base = LoginUrls.requireSafeBase(loginUrl, "Login URL", "INVALID_LOGIN_URL");
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri);
    query.put("state", state);
    query.put("code_challenge", codeChallenge);
    query.put("code_challenge_method", "S256");
    if (scopes != null && !scopes.isEmpty()) {
      query.put("scope", String.join(" ", scopes));
    }
    return base + "/services/oauth2/authorize?" + encodeForm(query);
  }

  /**
   * Exchanges an authorization code for tokens. {@code clientSecret} may be null when the app does
   * not require it with PKCE.
   */
  public TokenResponse exchangeCode(
      String loginUrl,
      String clientId,
      Secret clientSecret,
      String redirectUri,
      String code,
      String codeVerifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("client_id", clientId);
    if (clientSecret != null) {
      form.put("client_secret", clientSecret.reveal());
    }
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", codeVerifier);
    return tokens.read(postForm(loginUrl, "/services/oauth2/token", form), clientSecret);
  }

  /**
   * Refresh-token flow. Salesforce usually sends no new refresh token (the old one stays valid), so
   * the result carries the one passed in unless a rotated one came back. {@code invalid_grant}
   * means the grant is dead: see {@link OAuthException#needsReauthorization()}.
   */
  public TokenResponse refresh(
      String loginUrl, String clientId, Secret clientSecret, Secret refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken.reveal());
    form.put("client_id", clientId);
    if (clientSecret != null) {
      form.put("client_secret", clientSecret.reveal());
    }
    form.put("format", "json");
    TokenResponse token =
        tokens.read(postForm(loginUrl, "/services/oauth2/token", form), clientSecret);
    return token.refreshToken().isPresent() ? token : token.withRefreshToken(refreshToken);
  }

  /**
   * JWT bearer flow: signs in as {@code username} with an assertion signed by the connected app's
   * private key (RS256, PEM text). No client secret and no refresh token: renew by running the flow
   * again. {@code sandbox} picks the audience for Salesforce's own hosts (see {@link
   * JwtAssertion#audienceFor}).
   *
   * @throws SalesforceException INVALID_INPUT ({@code invalid_private_key}) for an unusable key
   * @throws OAuthException {@code invalid_grant} when the org refuses the assertion or the user
   */
  public TokenResponse jwtBearer(
      String loginUrl, String clientId, String username, Secret privateKeyPem, boolean sandbox) {
    String base = LoginUrls.requireSafeBase(loginUrl, "Login URL", "INVALID_LOGIN_URL");
    String assertion =
        JwtAssertion.sign(
            RsaKeys.privateKey(privateKeyPem.reveal()),
            clientId,
            username,
            JwtAssertion.audienceFor(base, sandbox),
            clock.instant());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
    form.put("assertion", assertion);
    return tokens.read(postForm(base, "/services/oauth2/token", form), null);
  }

  /**
   * Checks that the login host answers at all (any HTTP status will do), before a person is sent
   * there. Sends no credentials.
   *
   * @throws SalesforceException INVALID_INPUT for an unsafe URL, RETRIABLE naming the host when it
   *     cannot be reached
   */
  public void probe(String loginUrl) {
    String base = LoginUrls.requireSafeBase(loginUrl, "Login URL", "INVALID_LOGIN_URL");
    URI uri = URI.create(base + "/services/oauth2/authorize");
    send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), uri);
  }

  /** Revokes an access or refresh token (a refresh token takes its access tokens with it). */
  public void revoke(String loginUrl, Secret token) {
    HttpResponse<String> response =
        postForm(loginUrl, "/services/oauth2/revoke", Map.of("token", token.reveal()));
    if (response.statusCode() != 200) {
      throw tokens.error(response);
    }
  }

  /** Who the token acts as, read from the token's identity URL. */
  public Identity identity(String idUrl, Secret accessToken) {
    URI uri = LoginUrls.requireSafe(idUrl, "Identity URL", "INVALID_IDENTITY_URL");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", "Bearer " + accessToken.reveal())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response = send(request, uri);
    if (response.statusCode() != 200) {
      throw tokens.error(response);
    }
    return tokens.identity(response);
  }

  private HttpResponse<String> postForm(String loginUrl, String path, Map<String, String> form) {
    String base = LoginUrls.requireSafeBase(loginUrl, "Login URL", "INVALID_LOGIN_URL");
    URI uri = URI.create(base + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(encodeForm(form), StandardCharsets.UTF_8))
            .build();
    return send(request, uri);
  }

  private HttpResponse<String> send(HttpRequest request, URI uri) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      log.debug(
          "{} {} -> {} in {} ms",
          request.method(),
          uri.getRawPath(),
          response.statusCode(),
          (System.nanoTime() - start) / 1_000_000);
      return response;
    } catch (IOException e) {
      log.debug(
          "{} {} failed: {}", request.method(), uri.getRawPath(), e.getClass().getSimpleName());
      throw SalesforceErrors.unreachable("the Salesforce login host", uri.getHost(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SalesforceErrors.interrupted();
    }
  }

  private static String encodeForm(Map<String, String> values) {
    StringJoiner joiner = new StringJoiner("&");
    values.forEach(
        (k, v) ->
            joiner.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
    return joiner.toString();
  }
}
