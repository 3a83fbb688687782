package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The offline model on the official eval cases (a copy of shared/eval/assistant-requests.json) and
 * on the project's own, larger set of other phrasings, scored as the external runner scores them.
 */
class OfflineModelEvalTest {

  @Test
  void passesEveryOfficialCase() throws Exception {
    List<JsonNode> cases = EvalCases.load("/eval/assistant-requests.json");
    List<String> failures = EvalCases.run(cases, () -> new AgentFixture().offlineAgent());
    System.out.printf(
        "official eval: %d passed, %d failed%n", cases.size() - failures.size(), failures.size());
    assertThat(cases).hasSize(40);
    assertThat(failures).isEmpty();
  }

  @Test
  void passesAtLeast95PercentOfTheProjectsOwnPhrasings() throws Exception {
    List<JsonNode> cases = EvalCases.load("/eval/offline-requests.json");
    List<String> failures = EvalCases.run(cases, () -> new AgentFixture().offlineAgent());
    double rate = 100.0 * (cases.size() - failures.size()) / cases.size();
    System.out.printf(
        "own eval: %d passed, %d failed (%.1f%%)%n",
        cases.size() - failures.size(), failures.size(), rate);
    failures.forEach(f -> System.out.println("FAIL  " + f));
    assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
    assertThat(rate).isGreaterThanOrEqualTo(95.0);
  }
}
