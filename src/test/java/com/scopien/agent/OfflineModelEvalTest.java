package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline model on the official eval cases (a copy of shared/eval/assistant-requests.json) and
 * on the project's own, larger set of other phrasings, scored as the external runner scores them;
 * once understanding by keyword cues alone, once as Scopien runs it (cues plus matching by meaning
 * against the catalogue's examples). Each prints its pass rate.
 */
class OfflineModelEvalTest {
  private static List<JsonNode> official;
  private static List<JsonNode> own;

  @BeforeAll
  static void load() throws Exception {
    official = EvalCases.load("/eval/assistant-requests.json");
    own = EvalCases.load("/eval/offline-requests.json");
  }

  @Test
  void passesEveryOfficialCaseEitherWay() {
    assertThat(official).hasSize(40);
    assertThat(report("official", "keyword only", official, keywordOnly())).isEmpty();
    assertThat(report("official", "combined", official, combined())).isEmpty();
  }

  @Test
  void passesAtLeast95PercentOfTheProjectsOwnPhrasingsAndBeatsKeywordsAlone() {
    List<String> keywordFailures = report("own", "keyword only", own, keywordOnly());
    List<String> combinedFailures = report("own", "combined", own, combined());
    combinedFailures.forEach(f -> System.out.println("FAIL (combined)  " + f));

    assertThat(own).hasSizeGreaterThanOrEqualTo(150);
    assertThat(rate(own, combinedFailures)).isGreaterThanOrEqualTo(95.0);
    assertThat(combinedFailures.size()).isLessThan(keywordFailures.size());
  }

  private static Supplier<AgentService> keywordOnly() {
    return () -> new AgentFixture().offlineAgent();
  }

  private static Supplier<AgentService> combined() {
    return () -> new AgentFixture().understandingAgent();
  }

  private static List<String> report(
      String set, String how, List<JsonNode> cases, Supplier<AgentService> agents) {
    List<String> failures = EvalCases.run(cases, agents);
    System.out.printf(
        "%s eval, %s: %d passed, %d failed (%.1f%%)%n",
        set, how, cases.size() - failures.size(), failures.size(), rate(cases, failures));
    return failures;
  }

  private static double rate(List<JsonNode> cases, List<String> failures) {
    return 100.0 * (cases.size() - failures.size()) / cases.size();
  }
}
