package com.scopien.testing;

import com.scopien.App;
import com.scopien.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole of Scopien in demo mode for an integration test: any free port, the given data folder
 * and admin API key, local demo orgs at the given scale, and nothing printed.
 */
public final class DemoApp {
  private DemoApp() {}

  public static App start(Path dataDir, String adminKey, String scale) {
    return App.start(
        ConfigLoader.load(
            Map.of(
                "SCOPIEN_PORT",
                "0",
                "SCOPIEN_DATA_DIR",
                dataDir.toString(),
                "SCOPIEN_ADMIN_API_KEY",
                adminKey,
                "SCOPIEN_DEMO",
                "on",
                "SCOPIEN_DEMO_SCALE",
                scale)),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
