package com.scopien.web;

import static com.scopien.web.BrowserSession.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.App;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.testing.DemoApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The connect flow of the guide, in headless Chromium: sign in to Scopien (demo mode), Settings →
 * Integrations → Connect Salesforce → Sandbox with a My Domain URL (a third local org) → Authorize
 * → the org's login and consent page → back to the verification card. Then Disconnect (the org can
 * no longer be used from chat, which says so naming it) and Reconnect. Screenshots are kept in
 * {@code target/screenshots/}.
 */
class ConnectFlowBrowserIT {
  private static final String KEY = "browser-it-admin-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static App app;
  private static LocalOrg uat;
  private static BrowserSession browser;
  private static WebDriver driver;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    BrowserSession.assumeChromium();
    Path dataDir = Files.createTempDirectory("scopien-browser-it");
    app = DemoApp.start(dataDir, KEY, "0.01");
    base = "http://127.0.0.1:" + app.port();
    uat = LocalOrg.start(LocalOrgOptions.sandbox().withScale(new LocalOrgOptions.Scale(0.01)));
    browser = BrowserSession.start();
    driver = browser.driver();
  }

  @AfterAll
  static void stop() {
    BrowserSession.close(browser);
    if (uat != null) {
      uat.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void anAdminConnectsASandboxDisconnectsItAndReconnectsIt() throws Exception {
    WebDriverWait wait = browser.newWait();
    // The org list is drawn anew after every change.
    wait.ignoring(StaleElementReferenceException.class);
    browser.signInWithKeyAndWaitFor(base, KEY, "settings-button").click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("integrations-view")));
    wait.until(d -> orgItems().size() == 2);
    assertThat(browser.byTestId("org-list").getText())
        .contains("Acme Production")
        .contains("Acme Sandbox");

    browser.byTestId("add-org-button").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("connect-form")));
    assertThat(browser.byTestId("callback-url").getText()).isEqualTo(base + "/oauth/callback");
    browser.byTestId("environment-sandbox").click();
    browser.byTestId("login-custom").click();
    browser.byTestId("login-url").sendKeys(uat.baseUrl());
    browser.byTestId("org-name").sendKeys("Acme UAT");
    browser.byTestId("client-id").sendKeys("scopien-local");
    browser.byTestId("client-secret").sendKeys("scopien-local-secret");
    browser.byTestId("authorize-button").click();

    logInAtTheOrg(wait);

    WebElement card =
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("verification-card")));
    wait.until(ExpectedConditions.textToBe(testId("card-status"), "Active"));
    assertThat(card.findElement(By.tagName("h2")).getText()).isEqualTo("Connected to Salesforce");
    assertThat(browser.byTestId("card-org").getText()).isEqualTo("Acme Corporation");
    assertThat(browser.byTestId("card-edition").getText()).isEqualTo("Enterprise");
    assertThat(browser.byTestId("card-user").getText()).isEqualTo("john.doe@acme.com");
    assertThat(browser.byTestId("card-last-sync").getText()).isEqualTo("Not synced yet");
    assertThat(driver.getCurrentUrl()).isEqualTo(base + "/#integrations");
    wait.until(d -> orgItems().size() == 3);
    WebElement item = orgItem("Acme UAT");
    assertThat(item.getText())
        .contains(URI.create(uat.baseUrl()).getAuthority())
        .contains("Active");
    browser.screenshot("connect-flow-verification-card.png");

    item.findElement(testId("org-disconnect")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(d -> orgItem("Acme UAT").getText().contains("Disconnected"));
    assertThat(browser.byTestId("integrations-message").getText()).contains("revoked");
    JsonNode refused = chatAbout("Acme UAT");
    assertThat(refused.path("reply").asText())
        .contains("Acme UAT")
        .containsIgnoringCase("disconnected");
    browser.screenshot("connect-flow-disconnected.png");

    wait.until(d -> orgItem("Acme UAT").findElement(testId("org-reconnect"))).click();
    logInAtTheOrg(wait);
    wait.until(ExpectedConditions.textToBe(testId("card-status"), "Active"));
    assertThat(driver.findElement(By.id("verification-title")).getText())
        .isEqualTo("Reconnected to Salesforce");
    // The list is drawn again from GET api/orgs after the card: wait for it, then check it.
    wait.until(d -> orgItems().size() == 3);
    assertThat(orgItems()).hasSize(3);
  }

  @Test
  void aForgedCallbackShowsAPageAndConnectsNothing() throws Exception {
    driver.get(base + "/oauth/callback?code=stolen&state=forged");

    assertThat(browser.byTestId("callback-error").getText())
        .contains("not completed")
        .contains("unknown state");
    assertThat(get("/api/orgs").size()).isLessThanOrEqualTo(3);
    assertThat(get("/api/orgs").toString()).doesNotContain("forged");
  }

  private void logInAtTheOrg(WebDriverWait wait) throws Exception {
    wait.until(ExpectedConditions.urlContains(uat.baseUrl() + "/services/oauth2/authorize"));
    assertThat(driver.getPageSource()).contains("Read Data").contains("API Access");
    driver.findElement(By.id("username")).sendKeys("john.doe@acme.com");
    driver.findElement(By.id("password")).sendKeys("demo1234");
    browser.screenshot("connect-flow-org-login.png");
    driver.findElement(By.cssSelector("button[value=allow]")).click();
    wait.until(ExpectedConditions.urlContains(base + "/"));
  }

  private JsonNode chatAbout(String org) throws Exception {
    JsonNode switched = post("/api/chat", "{\"message\":\"Switch to " + org + "\"}");
    String conversation = switched.path("conversationId").asText();
    return post(
        "/api/chat", "{\"message\":\"Show accounts\",\"conversationId\":\"" + conversation + "\"}");
  }

  private JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + KEY)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private List<WebElement> orgItems() {
    return driver.findElements(testId("org-item"));
  }

  private WebElement orgItem(String name) {
    return orgItems().stream()
        .filter(item -> item.getText().contains(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no org item " + name));
  }
}
