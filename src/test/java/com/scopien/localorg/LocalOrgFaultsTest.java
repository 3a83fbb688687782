package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Injected faults: each kind's wire shape, path filters, the control endpoint and seeding. */
class LocalOrgFaultsTest {

  private static final String FAULTS = "/_scopien/faults";

  private static LocalOrg org;
  private static OrgHttp api;
  private static OrgHttp control;

  @BeforeAll
  static void start() {
    org = LocalOrg.start(LocalOrgOptions.sandbox().withScale(new LocalOrgOptions.Scale(0.01)));
    api = OrgHttp.connected(org);
    control = new OrgHttp(org.baseUrl());
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  @AfterEach
  void clear() {
    assertThat(control.delete(FAULTS).status()).isEqualTo(204);
  }

  @Test
  void faultsFromTheOptionsApplyFromTheStartAndOnlyToMatchingPaths() {
    FaultPlan limits =
        new FaultPlan(1, List.of(new FaultPlan.Rule(FaultPlan.Kind.LIMIT, 1.0, "/limits$", 0)));
    try (LocalOrg faulty =
        LocalOrg.start(
            LocalOrgOptions.sandbox()
                .withScale(new LocalOrgOptions.Scale(0.01))
                .withFaults(limits))) {
      OrgHttp client = OrgHttp.connected(faulty);
      OrgHttp.Reply limited = client.get(OrgHttp.V + "/limits");
      assertThat(limited.status()).isEqualTo(403);
      assertThat(error(limited)).isEqualTo("REQUEST_LIMIT_EXCEEDED");
      assertThat(client.get(OrgHttp.V + "/sobjects").status()).isEqualTo(200);
      assertThat(faulty.faultsFired()).containsEntry("limit", 1L);
    }
  }

  @Test
  void lockErrorsHitWritesOnly() {
    use("{\"seed\": 3, \"rules\": [{\"kind\": \"lock\", \"rate\": 1.0}]}");
    String id = org.create("Account", Map.of("Name", "Locked"));
    OrgHttp.Reply write = api.patch(OrgHttp.V + "/sobjects/Account/" + id, Map.of("Phone", "1"));
    assertThat(write.status()).isEqualTo(400);
    assertThat(error(write)).isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(org.record("Account", id).orElseThrow().get("Phone")).isNull();
    assertThat(api.get(OrgHttp.V + "/sobjects/Account/" + id).status()).isEqualTo(200);
  }

  @Test
  void serverErrorsAre500Or503() {
    use("{\"seed\": 5, \"rules\": [{\"kind\": \"server_error\", \"rate\": 1.0}]}");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      OrgHttp.Reply reply = api.get(OrgHttp.V + "/sobjects");
      statuses.add(reply.status());
      assertThat(error(reply)).isIn("UNKNOWN_EXCEPTION", "SERVER_UNAVAILABLE");
    }
    assertThat(statuses).contains(500, 503).containsOnly(500, 503);
  }

  @Test
  void anExpiredSessionStaysExpired() {
    OrgHttp own = OrgHttp.connected(org);
    use("{\"seed\": 1, \"rules\": [{\"kind\": \"expired_session\", \"rate\": 1.0}]}");
    OrgHttp.Reply expired = own.get(OrgHttp.V + "/limits");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(error(expired)).isEqualTo("INVALID_SESSION_ID");
    control.delete(FAULTS);
    assertThat(own.get(OrgHttp.V + "/sobjects").status()).isEqualTo(401);
    assertThat(api.get(OrgHttp.V + "/sobjects").status()).isEqualTo(200);
  }

  @Test
  void slowRepliesWaitAndThenSucceed() {
    use("{\"seed\": 1, \"rules\": [{\"kind\": \"slow\", \"rate\": 1.0, \"delayMs\": 300}]}");
    long started = System.nanoTime();
    assertThat(api.get(OrgHttp.V + "/sobjects").status()).isEqualTo(200);
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void droppedConnectionsGetNoReplyAndChangeNothing() {
    use(
        "{\"seed\": 1, \"rules\": [{\"kind\": \"drop\", \"rate\": 1.0, \"paths\": \"/sobjects/\"}]}");
    int before = org.count("Account");
    assertThatThrownBy(() -> api.post(OrgHttp.V + "/sobjects/Account", Map.of("Name", "Dropped")))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(org.count("Account")).isEqualTo(before);
    assertThat(api.get(OrgHttp.V + "/limits").status()).isIn(200, 403);
  }

  @Test
  void theSameSeedGivesTheSameFaults() {
    String plan =
        "{\"seed\": 42, \"rules\": [{\"kind\": \"server_error\", \"rate\": 0.3},"
            + " {\"kind\": \"limit\", \"rate\": 0.2}]}";
    use(plan);
    List<Integer> first = statuses(40);
    use(plan);
    List<Integer> second = statuses(40);
    assertThat(second).isEqualTo(first);
    assertThat(first).contains(200, 403).anyMatch(s -> s >= 500);
    assertThat(control.get(FAULTS).json().get("fired").get("limit").asLong()).isPositive();
  }

  @Test
  void bulkCallsFailInTheBulkShape() {
    use(
        "{\"seed\": 1, \"rules\": [{\"kind\": \"server_error\", \"rate\": 1.0, \"paths\": \"^/services/async/\"}]}");
    OrgHttp.Reply reply = api.get("/services/async/62.0/job/750000000000000AAA");
    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.header("Content-Type")).startsWith("application/xml");
    assertThat(reply.body()).contains("<exceptionCode>InternalServerError</exceptionCode>");
  }

  @Test
  void badPlansAreRefused() {
    OrgHttp.Reply reply =
        control.post(FAULTS, "{\"seed\": 1, \"rules\": [{\"kind\": \"meteor\", \"rate\": 1}]}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(control.post(FAULTS, "{\"rules\": [{\"kind\": \"lock\", \"rate\": 2}]}").status())
        .isEqualTo(400);
    assertThat(FaultPlan.parse(9, List.of("slow:0.5:delayMs=20:paths=/query", "drop:0.1")).rules())
        .containsExactly(
            new FaultPlan.Rule(FaultPlan.Kind.SLOW, 0.5, "/query", 20),
            new FaultPlan.Rule(FaultPlan.Kind.DROP, 0.1));
    assertThatThrownBy(() -> FaultPlan.parse(1, List.of("lock"))).hasMessageContaining("KIND:RATE");
  }

  private static List<Integer> statuses(int calls) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      statuses.add(api.get(OrgHttp.V + "/sobjects/Account/describe").status());
    }
    return statuses;
  }

  private static void use(String plan) {
    OrgHttp.Reply reply = control.post(FAULTS, plan);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  private static String error(OrgHttp.Reply reply) {
    return reply.json().get(0).get("errorCode").asText();
  }
}
