package com.scopien.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.App;
import com.scopien.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code scopien chat "..."} against a running App in demo mode, as a person runs it. */
class ChatCommandIT {
  private static final String KEY = "chat-it-admin-key-0123456789";

  private static App app;
  private static String url;

  @BeforeAll
  static void start() throws IOException {
    app =
        App.start(
            ConfigLoader.load(
                Map.of(
                    "SCOPIEN_PORT", "0",
                    "SCOPIEN_DATA_DIR", Files.createTempDirectory("scopien-chat-it").toString(),
                    "SCOPIEN_ADMIN_API_KEY", KEY,
                    "SCOPIEN_DEMO", "on",
                    "SCOPIEN_DEMO_SCALE", "0.02")),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    url = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aOneShotRequestPrintsTheReplyAndTheOrg() {
    Run run = chat(Map.of(), "show opportunities in production org", "--url", url, "--key", KEY);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Acme Corp Deal")
        .contains("|")
        .contains("[org: " + App.DEMO_PRODUCTION + " (production) · conversation: ");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theUrlAndKeyMayComeFromTheEnvironment() {
    Run run =
        chat(Map.of("SCOPIEN_URL", url + "/", "SCOPIEN_API_KEY", KEY), "how many leads are there?");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).containsIgnoringCase("leads").contains("[org: ");
  }

  @Test
  void aWrongKeyIsAClearErrorWithExitCode1() {
    Run run = chat(Map.of(), "show accounts", "--url", url, "--key", "scp_not-a-real-key");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: The API key was not accepted.\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnreachableServerIsAClearErrorWithExitCode1() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + closedPort;

    Run run = chat(Map.of(), "show accounts", "--url", nowhere, "--key", KEY);

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "error: Cannot reach Scopien at " + nowhere + " (is `scopien serve` running?)\n");
  }

  private record Run(int code, String out, String err) {}

  private static Run chat(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "chat";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = ScopienCommand.run(all, env, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }
}
