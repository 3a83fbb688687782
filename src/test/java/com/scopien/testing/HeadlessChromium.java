package com.scopien.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, started headless for the browser tests, with nothing
 * downloaded: the driver service is built from {@code /usr/bin/chromedriver} explicitly (so
 * Selenium Manager never runs) and every background network feature of the browser is off. Each
 * start gets a fresh profile folder. Screenshots go to {@code target/screenshots/}.
 */
public final class HeadlessChromium {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private HeadlessChromium() {}

  /** Whether both binaries are installed; tests skip with a clear message when not. */
  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** The message a skipped browser test gives. */
  public static String missing() {
    return "Skipped: /usr/bin/chromium or /usr/bin/chromedriver is not installed"
        + " (apt-get install chromium chromium-driver)";
  }

  /** A headless browser with a fresh profile in a new temporary folder. */
  public static WebDriver start() throws IOException {
    return start(Files.createTempDirectory("scopien-chromium"));
  }

  /** A headless browser using {@code profile} as its (fresh) user data folder. */
  public static WebDriver start(Path profile) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    return new ChromeDriver(service, options);
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>}. */
  public static void screenshot(WebDriver driver, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
