package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A Salesforce client nobody here wrote, jsforce 3 on Node, against the full-size local org: it
 * logs in with OAuth, pages through all 18,287 Leads with autoFetch, calls queryMore, creates,
 * updates, retrieves and destroys records, describes, reads limits, runs Bulk API 1.0 and 2.0
 * queries, and meets INVALID_FIELD. The script ({@code src/test/js/check-local-org.js}) prints what
 * it saw as JSON; this test starts the org and checks that against the org's own view.
 *
 * <p>Skipped, saying why, when {@code node} or {@code src/test/js/node_modules} is missing ({@code
 * .ci/run} installs them with {@code npm ci}).
 */
class JsforceIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void jsforceWorksAgainstTheLocalOrg() throws Exception {
    Path scripts = Path.of(System.getProperty("basedir", "."), "src", "test", "js");
    Assumptions.assumeTrue(
        nodeVersion() != null, "node is not installed; JsforceIT needs Node 20 or newer");
    Assumptions.assumeTrue(
        Files.isDirectory(scripts.resolve("node_modules").resolve("jsforce")),
        "jsforce is not installed; run `npm ci` in src/test/js (as .ci/run does)");

    try (LocalOrg org = LocalOrg.start(LocalOrgOptions.production())) {
      JsonNode out =
          run(
              scripts,
              List.of(
                  "node",
                  "check-local-org.js",
                  org.baseUrl(),
                  org.options().clientId(),
                  org.options().clientSecret(),
                  org.options().username(),
                  org.options().password()));
      assertThat(out.has("failed")).as(out.path("failed").toString()).isFalse();
      assertThat(out.get("jsforceVersion").asText()).isEqualTo("3.10.16");

      assertThat(out.at("/login/userId").asText()).isEqualTo(org.userId());
      assertThat(out.at("/login/organizationId").asText()).isEqualTo(org.orgId());
      assertThat(out.at("/login/instanceUrl").asText()).isEqualTo(org.baseUrl());

      assertThat(out.at("/autoFetch/totalSize").asInt()).isEqualTo(18_287);
      assertThat(out.at("/autoFetch/fetched").asInt()).isEqualTo(18_287);
      assertThat(out.at("/autoFetch/distinctIds").asInt()).isEqualTo(18_287);
      assertThat(out.at("/autoFetch/done").asBoolean()).isTrue();

      assertThat(out.at("/queryMore/firstPage").asInt()).isEqualTo(2_000);
      assertThat(out.at("/queryMore/firstDone").asBoolean()).isFalse();
      assertThat(out.at("/queryMore/secondPage").asInt()).isEqualTo(2_000);
      assertThat(out.at("/queryMore/overlap").asInt()).isZero();

      String created = out.at("/crud/createdId").asText();
      assertThat(created).startsWith("00Q").hasSize(18);
      assertThat(out.at("/crud/readName").asText()).isEqualTo("Jay Jsforce");
      assertThat(out.at("/crud/readTitle").asText()).isEqualTo("Driver");
      assertThat(out.at("/crud/destroyedSuccess").asBoolean()).isTrue();
      assertThat(out.at("/crud/afterDestroy").asText()).isEqualTo("ENTITY_IS_DELETED");
      assertThat(org.record("Lead", created).orElseThrow())
          .containsEntry("Title", "Driver")
          .containsEntry("IsDeleted", true);

      assertThat(out.at("/collection/0/success").asBoolean()).isTrue();
      assertThat(out.at("/collection/1/success").asBoolean()).isTrue();
      assertThat(out.at("/collection/2/codes/0").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
      assertThat(out.at("/upsert/created").asBoolean()).isTrue();
      assertThat(out.at("/upsert/createdAgain").asBoolean()).isFalse();
      assertThat(out.at("/upsert/sameId").asBoolean()).isTrue();

      assertThat(out.at("/describe/name").asText()).isEqualTo("Lead");
      assertThat(out.at("/describe/keyPrefix").asText()).isEqualTo("00Q");
      assertThat(out.at("/describe/externalId").asBoolean()).isTrue();
      List<String> objects = new ArrayList<>();
      out.at("/describeGlobal/objects").forEach(o -> objects.add(o.asText()));
      assertThat(objects).contains("Account", "Lead", "Opportunity", "Project__c", "Invoice__c");
      assertThat(out.at("/limits/dailyApiRequests/Max").asInt()).isEqualTo(100_000);
      assertThat(out.at("/limits/dailyApiRequests/Remaining").asInt()).isBetween(1, 99_999);

      int accounts = org.count("Account");
      assertThat(out.at("/bulk/records").asInt()).isEqualTo(accounts);
      assertThat(out.at("/bulk/distinctIds").asInt()).isEqualTo(accounts);
      assertThat(out.at("/bulk/sample/Name").asText()).isEqualTo("Acme Corporation");
      assertThat(out.at("/bulk2/records").asInt()).isEqualTo(org.count("Opportunity"));

      assertThat(out.at("/unknownField/errorCode").asText()).isEqualTo("INVALID_FIELD");
      assertThat(out.at("/unknownField/message").asText())
          .contains("No such column 'Nope__c' on entity 'Lead'");
    }
  }

  /** Runs the script and parses the one JSON line it prints; stderr is kept for the failure. */
  private static JsonNode run(Path directory, List<String> command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(false)
            .start();
    CompletableFuture<String> stdout = drain(process.getInputStream());
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("jsforce script did not finish in 3 minutes: " + stderr.getNow(""));
    }
    String text = stdout.get(10, TimeUnit.SECONDS).trim();
    assertThat(text).as("jsforce printed nothing; stderr: " + stderr.get()).isNotEmpty();
    String lastLine = text.substring(text.lastIndexOf('\n') + 1);
    JsonNode out = JSON.readTree(lastLine);
    assertThat(process.exitValue()).as(lastLine + "\nstderr: " + stderr.get()).isZero();
    return out;
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static String nodeVersion() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0
          ? version.trim()
          : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
