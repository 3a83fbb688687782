package com.scopien.web;

import static com.scopien.web.BrowserSession.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.App;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.security.Role;
import com.scopien.store.Database;
import com.scopien.testing.DemoApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Sync, Monitoring and Conflicts pages in headless Chromium against Scopien in demo mode: an
 * admin changes the object selection, a per-object conflict policy and the frequency (the REST API
 * shows each change), runs Sync Now and watches the progress reach 100%, finds the run and the API
 * usage (equal to {@code GET /api/orgs/{id}/usage}) on Monitoring, then resolves a conflict made by
 * a Scopien-side change and an edit in the org, field by field; the mirror holds the chosen values.
 * Screenshots of each page are kept in {@code target/screenshots/}.
 */
class SyncPagesBrowserIT {
  private static final String KEY = "sync-pages-it-admin-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static App app;
  private static Path dataDir;
  private static BrowserSession browser;
  private static WebDriver driver;
  private static String base;
  private static String prod;

  @BeforeAll
  static void start() throws Exception {
    BrowserSession.assumeChromium();
    dataDir = Files.createTempDirectory("scopien-sync-pages-it");
    app = DemoApp.start(dataDir, KEY, "0.01");
    base = "http://127.0.0.1:" + app.port();
    for (JsonNode org : get("/api/orgs")) {
      if (org.get("name").asText().equals(App.DEMO_PRODUCTION)) {
        prod = org.get("id").asText();
      }
    }
    browser = BrowserSession.start();
    driver = browser.driver();
  }

  @AfterAll
  static void stop() {
    BrowserSession.close(browser);
    if (app != null) {
      app.close();
    }
  }

