package com.scopien.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.scopien.testing.HeadlessChromium;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a browser test, with the steps every browser test takes: skip when
 * Chromium is not installed, start it, size the window or the viewport, sign in to the chat panel
 * with an API key, find elements by {@code data-testid}, wait and save screenshots in {@code
 * target/screenshots/}. Close it in {@code @AfterAll}.
 */
final class BrowserSession implements AutoCloseable {
  private final WebDriver driver;

  private BrowserSession(WebDriver driver) {
    this.driver = driver;
  }

  /** Skips the calling test class (from {@code @BeforeAll}) when Chromium is not installed. */
  static void assumeChromium() {
    assumeTrue(HeadlessChromium.installed(), HeadlessChromium.missing());
  }

  /** A headless Chromium with a fresh profile. */
  static BrowserSession start() throws IOException {
    return new BrowserSession(HeadlessChromium.start());
  }

  /** Quits {@code session} if it was started. */
  static void close(BrowserSession session) {
    if (session != null) {
      session.close();
    }
  }

  /** The element with {@code data-testid="id"}. */
  static By testId(String id) {
    return By.cssSelector("[data-testid=\"" + id + "\"]");
  }

  WebDriver driver() {
    return driver;
  }

  WebElement byTestId(String id) {
    return driver.findElement(testId(id));
  }

  /** A wait of up to 30 seconds, the browser tests' default. */
  WebDriverWait newWait() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** The browser window set to {@code width} by {@code height}. */
  void windowSize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** The page's viewport (not the window) set to exactly {@code width} by {@code height} CSS px. */
  void viewport(int width, int height) {
    ((ChromeDriver) driver)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  /** Opens the chat panel at {@code base} and signs in with the API key {@code key}. */
  void signInWithKey(String base, String key) {
    driver.get(base + "/");
    byTestId("login-key").sendKeys(key);
    byTestId("login-submit").click();
  }

  /** Signs in as {@link #signInWithKey} and waits for the element {@code testId} to show. */
  WebElement signInWithKeyAndWaitFor(String base, String key, String testId) {
    signInWithKey(base, key);
    return newWait().until(ExpectedConditions.visibilityOfElementLocated(testId(testId)));
  }

  /** Sends a chat message with the keyboard and waits for its reply to be drawn in full. */
  void ask(String message) {
    int before = assistantMessages().size();
    WebElement input = byTestId("message-input");
    input.sendKeys(message);
    input.sendKeys(Keys.ENTER);
    newWait()
        .until(
            d ->
                assistantMessages().size() > before
                    && d.findElements(testId("live-reply")).isEmpty());
  }

  List<WebElement> assistantMessages() {
    return driver.findElements(By.cssSelector("[data-testid=message][data-role=assistant]"));
  }

  List<WebElement> userMessages() {
    return driver.findElements(By.cssSelector("[data-testid=message][data-role=user]"));
  }

  WebElement lastAssistant() {
    List<WebElement> all = assistantMessages();
    return all.get(all.size() - 1);
  }

  /** The last tool call shown in the last reply; there must be one. */
  WebElement lastToolCall() {
    List<WebElement> calls = lastAssistant().findElements(testId("tool-call"));
    assertThat(calls).as(lastAssistant().getText()).isNotEmpty();
    return calls.get(calls.size() - 1);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>}. */
  void screenshot(String name) throws IOException {
    HeadlessChromium.screenshot(driver, name);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
