package com.scopien.localorg;

import io.javalin.http.Context;
import io.javalin.security.BasicAuthCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /services/oauth2/token} for the client-credentials, authorization-code (with PKCE),
 * refresh-token, JWT bearer and username-password grants, and {@code /services/oauth2/revoke}.
 * Replies carry no {@code expires_in}; {@code issued_at} is a string of epoch milliseconds; refresh
 * replies leave out {@code refresh_token}.
 */
final class OAuthTokenHandler {

  private final OrgIdentity org;
  private final ConnectedApp app;
  private final SessionStore sessions;
  private final JwtBearerGrant jwtBearer;
  private final Clock clock;

  OAuthTokenHandler(
      OrgIdentity org,
      ConnectedApp app,
      SessionStore sessions,
      JwtBearerGrant jwtBearer,
      Clock clock) {
    this.org = org;
    this.app = app;
    this.sessions = sessions;
    this.jwtBearer = jwtBearer;
    this.clock = clock;
  }

  void token(Context ctx) {
    String grantType = ctx.formParam("grant_type");
    Map<String, Object> reply =
        switch (grantType == null ? "" : grantType) {
          case "client_credentials" -> clientCredentials(ctx);
          case "authorization_code" -> authorizationCode(ctx);
          case "refresh_token" -> refreshToken(ctx);
          case "password" -> password(ctx);
          case JwtBearerGrant.GRANT_TYPE -> jwtBearer(ctx);
          default ->
              throw OAuthError.badRequest("unsupported_grant_type", "grant type not supported");
        };
    ctx.header("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
    ctx.json(reply);
  }

  void revoke(Context ctx) {
    String token = ctx.formParam("token");
    if (token == null) {
      token = ctx.queryParam("token");
    }
    if (!sessions.revoke(token)) {
      throw OAuthError.badRequest("invalid_token", "invalid token");
    }
    ctx.status(200);
  }

  private Map<String, Object> clientCredentials(Context ctx) {
    Client client = client(ctx);
    requireSecret(client);
    String token = sessions.openSession(org.userId(), app.clientId(), "api", null);
    return reply(token, null, org.userId(), "api");
  }

  private Map<String, Object> password(Context ctx) {
    requireSecret(client(ctx));
    String userId =
        org.authenticate(ctx.formParam("username"), ctx.formParam("password"))
            .orElseThrow(() -> OAuthError.invalidGrant("authentication failure"));
    String token = sessions.openSession(userId, app.clientId(), "api", null);
    return reply(token, null, userId, "api");
  }

  /** Like Salesforce: no client secret, no refresh token; the assertion is the credential. */
  private Map<String, Object> jwtBearer(Context ctx) {
    String userId = jwtBearer.userFor(ctx.formParam("assertion"));
    String token = sessions.openSession(userId, app.clientId(), "api", null);
    return reply(token, null, userId, "api");
  }

  private Map<String, Object> authorizationCode(Context ctx) {
    Client client = client(ctx);
    if (client.secret() != null) {
      requireSecret(client);
    }
    SessionStore.AuthCode code =
        sessions
            .redeemCode(ctx.formParam("code"))
            .filter(c -> c.clientId().equals(client.id()))
            .orElseThrow(() -> OAuthError.invalidGrant("expired authorization code"));
    if (!code.redirectUri().equals(ctx.formParam("redirect_uri"))) {
      throw OAuthError.badRequest("redirect_uri_mismatch", "redirect_uri must match configuration");
    }
    String verifier = ctx.formParam("code_verifier");
    if (code.codeChallenge() != null) {
      if (verifier == null) {
        throw OAuthError.invalidGrant("invalid code verifier");
      }
      if (!Pkce.matches(verifier, code.codeChallenge())) {
        throw OAuthError.badRequest("invalid_request", "invalid code verifier");
      }
    } else if (client.secret() == null) {
      throw OAuthError.badRequest("invalid_client", "invalid client credentials");
    }
    String refresh =
        grantsRefresh(code.scope())
            ? sessions.newRefreshToken(code.userId(), client.id(), code.scope())
            : null;
    String token = sessions.openSession(code.userId(), client.id(), code.scope(), refresh);
    return reply(token, refresh, code.userId(), code.scope());
  }

  private Map<String, Object> refreshToken(Context ctx) {
    Client client = client(ctx);
    if (client.secret() != null) {
      requireSecret(client);
    }
    String refresh = ctx.formParam("refresh_token");
    SessionStore.RefreshGrant grant =
        sessions
            .refreshGrant(refresh)
            .filter(g -> g.clientId().equals(client.id()))
            .orElseThrow(() -> OAuthError.invalidGrant("expired access/refresh token"));
    String token = sessions.openSession(grant.userId(), client.id(), grant.scope(), refresh);
    return reply(token, null, grant.userId(), grant.scope());
  }

  private record Client(String id, String secret) {}

  private Client client(Context ctx) {
    String id = ctx.formParam("client_id");
    String secret = ctx.formParam("client_secret");
    BasicAuthCredentials basic = basic(ctx);
    if (basic != null) {
      id = id == null ? basic.getUsername() : id;
      secret = secret == null ? basic.getPassword() : secret;
    }
    if (!app.isClient(id)) {
      throw OAuthError.badRequest("invalid_client_id", "client identifier invalid");
    }
    return new Client(id, secret);
  }

  private static BasicAuthCredentials basic(Context ctx) {
    String header = ctx.header("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6)
        ? ctx.basicAuthCredentials()
        : null;
  }

  private void requireSecret(Client client) {
    if (!app.secretMatches(client.secret())) {
      throw OAuthError.badRequest("invalid_client", "invalid client credentials");
    }
  }

  static boolean grantsRefresh(String scope) {
    for (String s : scope.split(" ")) {
      if (s.equals("refresh_token") || s.equals("offline_access")) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Object> reply(String token, String refresh, String userId, String scope) {
    String id = org.identityUrl(userId);
    String issuedAt = Long.toString(clock.millis());
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("access_token", token);
    if (refresh != null) {
      reply.put("refresh_token", refresh);
    }
    reply.put("signature", signature(id + issuedAt));
    reply.put("scope", scope);
    reply.put("instance_url", org.baseUrl());
    reply.put("id", id);
    reply.put("token_type", "Bearer");
    reply.put("issued_at", issuedAt);
    return reply;
  }

  private String signature(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(app.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** PKCE S256: the challenge is base64url(SHA-256(verifier)) without padding. */
  static final class Pkce {
    private Pkce() {}

    static String challenge(String verifier) {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-256 is not available", e);
      }
    }

    static boolean matches(String verifier, String challenge) {
      return MessageDigest.isEqual(
          challenge(verifier).getBytes(StandardCharsets.US_ASCII),
          challenge.getBytes(StandardCharsets.US_ASCII));
    }
  }
}