  @Test
  void anAdminConfiguresSyncsWatchesItAndResolvesAConflict() throws Exception {
    WebDriverWait wait = browser.newWait();
    wait.ignoring(StaleElementReferenceException.class);
    signIn(KEY, "#sync/" + prod);
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("sync-view")));
    wait.until(ExpectedConditions.elementToBeClickable(testId("object-Event")));
    assertThat(browser.byTestId("object-Event").isSelected()).isTrue();
    assertThat(browser.byTestId("object-Campaign").isSelected()).isFalse();
    assertThat(browser.byTestId("mapping-rows").getText())
        .contains("Account.Name")
        .contains("Company Name");

    // Manual only first, so no background run of this org competes with Sync Now.
    browser.byTestId("frequency-manual").click();
    browser.byTestId("save-settings").click();
    wait.until(ExpectedConditions.textToBe(testId("sync-message"), "Sync settings saved."));
    assertThat(get("/api/orgs/" + prod + "/sync/settings").get("frequency").asText())
        .isEqualTo("manual");

    browser.byTestId("object-Event").click();
    new Select(browser.byTestId("policy-Account")).selectByValue("manual-review");
    browser.byTestId("save-objects").click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("sync-message"), "Saved"));
    JsonNode event = objectEntry("Event");
    assertThat(event.get("selected").asBoolean()).isFalse();
    assertThat(objectEntry("Account").get("conflictPolicy").asText()).isEqualTo("manual-review");
    browser.screenshot("sync-page-objects.png");

    new Select(browser.byTestId("mapping-object")).selectByValue("Account");
    browser.byTestId("mapping-sf-field").sendKeys("Nope__c");
    browser.byTestId("mapping-scopien-field").sendKeys("Nope");
    browser.byTestId("mapping-add").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("mapping-error")));
    assertThat(browser.byTestId("mapping-error").getText()).contains("Nope__c");
    browser.byTestId("mapping-sf-field").clear();
    browser.byTestId("mapping-sf-field").sendKeys("Industry");
    browser.byTestId("mapping-scopien-field").clear();
    browser.byTestId("mapping-scopien-field").sendKeys("Sector");
    browser.byTestId("mapping-add").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(testId("mapping-rows"), "Sector"));
    assertThat(get("/api/orgs/" + prod + "/mappings").toString())
        .contains("\"salesforceField\":\"Industry\",\"scopienField\":\"Sector\",\"custom\":true");
    WebElement sector =
        driver.findElements(testId("mapping-row")).stream()
            .filter(row -> row.getText().contains("Sector"))
            .findFirst()
            .orElseThrow();
    scrollTo(browser.byTestId("mapping-table"));
    browser.screenshot("sync-page-mappings-settings.png");
    sector.findElement(testId("mapping-remove")).click();
    wait.until(
        d ->
            !browser.byTestId("mapping-rows").getText().contains("Sector")
                && !get("/api/orgs/" + prod + "/mappings").toString().contains("Sector"));

    // Let the start-up background sync finish: this run is the full resync asked for below.
    wait.until(d -> !get("/api/sync/runs?org=" + prod).toString().contains("\"running\""));
    String before = browser.byTestId("sync-progress").getAttribute("data-run-id");
    browser.byTestId("sync-full").click();
    browser.byTestId("sync-now").click();
    wait.until(
        d -> {
          WebElement progress = browser.byTestId("sync-progress");
          String shown = progress.getAttribute("data-run-id");
          return shown != null && !shown.equals(before);
        });
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(testId("sync-progress-text"), "100%"));
    wait.until(
        ExpectedConditions.attributeToBe(testId("sync-progress"), "data-status", "succeeded"));
    String runId = browser.byTestId("sync-progress").getAttribute("data-run-id");
    JsonNode run = get("/api/sync/runs/" + runId);
    assertThat(run.get("status").asText()).isEqualTo("succeeded");
    assertThat(run.get("full").asBoolean()).isTrue();
    long total = run.at("/progress/total").asLong();
    assertThat(browser.byTestId("sync-progress-text").getText())
        .startsWith("100% (" + number(total) + " / " + number(total) + " records)");
    assertThat(total).isGreaterThan(100);
    assertThat(browser.byTestId("sync-progress-bar").getAttribute("value")).isEqualTo("100");
    assertThat(browser.byTestId("sync-progress-objects").getText())
        .contains("Account")
        .doesNotContain("Event:");
    browser.screenshot("sync-page-progress.png");

    browser.byTestId("nav-monitoring").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("monitoring-view")));
    By runItem = By.cssSelector("[data-testid=\"run-item\"][data-run-id=\"" + runId + "\"]");
    WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(runItem));
    assertThat(item.getText()).contains("Succeeded").contains("Account");
    assertThat(item.findElements(testId("run-object"))).hasSize(run.get("objects").size());
    wait.until(d -> !browser.byTestId("health-success-rate").getText().isBlank());
    assertThat(browser.byTestId("sync-health").getText()).contains("Records/Hour");
    JsonNode usage = get("/api/orgs/" + prod + "/usage");
    WebElement card =
        driver.findElement(
            By.cssSelector("[data-testid=\"usage-card\"][data-org-id=\"" + prod + "\"]"));
    assertThat(usage.get("dailyLimit").asLong()).isPositive();
    assertThat(card.findElement(testId("usage-daily-limit")).getText())
        .isEqualTo(number(usage.get("dailyLimit").asLong()));
    assertThat(card.findElement(testId("usage-used-today")).getText())
        .startsWith(number(usage.get("usedToday").asLong()) + " (");
    assertThat(card.findElement(testId("usage-remaining")).getText())
        .isEqualTo(number(usage.get("remaining").asLong()));
    assertThat(card.findElement(testId("usage-peak-hour")).getText())
        .endsWith(number(usage.at("/peakHour/calls").asLong()) + " calls");
    browser.screenshot("monitoring-page.png");

    String recordId = makeConflict();
    browser.byTestId("nav-conflicts").click();
    By conflict = By.cssSelector("[data-testid=\"conflict\"][data-record-id=\"" + recordId + "\"]");
    WebElement diff = wait.until(ExpectedConditions.visibilityOfElementLocated(conflict));
    assertThat(diff.getText()).contains("Salesforce Name").contains("Scopien Name");
    choose(diff, "Name", "salesforce");
    choose(diff, "Industry", "scopien");
    browser.screenshot("conflicts-page.png");
    diff.findElement(testId("resolve-button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            testId("conflicts-message"), "Resolved"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(conflict));

    assertThat(get("/api/orgs/" + prod + "/conflicts").toString()).doesNotContain("\"open\"");
    String mirrored = mirrorFields("Account", recordId);
    assertThat(JSON.readTree(mirrored).get("Name").asText()).isEqualTo("Salesforce Name");
    assertThat(JSON.readTree(mirrored).get("Industry").asText()).isEqualTo("Retail");
  }

  @Test
  void aUserReadsEveryPageButCannotChangeOrStartAnything() throws Exception {
    // Guests see no sync data at all (issue 10); a user reads the pages without changing them.
    String guestKey =
        app.users()
            .issueKey(app.users().createUser("Una User", "una.user@acme.test", Role.USER).id())
            .key()
            .reveal();
    WebDriverWait wait = browser.newWait();
    wait.ignoring(StaleElementReferenceException.class);
    signIn(guestKey, "#sync/" + prod);
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("object-Account")));

    assertThat(browser.byTestId("sync-now").isEnabled()).isFalse();
    assertThat(browser.byTestId("sync-full").isEnabled()).isFalse();
    assertThat(browser.byTestId("object-Account").isEnabled()).isFalse();
    assertThat(browser.byTestId("save-objects").isEnabled()).isFalse();
    assertThat(browser.byTestId("frequency-hourly").isEnabled()).isFalse();
    assertThat(browser.byTestId("save-settings").isEnabled()).isFalse();
    assertThat(browser.byTestId("mapping-add").isEnabled()).isFalse();
    assertThat(browser.byTestId("sync-role-note").getText())
        .contains("Only managers and admins can start or stop a sync.");
    assertThat(browser.byTestId("settings-button").isDisplayed()).isFalse();
    browser.screenshot("sync-page-guest.png");

    browser.byTestId("nav-monitoring").click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("[data-testid=\"usage-card\"][data-org-id=\"" + prod + "\"]")));
  }

  private static void signIn(String key, String hash) {
    driver.get(base + "/");
    browser.js("sessionStorage.clear()");
    // A full load, not a hash change, so the page starts signed out.
    driver.get("about:blank");
    driver.get(base + "/" + hash);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(testId("login-key")))
        .sendKeys(key);
    browser.byTestId("login-submit").click();
  }

  private static void scrollTo(WebElement element) {
    browser.js("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  /**
   * Account changed in the org (the Salesforce side) and then through Scopien's PATCH, under the
   * manual-review policy chosen above: the push finds both changes and waits for review.
   */
  private static String makeConflict() throws Exception {
    String recordId =
        post(
                "/api/query",
                "{\"soql\":\"SELECT Id FROM Account ORDER BY Id LIMIT 1\",\"org\":\""
                    + App.DEMO_PRODUCTION
                    + "\"}")
            .at("/records/0/Id")
            .asText();
    editInTheOrg(app.demoOrgUrls().get(0), "Account", recordId, "{\"Name\":\"Salesforce Name\"}");
    send(
        "PATCH",
        "/api/orgs/" + prod + "/records/Account/" + recordId,
        "{\"fields\":{\"Name\":\"Scopien Name\",\"Industry\":\"Retail\"}}");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.until(d -> get("/api/orgs/" + prod + "/conflicts").toString().contains(recordId));
    return recordId;
  }

  /** Changes a record in the demo org over its REST API, as a Salesforce user would. */
  private static void editInTheOrg(String orgUrl, String object, String id, String body)
      throws Exception {
    String form =
        "grant_type=password&client_id="
            + LocalOrgOptions.DEMO_CLIENT_ID
            + "&client_secret="
            + LocalOrgOptions.DEMO_CLIENT_SECRET
            + "&username="
            + URLEncoder.encode("john.doe@acme.com", StandardCharsets.UTF_8)
            + "&password=demo1234";
    HttpResponse<String> token =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(orgUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    JsonNode session = JSON.readTree(token.body());
    HttpResponse<String> patched =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        session.get("instance_url").asText()
                            + "/services/data/v62.0/sobjects/"
                            + object
                            + "/"
                            + id))
                .header("Authorization", "Bearer " + session.get("access_token").asText())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
  }

  /** The record's fields as Scopien's mirror holds them, read from the store itself. */
  private static String mirrorFields(String object, String id) throws Exception {
    try (Connection c = DriverManager.getConnection(Database.h2FileUrl(dataDir));
        PreparedStatement q =
            c.prepareStatement(
                "SELECT fields FROM sync_records WHERE org_id = ? AND LOWER(object_name) = ?"
                    + " AND record_id = ?")) {
      q.setString(1, prod);
      q.setString(2, object.toLowerCase(Locale.ROOT));
      q.setString(3, id);
      try (ResultSet row = q.executeQuery()) {
        assertThat(row.next()).as("mirror row of " + id).isTrue();
        return row.getString("fields");
      }
    }
  }

  private static void choose(WebElement conflict, String field, String side) {
    conflict
        .findElement(
            By.cssSelector("[data-field=\"" + field + "\"][data-testid=\"keep-" + side + "\"]"))
        .click();
  }

  private static JsonNode objectEntry(String object) throws Exception {
    for (JsonNode entry : get("/api/orgs/" + prod + "/objects")) {
      if (entry.get("object").asText().equals(object)) {
        return entry;
      }
    }
    throw new AssertionError("no object " + object);
  }

  private static String number(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  private static JsonNode get(String path) {
    return send("GET", path, null);
  }

  private static JsonNode post(String path, String body) {
    return send("POST", path, body);
  }

  private static JsonNode send(String method, String path, String body) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Authorization", "Bearer " + KEY)
                  .header("Content-Type", "application/json")
                  .method(
                      method,
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode())
          .as(method + " " + path + ": " + response.body())
          .isLessThan(300);
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
