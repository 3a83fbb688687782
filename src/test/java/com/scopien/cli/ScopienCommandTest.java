package com.scopien.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScopienCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @Test
  void helpListsTheCommands() {
    int code = ScopienCommand.run(new String[] {"--help"}, Map.of());

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve", "local-org", "chat");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(ScopienCommand.run(new String[] {"launch"}, Map.of())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("launch");
  }

  @Test
  void aPortOutOfRangeIsRefusedBeforeAnythingStarts() {
    int code = ScopienCommand.run(new String[] {"local-org", "--port", "70000"}, Map.of());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be 0 to 65535");
  }

  @Test
  void chatWithoutAKeySaysHowToGiveOne() {
    int code = ScopienCommand.run(new String[] {"chat", "hello"}, Map.of());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--key", "SCOPIEN_API_KEY");
  }

  @Test
  void chatToAServerThatIsNotThereSaysSo() {
    int code =
        ScopienCommand.run(
            new String[] {"chat", "hello", "--url", "http://127.0.0.1:1", "--key", "scp_x"},
            Map.of());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot reach Scopien");
  }

  @Test
  void serveWithBadSettingsListsEveryProblem() {
    int code =
        ScopienCommand.run(
            new String[] {"serve"}, Map.of("SCOPIEN_PORT", "x", "SCOPIEN_DEMO", "sometimes"));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("SCOPIEN_PORT", "SCOPIEN_DEMO");
  }
}
