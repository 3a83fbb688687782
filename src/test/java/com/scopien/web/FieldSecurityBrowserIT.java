package com.scopien.web;

import static com.scopien.web.BrowserSession.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.App;
import com.scopien.testing.DemoApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Settings → Field Security in headless Chromium at a phone's width (390 px): an admin picks the
 * demo org and Contact, sees the suggested fields marked and SSN, bank account and salary ticked,
 * ticks Email and saves; the server then hides Email. Screenshots in {@code target/screenshots/}.
 */
class FieldSecurityBrowserIT {
  private static final String KEY = "browser-it-admin-key-fls-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static App app;
  private static BrowserSession browser;
  private static WebDriver driver;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    BrowserSession.assumeChromium();
    Path dataDir = Files.createTempDirectory("scopien-fls-browser-it");
    app = DemoApp.start(dataDir, KEY, "0.01");
    base = "http://127.0.0.1:" + app.port();
    browser = BrowserSession.start();
    driver = browser.driver();
    browser.windowSize(390, 844);
  }

  @AfterAll
  static void stop() {
    BrowserSession.close(browser);
    if (app != null) {
      app.close();
    }
  }

  @Test
  void anAdminHidesEmailOnContactsFromAPhone() throws Exception {
    WebDriverWait wait = browser.newWait();
    browser.signInWithKeyAndWaitFor(base, KEY, "settings-button").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("field-security")));
    wait.until(d -> !d.findElements(By.cssSelector("[data-testid=fs-org] option")).isEmpty());

    browser.byTestId("fs-load").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("fs-field-Email")));
    assertThat(browser.byTestId("fs-field-SSN__c").isSelected()).isTrue();
    assertThat(browser.byTestId("fs-field-Bank_Account__c").isSelected()).isTrue();
    assertThat(browser.byTestId("fs-field-Salary__c").isSelected()).isTrue();
    assertThat(browser.byTestId("fs-field-Email").isSelected()).isFalse();
    assertThat(driver.findElements(By.cssSelector("#fs-list .suggested"))).hasSize(4);
    Object scrollWidth =
        ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
    assertThat(((Number) scrollWidth).intValue())
        .as("no sideways scrolling at 390 px")
        .isLessThanOrEqualTo(390);

    browser.byTestId("fs-field-Email").click();
    browser.byTestId("fs-save").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(testId("fs-message"), "4 fields"));
    browser.js("document.getElementById('field-security').scrollIntoView()");
    browser.screenshot("field-security-390.png");

    String org = get("/api/orgs").get(0).path("id").asText();
    JsonNode fields = get("/api/orgs/" + org + "/field-security?object=Contact").path("fields");
    boolean emailHidden = false;
    for (JsonNode f : fields) {
      if (f.path("name").asText().equals("Email")) {
        emailHidden = f.path("hidden").asBoolean();
      }
    }
    assertThat(emailHidden).isTrue();
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + KEY)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
