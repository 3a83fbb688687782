package com.scopien.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException.Kind;
import com.scopien.config.Secret;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads OAuth replies: token responses (checking {@code signature} when the client secret is
 * known), identity documents, and {@code {"error","error_description"}} refusals.
 */
final class TokenReader {
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_]{1,64}");

  private final ObjectMapper mapper;
  private final Clock clock;

  TokenReader(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  TokenResponse read(HttpResponse<String> response, Secret clientSecret) {
    if (response.statusCode() != 200) {
      throw error(response);
    }
    JsonNode root = parse(response.body());
    String accessToken = text(root, "access_token");
    String instanceUrl = text(root, "instance_url");
    if (root == null || accessToken == null || instanceUrl == null) {
      throw SalesforceErrors.unexpected(response.statusCode(), "token reply");
    }
    String id = text(root, "id");
    String issuedAtText = text(root, "issued_at");
    String signature = text(root, "signature");
    if (signature != null && clientSecret != null && id != null && issuedAtText != null) {
      verifySignature(signature, clientSecret, id + issuedAtText);
    }
    String refreshToken = text(root, "refresh_token");
    return new TokenResponse(
        Secret.of(accessToken),
        Optional.ofNullable(refreshToken).map(Secret::of),
        instanceUrl,
        id,
        issuedAt(issuedAtText),
        text(root, "scope"));
  }

  Identity identity(HttpResponse<String> response) {
    JsonNode root = parse(response.body());
    if (root == null || text(root, "user_id") == null || text(root, "organization_id") == null) {
      throw SalesforceErrors.unexpected(response.statusCode(), "identity reply");
    }
    return new Identity(
        text(root, "user_id"),
        text(root, "organization_id"),
        text(root, "username"),
        text(root, "display_name"),
        text(root, "email"));
  }

  OAuthException error(HttpResponse<String> response) {
    JsonNode root = parse(response.body());
    String error = text(root, "error");
    String description = text(root, "error_description");
    if (root != null && root.isArray() && !root.isEmpty()) {
      // The identity URL answers like the REST API: [{"errorCode","message"}].
      error = text(root.get(0), "errorCode");
      description = text(root.get(0), "message");
    }
    if (error == null || !ERROR_CODE.matcher(error).matches()) {
      error = "HTTP_" + response.statusCode();
      description = "Salesforce answered HTTP " + response.statusCode();
    }
    return OAuthException.of(error, response.statusCode(), description);
  }

  private Instant issuedAt(String millis) {
    if (millis != null) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(millis.trim()));
      } catch (NumberFormatException e) {
        // Documented as milliseconds; anything else is not worth failing a sign-in over.
      }
    }
    return clock.instant();
  }

  private static void verifySignature(String signature, Secret clientSecret, String data) {
    byte[] expected;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(clientSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      expected = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
    byte[] actual;
    try {
      actual = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      actual = new byte[0];
    }
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new OAuthException(
          Kind.UPSTREAM,
          "invalid_signature",
          200,
          "The token reply's signature does not match its identity URL; the token was not used.");
    }
  }

  private JsonNode parse(String body) {
    return SalesforceJson.lenientRead(mapper, body);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null || !node.isObject() ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
