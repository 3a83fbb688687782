package com.scopien.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table must name every setting Scopien reads. */
class ReadmeConfigurationTest {

  @Test
  void everySettingIsInTheReadmeTable() throws IOException {
    String readme = Files.readString(Path.of("README.md"));

    for (Setting setting : Setting.ALL) {
      assertThat(readme).as(setting.name()).contains("| `" + setting.name() + "` |");
    }
  }
}
