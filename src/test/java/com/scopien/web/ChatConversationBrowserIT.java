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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A conversation in the chat panel in headless Chromium against Scopien in demo mode with the
 * production org synced into the mirror: follow-ups that lean on the previous reply ("Who owns it?"
 * after a record, "How many are there?" after a list), checked against what the local org itself
 * says, and a breakdown ("Total opportunity amount by stage") whose bar chart is drawn under its
 * table, one bar per group row, named for assistive technology and inside the viewport on a desktop
 * and on a phone. Screenshots are kept in {@code target/screenshots/}.
 */
class ChatConversationBrowserIT {
  private static final String KEY = "chat-conversation-it-admin-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static App app;
  private static BrowserSession browser;
  private static WebDriver driver;
  private static WebDriverWait wait;
  private static String base;
  private static String orgId;
  private static SalesforceClient production;

  @BeforeAll
  static void start() throws Exception {
    BrowserSession.assumeChromium();
    Path dataDir = Files.createTempDirectory("scopien-chat-conversation-it");
    app = DemoApp.start(dataDir, KEY, "0.02");
    base = "http://127.0.0.1:" + app.port();
    production = client(app.demoOrgUrls().get(0));
    for (JsonNode org : JSON.readTree(send("GET", "/api/orgs", null).body())) {
      if (org.path("environment").asText().equals("production")) {
        orgId = org.path("id").asText();
      }
    }
    // Background sync off, then one sync of the production org that the test waits for, so the
    // answers below come from a mirror that holds what the org holds.
    assertThat(
            send("PATCH", "/api/orgs/" + orgId + "/sync/settings", "{\"frequency\":\"manual\"}")
                .statusCode())
        .isEqualTo(200);
    syncAndWait();
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
  void followUpsAndABreakdownChartInTheChatPanel() throws Exception {
    browser.viewport(1400, 900);
    browser.signInWithKeyAndWaitFor(base, KEY, "message-input");

    // 1. A record, then a follow-up about it: the owner the org itself has.
    String owner =
        String.valueOf(
            production
                .query("SELECT Owner.Name FROM Opportunity WHERE Name = 'Acme Corp Deal'")
                .records()
                .get(0)
                .get("Owner.Name"));
    assertThat(owner).isNotBlank().isNotEqualTo("null");
    browser.ask("Show me the Acme Corp Deal");
    assertThat(browser.lastAssistant().getText()).contains("Acme Corp Deal");
    browser.ask("Who owns it?");
    assertThat(browser.lastAssistant().getText()).as("reply to 'Who owns it?'").contains(owner);
    assertThat(browser.lastToolCall().getAttribute("data-status")).isEqualTo("ok");
    browser.screenshot("chat-conversation-1-who-owns-it.png");

    // 2. A list, then "how many": the org's own count of open cases.
    long openCases =
        production.query("SELECT COUNT() FROM Case WHERE IsClosed = false").totalSize();
    assertThat(openCases).isPositive();
    browser.ask("Show open cases");
    assertThat(browser.lastAssistant().findElements(testId("reply-table"))).hasSize(1);
    browser.ask("How many are there?");
    String howMany = browser.lastAssistant().findElement(By.cssSelector(".message-body")).getText();
    assertThat(numbersIn(howMany)).as(howMany).contains(openCases);
    browser.screenshot("chat-conversation-2-how-many.png");

    // 3. A breakdown: a bar chart under its table, one bar per stage row, labelled and named.
    browser.ask("Total opportunity amount by stage");
    WebElement reply = browser.lastAssistant();
    assertThat(browser.lastToolCall().getAttribute("data-tool")).isEqualTo("aggregate_records");
    List<WebElement> tables = reply.findElements(testId("reply-table"));
    assertThat(tables).as(reply.getText()).hasSize(1);
    List<String> stages = new ArrayList<>();
    for (WebElement row : tables.get(0).findElements(By.cssSelector("tbody tr"))) {
      if (row.findElements(By.cssSelector("td:first-child strong")).isEmpty()) {
        stages.add(row.findElement(By.cssSelector("td")).getText().trim());
      }
    }
    assertThat(stages).hasSizeGreaterThan(1);
    WebElement chart = reply.findElement(testId("breakdown-chart"));
    WebElement svg = chart.findElement(By.cssSelector("svg"));
    assertThat(svg.getAttribute("role")).isEqualTo("img");
    assertThat(svg.getAttribute("aria-label")).isNotBlank();
    assertThat(accessibleName(svg)).containsIgnoringCase("amount").containsIgnoringCase("stage");
    assertThat(chart.findElements(testId("chart-bar"))).hasSize(stages.size());
    List<String> labels = new ArrayList<>();
    for (WebElement bar : chart.findElements(testId("chart-bar"))) {
      assertThat(bar.findElements(By.cssSelector("rect"))).hasSize(1);
      labels.add(
          bar.findElement(By.cssSelector("text.chart-label title")).getAttribute("textContent"));
      assertThat(bar.findElement(By.cssSelector("text.chart-value")).getAttribute("textContent"))
          .isNotBlank();
    }
    assertThat(labels).containsExactlyElementsOf(stages);
    // The chart comes after the table in the reply.
    assertThat(
            (Boolean)
                js(
                    "return (arguments[0].compareDocumentPosition(arguments[1])"
                        + " & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;",
                    tables.get(0),
                    chart))
        .isTrue();
    scrollIntoView(chart);
    assertInsideViewport(chart);
    assertLegible(chart);
    browser.screenshot("chat-conversation-3-breakdown-chart-1400.png");

    browser.viewport(390, 844);
    wait.until(d -> ((Number) js("return window.innerWidth;")).intValue() == 390);
    chart = browser.lastAssistant().findElement(testId("breakdown-chart"));
    scrollIntoView(chart);
    assertInsideViewport(chart);
    assertLegible(chart);
    assertNoNumberBrokenOverLines(browser.lastAssistant().findElement(testId("reply-table")));
    browser.screenshot("chat-conversation-4-breakdown-chart-390.png");
    scrollIntoView(browser.lastAssistant().findElement(testId("reply-table")));
    browser.screenshot("chat-conversation-5-breakdown-table-390.png");
  }

  /** The chart's right edge and the page's width stay within the viewport: no sideways scroll. */
  private static void assertInsideViewport(WebElement chart) {
    long viewport = ((Number) js("return document.documentElement.clientWidth;")).longValue();
    double right =
        ((Number)
                js(
                    "return arguments[0].getBoundingClientRect().right;",
                    chart.findElement(By.cssSelector("svg"))))
            .doubleValue();
    double left =
        ((Number)
                js(
                    "return arguments[0].getBoundingClientRect().left;",
                    chart.findElement(By.cssSelector("svg"))))
            .doubleValue();
    long pageWidth = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
    assertThat(left).as("chart left edge").isGreaterThanOrEqualTo(0);
    assertThat(right)
        .as("chart right edge in a %d px viewport", viewport)
        .isLessThanOrEqualTo(viewport);
    assertThat(pageWidth)
        .as("page width in a %d px viewport", viewport)
        .isLessThanOrEqualTo(viewport);
  }

  /** The chart's labels are drawn at a size a person can read: at least 10 px on screen. */
  private static void assertLegible(WebElement chart) {
    double height =
        ((Number)
                js(
                    "return arguments[0].querySelector('text.chart-label')"
                        + ".getBoundingClientRect().height;",
                    chart))
            .doubleValue();
    assertThat(height).as("rendered height of a chart label").isGreaterThanOrEqualTo(10);
  }

  /** Every cell of the table holding a number shows it on one line. */
  private static void assertNoNumberBrokenOverLines(WebElement table) {
    Number broken =
        (Number)
            js(
                "return [...arguments[0].querySelectorAll('td')]"
                    + ".filter(td => /^[\\d,.]+$/.test(td.textContent.trim()))"
                    + ".filter(td => { const r = document.createRange();"
                    + " r.selectNodeContents((td.querySelector('strong') ?? td).firstChild);"
                    + " return r.getClientRects().length > 1; }).length;",
                table);
    assertThat(broken.intValue()).as("table cells whose number wraps").isZero();
  }

  private static String accessibleName(WebElement svg) {
    String label = svg.getAttribute("aria-label");
    return label == null ? "" : label;
  }

  private static List<Long> numbersIn(String text) {
    List<Long> numbers = new ArrayList<>();
    Matcher m = Pattern.compile("\\d[\\d,]*").matcher(text);
    while (m.find()) {
      numbers.add(Long.parseLong(m.group().replace(",", "")));
    }
    return numbers;
  }

  private static Object js(String script, Object... args) {
    return browser.js(script, args);
  }

  private static void scrollIntoView(WebElement element) {
    js("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private static void syncAndWait() throws Exception {
    DemoSync.syncAndWait(ChatConversationBrowserIT::send, orgId, Duration.ofMinutes(3));
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
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static SalesforceClient client(String url) {
    var token =
        new OAuthClient(HTTP)
            .clientCredentials(url, "scopien-local", Secret.of("scopien-local-secret"));
    return SalesforceClients.create(
        SalesforceClients.newHttpClient(), SessionProvider.fixed(token.session()));
  }
}
