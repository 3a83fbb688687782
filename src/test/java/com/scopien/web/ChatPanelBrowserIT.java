package com.scopien.web;

import static com.scopien.web.BrowserSession.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.App;
import com.scopien.config.Secret;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.testing.DemoApp;
import com.scopien.testing.DemoSync;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat panel in headless Chromium against the whole of Scopien in demo mode: the reference
 * conversation (a table from production, the switch to sandbox keeping the badge and the switcher
 * in step, a sandbox create, a production update that waits for Confirm), the history after a
 * reload, and a record whose description holds HTML that must stay text. Screenshots are kept in
 * {@code target/screenshots/}.
 */
class ChatPanelBrowserIT {
  private static final String KEY = "chat-panel-it-admin-key-0123456789";
  private static final String EVIL = "Call back <img src=x onerror=alert(1)> soon";

  private static App app;
  private static BrowserSession browser;
  private static WebDriver driver;
  private static WebDriverWait wait;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    BrowserSession.assumeChromium();
    Path dataDir = Files.createTempDirectory("scopien-chat-panel-it");
    app = DemoApp.start(dataDir, KEY, "0.1");
    base = "http://127.0.0.1:" + app.port();
    browser = BrowserSession.start();
    driver = browser.driver();
    wait = browser.newWait();
  }

  @AfterAll
  static void stop() {
    BrowserSession.close(browser);
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theReferenceConversationInTheBrowser() throws Exception {
    SalesforceClient production = client(app.demoOrgUrls().get(0));
    SalesforceClient sandbox = client(app.demoOrgUrls().get(1));
    sandbox.create("Account", Map.of("Name", "Evil Co", "Description", EVIL));
    // Created in the org while Scopien's first sync may still run and before its real-time stream
    // listens, so neither may see it (issue 12: such a gap must read live until caught up). The
    // first wait may join that first run; the second is a run that starts after the account.
    String sandboxOrg = orgId("sandbox");
    DemoSync.syncAndWait(ChatPanelBrowserIT::send, sandboxOrg, Duration.ofMinutes(3));
    DemoSync.syncAndWait(ChatPanelBrowserIT::send, sandboxOrg, Duration.ofMinutes(3));

    browser.signInWithKeyAndWaitFor(base, KEY, "message-input");

    browser.ask("Show opportunities in production org");
    WebElement table = browser.lastAssistant().findElement(testId("reply-table"));
    assertThat(table.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
    assertThat(badgeEnvironment()).isEqualTo("production");
    assertThat(
            browser
                .lastAssistant()
                .findElement(By.cssSelector("[data-testid=tool-call]"))
                .getAttribute("data-status"))
        .isEqualTo("ok");
    List<WebElement> links = table.findElements(By.cssSelector("tbody a"));
    assertThat(links).isNotEmpty();
    assertThat(links.get(0).getAttribute("href")).startsWith(app.demoOrgUrls().get(0) + "/006");
    assertThat(links.get(0).getAttribute("rel")).contains("noopener");
    browser.screenshot("chat-panel-1-production-table.png");

    browser.ask("Switch to sandbox");
    wait.until(d -> "sandbox".equals(badgeEnvironment()));
    String sandboxId = browser.byTestId("org-badge").getAttribute("data-org-id");
    assertThat(browser.byTestId("org-switcher").getAttribute("value")).isEqualTo(sandboxId);
    browser.screenshot("chat-panel-2-switched-to-sandbox.png");

    browser.ask("Create test lead");
    assertThat(browser.lastToolCall().getAttribute("data-tool")).isEqualTo("create_record");
    assertThat(browser.lastToolCall().getAttribute("data-status")).isEqualTo("ok");
    assertThat(browser.lastAssistant().getText()).contains("New record Id");
    browser.screenshot("chat-panel-3-created-lead.png");

    browser.ask("Get the account Evil Co");
    assertThat(browser.lastAssistant().getText()).contains("Call back").contains("soon");
    browser.ask("<img src=x onerror=alert(1)>");
    assertThat(browser.userMessages().get(browser.userMessages().size() - 1).getText())
        .contains("<img src=x onerror=alert(1)>");
    assertThat(browser.byTestId("message-list").findElements(By.cssSelector("img"))).isEmpty();
    assertNoAlert();
    browser.screenshot("chat-panel-4-html-stays-text.png");

    browser.ask("Switch to production");
    wait.until(d -> "production".equals(badgeEnvironment()));
    browser.ask("Update the amount of Acme Corp Deal to 80000");
    assertThat(browser.lastToolCall().getAttribute("data-status"))
        .as(browser.lastAssistant().getText())
        .isEqualTo("needs_confirmation");
    assertThat(amountOfAcmeCorpDeal(production)).isEqualTo(75_000);
    browser.screenshot("chat-panel-5-confirm-or-cancel.png");
    int replies = browser.assistantMessages().size();
    browser.lastAssistant().findElement(testId("confirm-button")).click();
    wait.until(d -> browser.assistantMessages().size() > replies);
    assertThat(browser.lastToolCall().getAttribute("data-tool")).isEqualTo("update_record");
    assertThat(browser.lastToolCall().getAttribute("data-status")).isEqualTo("ok");
    assertThat(amountOfAcmeCorpDeal(production)).isEqualTo(80_000);
    browser.screenshot("chat-panel-6-confirmed.png");

    int shown = browser.assistantMessages().size();
    driver.navigate().refresh();
    wait.until(d -> browser.assistantMessages().size() == shown);
    assertThat(browser.userMessages().get(0).getText())
        .contains("Show opportunities in production org");
    assertThat(browser.assistantMessages().get(0).findElements(testId("reply-table"))).hasSize(1);
    assertThat(badgeEnvironment()).isEqualTo("production");
    assertThat(browser.byTestId("message-list").findElements(testId("confirm-button"))).isEmpty();
    assertThat(browser.byTestId("message-list").findElements(By.cssSelector("img"))).isEmpty();
    browser.screenshot("chat-panel-7-after-reload.png");
  }

  private static String orgId(String environment) throws Exception {
    for (JsonNode org : new ObjectMapper().readTree(send("GET", "/api/orgs", null).body())) {
      if (environment.equals(org.path("environment").asText())) {
        return org.path("id").asText();
      }
    }
    throw new AssertionError("No " + environment + " org");
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + KEY);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertNoAlert() {
    try {
      driver.switchTo().alert();
      throw new AssertionError("an alert was shown");
    } catch (NoAlertPresentException expected) {
      // No script from a record or a message ran.
    }
  }

  private static long amountOfAcmeCorpDeal(SalesforceClient org) {
    Object amount =
        org.query("SELECT Amount FROM Opportunity WHERE Name = 'Acme Corp Deal'")
            .records()
            .get(0)
            .get("Amount");
    return new java.math.BigDecimal(String.valueOf(amount)).longValueExact();
  }

  private static String badgeEnvironment() {
    return browser.byTestId("org-badge").getAttribute("data-environment");
  }

  private static SalesforceClient client(String url) {
    HttpClient http = SalesforceClients.newHttpClient();
    var token =
        new OAuthClient(http)
            .clientCredentials(url, "scopien-local", Secret.of("scopien-local-secret"));
    return SalesforceClients.create(http, SessionProvider.fixed(token.session()));
  }
}
