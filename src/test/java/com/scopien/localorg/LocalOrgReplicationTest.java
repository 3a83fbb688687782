package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopien.ScopienException;
import com.scopien.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The updated and deleted resources, the recycle bin's 15 days, and describe's 304. */
class LocalOrgReplicationTest {

  private static final Instant START = Instant.parse("2025-06-02T10:15:30Z");

  private MutableClock clock;
  private LocalOrg org;
  private OrgHttp api;

  @BeforeEach
  void start() {
    clock = new MutableClock(START);
    org =
        LocalOrg.start(
            LocalOrgOptions.sandbox().withScale(new LocalOrgOptions.Scale(0.01)).withClock(clock));
    api = OrgHttp.connected(org);
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void updatedListsWritesInTheWindowAndSaysHowFarItCovered() {
    clock.advance(Duration.ofMinutes(1));
    String created = org.create("Account", Map.of("Name", "Fresh"));
    String existing = firstId("Account");
    clock.advance(Duration.ofMinutes(1));
    org.update("Account", existing, Map.of("Phone", "555"));
    String gone = org.create("Account", Map.of("Name", "Short-lived"));
    clock.advance(Duration.ofMinutes(1));
    org.delete("Account", gone);
    clock.advance(Duration.ofSeconds(50));

    JsonNode updated =
        api.get(window("Account", "updated", "2025-06-02T10:16:00Z", "2025-06-03T00:00:00Z"))
            .json();
    assertThat(texts(updated.get("ids"))).containsExactlyInAnyOrder(created, existing);
    assertThat(updated.get("latestDateCovered").asText()).isEqualTo("2025-06-02T10:19:00.000+0000");

    JsonNode narrow =
        api.get(window("Account", "updated", "2025-06-02T10:16:59Z", "2025-06-02T10:17:00Z"))
            .json();
    assertThat(texts(narrow.get("ids"))).containsExactly(created);
    assertThat(narrow.get("latestDateCovered").asText()).isEqualTo("2025-06-02T10:17:00.000+0000");

    JsonNode deleted =
        api.get(window("Account", "deleted", "2025-06-02T10:00:00Z", "2025-06-02T11:00:00Z"))
            .json();
    assertThat(deleted.get("deletedRecords")).hasSize(1);
    assertThat(deleted.get("deletedRecords").get(0).get("id").asText()).isEqualTo(gone);
    assertThat(deleted.get("deletedRecords").get(0).get("deletedDate").asText())
        .isEqualTo("2025-06-02T10:18:30.000+0000");
    assertThat(WireFormat.parseDateTime(deleted.get("earliestDateAvailable").asText()))
        .isBefore(START);
  }

  @Test
  void windowsOutsideTheLimitsAreInvalidReplicationDates() {
    assertInvalid(window("Lead", "updated", "2025-05-01T00:00:00Z", "2025-06-02T00:00:00Z"));
    assertInvalid(window("Lead", "deleted", "2025-05-16T00:00:00Z", "2025-06-02T00:00:00Z"));
    assertInvalid(window("Lead", "updated", "2025-06-02T10:00:00Z", "2025-06-02T10:00:30Z"));
    assertInvalid(OrgHttp.V + "/sobjects/Lead/updated/?start=yesterday&end=today");
    assertThat(
            api.get(window("Lead", "updated", "2025-05-04T00:00:00Z", "2025-06-02T00:00:00Z"))
                .status())
        .isEqualTo(200);
    OrgHttp.Reply unknown =
        api.get(window("Nope__c", "updated", "2025-06-01T00:00:00Z", "2025-06-02T00:00:00Z"));
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void deletedRowsLeaveTheRecycleBinAfterFifteenDays() {
    String id = firstId("Contact");
    org.delete("Contact", id);
    assertThat(
            api.queryAll("SELECT Id FROM Contact WHERE Id = '" + id + "'")
                .json()
                .get("totalSize")
                .asInt())
        .isEqualTo(1);

    clock.advance(Duration.ofDays(15).plusMinutes(2));
    api = OrgHttp.connected(org);
    assertThat(
            api.queryAll("SELECT Id FROM Contact WHERE Id = '" + id + "'")
                .json()
                .get("totalSize")
                .asInt())
        .isZero();
    assertThat(org.record("Contact", id)).isEmpty();
    JsonNode deleted =
        api.get(window("Contact", "deleted", "2025-06-10T00:00:00Z", "2025-06-18T00:00:00Z"))
            .json();
    assertThat(deleted.get("deletedRecords")).isEmpty();
    assertThat(deleted.get("earliestDateAvailable").asText())
        .isEqualTo("2025-06-02T10:15:00.000+0000");
  }

  @Test
  void aRecordRestoredFromTheRecycleBinIsLiveAgainWithANewStampAndLeavesTheDeletedList() {
    String id = firstId("Contact");
    Map<String, Object> before = org.record("Contact", id).orElseThrow();
    org.delete("Contact", id);
    clock.advance(Duration.ofMinutes(1));
    long eventsBefore = org.lastReplayId();

    org.undelete("Contact", id);

    Map<String, Object> restored = org.record("Contact", id).orElseThrow();
    assertThat(restored).containsEntry("IsDeleted", false);
    assertThat(restored.get("LastName")).isEqualTo(before.get("LastName"));
    assertThat((Instant) restored.get("SystemModstamp"))
        .isAfter((Instant) before.get("SystemModstamp"));
    assertThat(
            api.query("SELECT Id FROM Contact WHERE Id = '" + id + "'")
                .json()
                .get("totalSize")
                .asInt())
        .isEqualTo(1);
    assertThat(org.lastReplayId()).isEqualTo(eventsBefore + 1);
    JsonNode deleted =
        api.get(window("Contact", "deleted", "2025-06-02T10:00:00Z", "2025-06-03T00:00:00Z"))
            .json();
    assertThat(deleted.get("deletedRecords")).isEmpty();
    // Only what is in the recycle bin can come out of it.
    assertThatThrownBy(() -> org.undelete("Contact", id))
        .isInstanceOf(ScopienException.class)
        .hasMessageContaining("not in the recycle bin");
  }

  @Test
  void describeAnswers304WhenNothingChanged() {
    OrgHttp.Reply first = api.get(OrgHttp.V + "/sobjects/Account/describe");
    String lastModified = first.header("Last-Modified");
    assertThat(lastModified).isEqualTo("Mon, 2 Jun 2025 10:15:30 GMT");
    OrgHttp.Reply again =
        api.get(OrgHttp.V + "/sobjects/Account/describe", "If-Modified-Since", lastModified);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    OrgHttp.Reply older =
        api.get(
            OrgHttp.V + "/sobjects/Account/describe",
            "If-Modified-Since",
            "Sun, 1 Jun 2025 00:00:00 GMT");
    assertThat(older.status()).isEqualTo(200);
  }

  private void assertInvalid(String path) {
    OrgHttp.Reply reply = api.get(path);
    assertThat(reply.status()).as(path).isEqualTo(400);
    assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_REPLICATION_DATE");
  }

  private String firstId(String object) {
    return api.query("SELECT Id FROM " + object + " ORDER BY Id LIMIT 1")
        .json()
        .get("records")
        .get(0)
        .get("Id")
        .asText();
  }

  private static String window(String object, String kind, String start, String end) {
    return OrgHttp.V
        + "/sobjects/"
        + object
        + "/"
        + kind
        + "/?start="
        + OrgHttp.encode(start)
        + "&end="
        + OrgHttp.encode(end);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }
}
