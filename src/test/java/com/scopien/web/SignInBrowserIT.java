package com.scopien.web;

import static com.scopien.web.BrowserSession.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.App;
import com.scopien.testing.DemoApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Sign in with Salesforce" in headless Chromium: the chat panel's sign-in screen → the local org's
 * login page as sarah.chen → back in the chat panel with a session cookie, a chat message sent with
 * it (so the CSRF header goes along), then Sign out. Screenshots in {@code target/screenshots/}.
 */
class SignInBrowserIT {
  private static final String KEY = "browser-it-signin-key-0123456789";

  private static App app;
  private static BrowserSession browser;
  private static WebDriver driver;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    BrowserSession.assumeChromium();
    Path dataDir = Files.createTempDirectory("scopien-signin-browser-it");
    app = DemoApp.start(dataDir, KEY, "0.01");
    base = "http://127.0.0.1:" + app.port();
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
  void sarahSignsInWithSalesforceChatsAndSignsOut() throws Exception {
    WebDriverWait wait = browser.newWait();
    driver.get(base + "/");
    WebElement button =
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("sso-login")));
    assertThat(driver.findElements(testId("sso-login")))
        .extracting(WebElement::getText)
        .contains("Sign in with Salesforce (Acme Production)");
    assertThat(driver.findElement(testId("login-key")).isDisplayed()).isTrue();
    browser.screenshot("sign-in-screen.png");
    button.click();

    wait.until(ExpectedConditions.urlContains("/services/oauth2/authorize"));
    driver.findElement(By.id("username")).sendKeys("sarah.chen@acme.com");
    driver.findElement(By.id("password")).sendKeys("demo1234");
    browser.screenshot("sign-in-org-login.png");
    driver.findElement(By.cssSelector("button[value=allow]")).click();

    wait.until(ExpectedConditions.urlToBe(base + "/"));
    wait.until(ExpectedConditions.textToBe(testId("user-name"), "Sarah Chen (user)"));
    Cookie session = driver.manage().getCookieNamed("scopien_session");
    assertThat(session).isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Lax");

    WebElement input =
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("message-input")));
    input.sendKeys("show accounts named Acme");
    driver.findElement(testId("send-button")).click();
    wait.until(d -> d.findElements(testId("message")).size() >= 2);
    wait.until(d -> d.findElement(testId("send-button")).isEnabled());
    assertThat(driver.findElement(testId("message-list")).getText())
        .doesNotContain("CSRF")
        .doesNotContain("csrf");
    browser.screenshot("sign-in-chat-panel.png");

    driver.findElement(testId("sign-out")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("login-key")));
    wait.until(d -> d.manage().getCookieNamed("scopien_session") == null);
    driver.navigate().refresh();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("sso-login")));
    assertThat(driver.findElement(testId("login-view")).isDisplayed()).isTrue();
    browser.screenshot("sign-in-signed-out.png");
  }
}
