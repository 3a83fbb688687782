package com.scopien;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.config.ConfigLoader;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Demo orgs of an earlier start must not stay active once demo mode is off. */
class DemoOrgsRetireIT {

  @Test
  void aStartWithoutDemoModeDisconnectsTheDemoOrgsOfAnEarlierStart() throws Exception {
    Path dataDir = Files.createTempDirectory("scopien-retire-it");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Map<String, String> base =
        Map.of(
            "SCOPIEN_PORT", "0",
            "SCOPIEN_DATA_DIR", dataDir.toString(),
            "SCOPIEN_DEMO_SCALE", "0.01");

    try (App first = App.start(ConfigLoader.load(with(base, "on")), quiet)) {
      assertThat(first.demoOrgUrls()).hasSize(2);
    }
    try (Core core = Core.open(ConfigLoader.load(with(base, "off")))) {
      assertThat(core.orgs().list()).extracting(Org::status).containsOnly(OrgStatus.ACTIVE);
    }
    try (App second = App.start(ConfigLoader.load(with(base, "off")), quiet)) {
      assertThat(second.demoOrgUrls()).isEmpty();
    }
    try (Core core = Core.open(ConfigLoader.load(with(base, "off")))) {
      assertThat(core.orgs().list())
          .hasSize(2)
          .extracting(Org::status)
          .containsOnly(OrgStatus.DISCONNECTED);
    }
  }

  private static Map<String, String> with(Map<String, String> base, String demo) {
    var all = new java.util.HashMap<>(base);
    all.put("SCOPIEN_DEMO", demo);
    return all;
  }
}
