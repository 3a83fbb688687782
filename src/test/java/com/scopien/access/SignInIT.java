package com.scopien.access;

import static com.scopien.access.AccessFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Sign in with Salesforce" end to end over HTTP, against Scopien in demo mode and the local org's
 * own login page: the redirects followed by hand with java.net.http, the authorize form submitted
 * as a demo user, the session cookie, CSRF on changes, own-records-only, sign-out, deactivation and
 * the admin's default role. (Idle and absolute expiry are checked with a clock in WebSessionsTest.)
 */
class SignInIT {
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

  private static AccessFixture scopien;
  private static final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @BeforeAll
  static void start() {
    scopien = new AccessFixture();
  }

  @AfterAll
  static void stop() {
    if (scopien != null) {
      scopien.close();
    }
  }

  /** The cookies a finished sign-in set. */
  record Signed(String session, String csrf, List<String> setCookies) {
    String cookieHeader() {
      return "scopien_session=" + session + "; scopien_csrf=" + csrf;
    }
  }

  @Test
  void sarahSignsInWithTheLocalOrgAndTheSessionWorksWithCsrfUntilSheSignsOut() {
    Signed signed = signIn("sarah.chen@acme.com");
    assertThat(signed.setCookies())
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("scopien_session=")
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .contains("Path=/"));
    assertThat(signed.session().length()).isGreaterThanOrEqualTo(43);

    HttpResponse<String> me = send("GET", "/api/me", null, signed.cookieHeader(), null);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(json(me).path("email").asText()).isEqualTo("sarah.chen@acme.com");
    assertThat(json(me).path("role").asText()).isEqualTo("user");
    assertThat(json(me).path("csrfToken").asText()).isEqualTo(signed.csrf());

    String chat = "{\"message\":\"show accounts named Acme\"}";
    HttpResponse<String> noToken = send("POST", "/api/chat", chat, signed.cookieHeader(), null);
    assertThat(noToken.statusCode()).as(noToken.body()).isEqualTo(403);
    assertThat(json(noToken).at("/error/code").asText()).isEqualTo("csrf");
    assertThat(json(noToken).at("/error/message").asText()).contains("X-CSRF-Token");
    HttpResponse<String> wrong = send("POST", "/api/chat", chat, signed.cookieHeader(), "nope");
    assertThat(wrong.statusCode()).isEqualTo(403);
    HttpResponse<String> ok = send("POST", "/api/chat", chat, signed.cookieHeader(), signed.csrf());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

    // A bearer key needs no CSRF token and gets none.
    HttpResponse<String> admin = scopien.get("/api/me", AccessFixture.ADMIN_KEY);
    assertThat(json(admin).has("csrfToken")).isFalse();

    HttpResponse<String> logoutNoToken =
        send("POST", "/auth/logout", null, signed.cookieHeader(), null);
    assertThat(logoutNoToken.statusCode()).isEqualTo(403);
    HttpResponse<String> logout =
        send("POST", "/auth/logout", null, signed.cookieHeader(), signed.csrf());
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
    assertThat(logout.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("scopien_session=;").contains("Max-Age=0"));
    HttpResponse<String> after = send("GET", "/api/me", null, signed.cookieHeader(), null);
    assertThat(after.statusCode()).isEqualTo(401);

