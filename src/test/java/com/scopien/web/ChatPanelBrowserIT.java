package com.scopien.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.scopien.App;
import com.scopien.config.ConfigLoader;
import com.scopien.config.Secret;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.testing.HeadlessChromium;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
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
  private static WebDriver driver;
  private static WebDriverWait wait;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(HeadlessChromium.installed(), HeadlessChromium.missing());
    Path dataDir = Files.createTempDirectory("scopien-chat-panel-it");
    app =
        App.start(
            ConfigLoader.load(
                Map.of(
                    "SCOPIEN_PORT", "0",
                    "SCOPIEN_DATA_DIR", dataDir.toString(),
                    "SCOPIEN_ADMIN_API_KEY", KEY,
                    "SCOPIEN_DEMO", "on",
                    "SCOPIEN_DEMO_SCALE", "0.1")),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    base = "http://127.0.0.1:" + app.port();
    driver = HeadlessChromium.start();
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theReferenceConversationInTheBrowser() throws Exception {
    SalesforceClient production = client(app.demoOrgUrls().get(0));
    SalesforceClient sandbox = client(app.demoOrgUrls().get(1));
    sandbox.create("Account", Map.of("Name", "Evil Co", "Description", EVIL));

    driver.get(base + "/");
    byTestId("login-key").sendKeys(KEY);
    byTestId("login-submit").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("message-input")));

    ask("Show opportunities in production org");
    WebElement table = lastAssistant().findElement(testId("reply-table"));
    assertThat(table.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
    assertThat(badgeEnvironment()).isEqualTo("production");
    assertThat(
            lastAssistant()
                .findElement(By.cssSelector("[data-testid=tool-call]"))
                .getAttribute("data-status"))
        .isEqualTo("ok");
    List<WebElement> links = table.findElements(By.cssSelector("tbody a"));
    assertThat(links).isNotEmpty();
    assertThat(links.get(0).getAttribute("href")).startsWith(app.demoOrgUrls().get(0) + "/006");
    assertThat(links.get(0).getAttribute("rel")).contains("noopener");
    HeadlessChromium.screenshot(driver, "chat-panel-1-production-table.png");

    ask("Switch to sandbox");
    wait.until(d -> "sandbox".equals(badgeEnvironment()));
    String sandboxId = byTestId("org-badge").getAttribute("data-org-id");
    assertThat(byTestId("org-switcher").getAttribute("value")).isEqualTo(sandboxId);
    HeadlessChromium.screenshot(driver, "chat-panel-2-switched-to-sandbox.png");

    ask("Create test lead");
    assertThat(lastToolCall().getAttribute("data-tool")).isEqualTo("create_record");
    assertThat(lastToolCall().getAttribute("data-status")).isEqualTo("ok");
    assertThat(lastAssistant().getText()).contains("New record Id");
    HeadlessChromium.screenshot(driver, "chat-panel-3-created-lead.png");

    ask("Get the account Evil Co");
    assertThat(lastAssistant().getText()).contains("Call back").contains("soon");
    ask("<img src=x onerror=alert(1)>");
    assertThat(userMessages().get(userMessages().size() - 1).getText())
        .contains("<img src=x onerror=alert(1)>");
    assertThat(byTestId("message-list").findElements(By.cssSelector("img"))).isEmpty();
    assertNoAlert();
    HeadlessChromium.screenshot(driver, "chat-panel-4-html-stays-text.png");

    ask("Switch to production");
    wait.until(d -> "production".equals(badgeEnvironment()));
    ask("Update the amount of Acme Corp Deal to 80000");
    assertThat(lastToolCall().getAttribute("data-status"))
        .as(lastAssistant().getText())
        .isEqualTo("needs_confirmation");
    assertThat(amountOfAcmeCorpDeal(production)).isEqualTo(75_000);
    HeadlessChromium.screenshot(driver, "chat-panel-5-confirm-or-cancel.png");
    int replies = assistantMessages().size();
    lastAssistant().findElement(testId("confirm-button")).click();
    wait.until(d -> assistantMessages().size() > replies);
    assertThat(lastToolCall().getAttribute("data-tool")).isEqualTo("update_record");
    assertThat(lastToolCall().getAttribute("data-status")).isEqualTo("ok");
    assertThat(amountOfAcmeCorpDeal(production)).isEqualTo(80_000);
    HeadlessChromium.screenshot(driver, "chat-panel-6-confirmed.png");

    int shown = assistantMessages().size();
    driver.navigate().refresh();
    wait.until(d -> assistantMessages().size() == shown);
    assertThat(userMessages().get(0).getText()).contains("Show opportunities in production org");
    assertThat(assistantMessages().get(0).findElements(testId("reply-table"))).hasSize(1);
    assertThat(badgeEnvironment()).isEqualTo("production");
    assertThat(byTestId("message-list").findElements(testId("confirm-button"))).isEmpty();
    assertThat(byTestId("message-list").findElements(By.cssSelector("img"))).isEmpty();
    HeadlessChromium.screenshot(driver, "chat-panel-7-after-reload.png");
  }

  /** Sends a message with the keyboard and waits for its reply to be drawn in full. */
  private static void ask(String message) {
    int before = assistantMessages().size();
    WebElement input = byTestId("message-input");
    input.sendKeys(message);
    input.sendKeys(org.openqa.selenium.Keys.ENTER);
    wait.until(
        d -> assistantMessages().size() > before && d.findElements(testId("live-reply")).isEmpty());
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
    return byTestId("org-badge").getAttribute("data-environment");
  }

  private static List<WebElement> assistantMessages() {
    return driver.findElements(By.cssSelector("[data-testid=message][data-role=assistant]"));
  }

  private static List<WebElement> userMessages() {
    return driver.findElements(By.cssSelector("[data-testid=message][data-role=user]"));
  }

  private static WebElement lastAssistant() {
    List<WebElement> all = assistantMessages();
    return all.get(all.size() - 1);
  }

  private static WebElement lastToolCall() {
    List<WebElement> calls = lastAssistant().findElements(testId("tool-call"));
    assertThat(calls).as(lastAssistant().getText()).isNotEmpty();
    return calls.get(calls.size() - 1);
  }

  private static By testId(String id) {
    return By.cssSelector("[data-testid=\"" + id + "\"]");
  }

  private static WebElement byTestId(String id) {
    return driver.findElement(testId(id));
  }

  private static SalesforceClient client(String url) {
    HttpClient http = SalesforceClients.newHttpClient();
    var token =
        new OAuthClient(http)
            .clientCredentials(url, "scopien-local", Secret.of("scopien-local-secret"));
    return SalesforceClients.create(http, SessionProvider.fixed(token.session()));
  }
}