    String audit = scopien.get("/api/audit?limit=1000", AccessFixture.ADMIN_KEY).body();
    assertThat(audit).contains("auth.sign_in").contains("auth.sign_out");
    assertThat(audit).doesNotContain(signed.session()).doesNotContain(signed.csrf());
  }

  @Test
  void aSignedInUserReadsOnlyTheOpportunitiesTheyOwnInSalesforce() {
    String sarahId =
        json(scopien.post(
                "/api/query",
                "{\"org\":\"Acme Production\",\"soql\":\"SELECT Id FROM User WHERE Username ="
                    + " 'sarah.chen@acme.com'\"}",
                AccessFixture.ADMIN_KEY))
            .at("/records/0/Id")
            .asText();
    assertThat(sarahId).startsWith("005");
    Signed signed = signIn("sarah.chen@acme.com");
    HttpResponse<String> mine =
        send(
            "POST",
            "/api/query",
            "{\"org\":\"Acme Production\",\"soql\":\"SELECT Id, OwnerId FROM Opportunity\"}",
            signed.cookieHeader(),
            signed.csrf());
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    JsonNode records = json(mine).path("records");
    assertThat(records.size()).isPositive();
    records.forEach(r -> assertThat(r.path("OwnerId").asText()).isEqualTo(sarahId));
    HttpResponse<String> all =
        scopien.post(
            "/api/query",
            "{\"org\":\"Acme Production\",\"soql\":\"SELECT Id, OwnerId FROM Opportunity\"}",
            AccessFixture.ADMIN_KEY);
    assertThat(json(all).path("records").size()).isGreaterThan(records.size());
  }

  @Test
  void deactivatingAUserEndsTheirSessionAtOnceAndRefusesTheirNextSignIn() {
    Signed signed = signIn("michael.brown@acme.com");
    HttpResponse<String> me = send("GET", "/api/me", null, signed.cookieHeader(), null);
    assertThat(me.statusCode()).isEqualTo(200);
    String id = json(me).path("id").asText();

    HttpResponse<String> off =
        scopien.send("PATCH", "/api/users/" + id, "{\"active\":false}", AccessFixture.ADMIN_KEY);
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    assertThat(send("GET", "/api/me", null, signed.cookieHeader(), null).statusCode())
        .isEqualTo(401);

    HttpResponse<String> refused = finishSignIn("michael.brown@acme.com");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("deactivated");
    assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(scopien.get("/api/audit?action=auth.sign_in_failed", AccessFixture.ADMIN_KEY).body())
        .contains("user_deactivated");
  }

  @Test
  void newSignInsGetTheRoleAnAdminChoseAndOnlyAnAdminChoosesIt() {
    HttpResponse<String> read = scopien.get("/api/auth/settings", AccessFixture.ADMIN_KEY);
    assertThat(json(read).path("defaultRole").asText()).isEqualTo("user");
    HttpResponse<String> admin =
        scopien.send(
            "PATCH", "/api/auth/settings", "{\"defaultRole\":\"admin\"}", AccessFixture.ADMIN_KEY);
    assertThat(admin.statusCode()).isEqualTo(400);
    HttpResponse<String> set =
        scopien.send(
            "PATCH",
            "/api/auth/settings",
            "{\"defaultRole\":\"manager\"}",
            AccessFixture.ADMIN_KEY);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    try {
      Signed david = signIn("david.kim@acme.com");
      HttpResponse<String> me = send("GET", "/api/me", null, david.cookieHeader(), null);
      assertThat(json(me).path("role").asText()).isEqualTo("manager");
      HttpResponse<String> notAdmin =
          send(
              "PATCH",
              "/api/auth/settings",
              "{\"defaultRole\":\"guest\"}",
              david.cookieHeader(),
              david.csrf());
      assertThat(notAdmin.statusCode()).isEqualTo(403);
    } finally {
      scopien.send(
          "PATCH", "/api/auth/settings", "{\"defaultRole\":\"user\"}", AccessFixture.ADMIN_KEY);
    }
  }

  @Test
  void anAdminAccountOpensOnlyThroughALinkAnAdminSetNeverByEmailAlone() {
    var john =
        scopien
            .app
            .users()
            .createUser("John Doe", "john.doe@acme.com", com.scopien.security.Role.ADMIN);
    HttpResponse<String> refused = finishSignIn("john.doe@acme.com");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("admin account");
    assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();

    String orgId = null;
    for (JsonNode org : json(scopien.get("/api/orgs", AccessFixture.ADMIN_KEY))) {
      if (org.path("name").asText().equals("Acme Production")) {
        orgId = org.path("id").asText();
      }
    }
    assertThat(orgId).isNotNull();
    String johnSalesforceId =
        json(scopien.post(
                "/api/query",
                "{\"org\":\"Acme Production\",\"soql\":\"SELECT Id FROM User WHERE Username ="
                    + " 'john.doe@acme.com'\"}",
                AccessFixture.ADMIN_KEY))
            .at("/records/0/Id")
            .asText();
    HttpResponse<String> linked =
        scopien.send(
            "PUT",
            "/api/orgs/" + orgId + "/users/" + john.id(),
            "{\"salesforceUserId\":\"" + johnSalesforceId + "\"}",
            AccessFixture.ADMIN_KEY);
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
    Signed signed = signIn("john.doe@acme.com");
    HttpResponse<String> me = send("GET", "/api/me", null, signed.cookieHeader(), null);
    assertThat(json(me).path("id").asText()).isEqualTo(john.id());
    assertThat(json(me).path("role").asText()).isEqualTo("admin");
  }

  @Test
  void aForgedOrReplayedCallbackOpensNoSession() {
    HttpResponse<String> forged = get(scopien.base + "/auth/salesforce/callback?code=x&state=y");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.headers().allValues("Set-Cookie")).isEmpty();
    HttpResponse<String> wrongPassword = authorize("sarah.chen@acme.com", "wrong").response();
    assertThat(wrongPassword.statusCode()).isEqualTo(200);
    assertThat(wrongPassword.body()).contains("check your username and password");

    // Login CSRF: a real code and state, finished in a browser that did not start the sign-in.
    String callback = callbackOf(authorize("sarah.chen@acme.com", "demo1234"));
    HttpResponse<String> elsewhere = get(callback);
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(elsewhere.body()).contains("Sign in again");
    assertThat(elsewhere.headers().allValues("Set-Cookie"))
        .noneSatisfy(c -> assertThat(c).startsWith("scopien_session="));
  }

  // -- the flow, by hand --------------------------------------------------------------------

  private static Signed signIn(String username) {
    HttpResponse<String> back = finishSignIn(username);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
    assertThat(back.headers().firstValue("Location")).hasValue("/");
    List<String> cookies = back.headers().allValues("Set-Cookie");
    return new Signed(cookie(cookies, "scopien_session"), cookie(cookies, "scopien_csrf"), cookies);
  }

  /** Logs in on the org's page and follows the redirect back to Scopien's callback. */
  private static HttpResponse<String> finishSignIn(String username) {
    Authorized authorized = authorize(username, "demo1234");
    return exchange(
        HttpRequest.newBuilder(URI.create(callbackOf(authorized)))
            .header("Cookie", "scopien_signin=" + authorized.binding())
            .GET()
            .build());
  }

  private static String callbackOf(Authorized authorized) {
    HttpResponse<String> toCallback = authorized.response();
    assertThat(toCallback.statusCode()).as(toCallback.body()).isEqualTo(302);
    String callback = toCallback.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(scopien.base + "/auth/salesforce/callback?code=");
    return callback;
  }

  /** The org's answer to the login form, and the browser binding cookie the start set. */
  record Authorized(HttpResponse<String> response, String binding) {}

  private static Authorized authorize(String username, String password) {
    HttpResponse<String> start =
        get(scopien.base + "/auth/salesforce/login?org=" + encode("Acme Production"));
    assertThat(start.statusCode()).as(start.body()).isEqualTo(303);
    List<String> startCookies = start.headers().allValues("Set-Cookie");
    assertThat(startCookies)
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("scopien_signin=")
                    .contains("HttpOnly")
                    .contains("Path=/auth/salesforce"));
    String binding = cookie(startCookies, "scopien_signin");
    String authorizeUrl = start.headers().firstValue("Location").orElseThrow();
    assertThat(authorizeUrl)
        .contains("/services/oauth2/authorize?")
        .contains("code_challenge_method=S256")
        .contains("state=")
        .contains("scope=openid+id+api");
    HttpResponse<String> page = get(authorizeUrl);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Map<String, String> form = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(page.body());
    while (hidden.find()) {
      form.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
    }
    form.put("username", username);
    form.put("password", password);
    form.put("action", "allow");
    URI target = URI.create(authorizeUrl.substring(0, authorizeUrl.indexOf('?')));
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return new Authorized(
        exchange(
            HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build()),
        binding);
  }

  private static HttpResponse<String> send(
      String method, String path, String body, String cookie, String csrf) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(scopien.base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Cookie", cookie)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    return exchange(request.build());
  }

  private static HttpResponse<String> get(String url) {
    return exchange(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  private static HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String cookie(List<String> setCookies, String name) {
    return setCookies.stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
