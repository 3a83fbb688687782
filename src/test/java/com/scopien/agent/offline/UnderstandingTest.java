package com.scopien.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Understanding by meaning and mending typos: the real in-process embedding model over a few
 * examples per tool, the gist it compares, and the spelling mender.
 */
class UnderstandingTest {
  private static final Map<String, List<String>> EXAMPLES =
      Map.of(
          "sync_now", List.of("Sync now", "Pull the latest data from Salesforce", "Resync cases"),
          "sync_errors", List.of("Show recent sync errors", "Which records failed to sync?"),
          "api_usage",
              List.of("What's our API usage?", "Are we near the Salesforce request limit?"),
          "count_records", List.of("How many leads do we have?", "Count accounts in sandbox"),
          "query_records", List.of("Show opportunities in production org", "List campaigns"),
          "list_orgs", List.of("List connected orgs", "Which Salesforce orgs do I have?"));
  private static EmbeddingIntentClassifier classifier;
  private static long indexMillis;

  private final Vocabulary v = Vocabulary.demo();

  @BeforeAll
  static void index() {
    long started = System.nanoTime();
    classifier =
        EmbeddingIntentClassifier.index(new AllMiniLmL6V2QuantizedEmbeddingModel(), EXAMPLES);
    indexMillis = (System.nanoTime() - started) / 1_000_000;
  }

  @Test
  void embedsEveryExampleOnceAtStartUp() {
    System.out.printf(
        "model loaded and %d examples embedded in %d ms%n", classifier.size(), indexMillis);
    assertThat(classifier.size()).isEqualTo(13);
  }

  @Test
  void aRequestWithoutCueWordsIsClosestToTheRightToolsExamples() {
    assertThat(top("pull fresh data from salesforce")).isEqualTo(Intent.SYNC_NOW);
    assertThat(top("how close are we to the api cap")).isEqualTo(Intent.API_USAGE);
    assertThat(top("which salesforce instances are hooked up")).isEqualTo(Intent.LIST_ORGS);
    assertThat(classifier.closestExample("what broke while syncing"))
        .isIn("Show recent sync errors", "Which records failed to sync?");
  }

  @Test
  void theGistSetsAsideTheObjectAndOrgSoMeaningDecides() {
    top("warm up");
    assertThat(Gist.of("how many invoices are overdue in prod", v))
        .isEqualTo("how many records are overdue in the org");
    assertThat(Gist.of("Show opportunities in production org", v))
        .isEqualTo("Show records in the org org");
    long started = System.nanoTime();
    Intent intent = top(Gist.of("how many invoices have we got", v));
    long perRequestMicros = (System.nanoTime() - started) / 1_000;
    System.out.printf("one request embedded and scored in %d µs%n", perRequestMicros);
    assertThat(intent).isEqualTo(Intent.COUNT);
  }

  @Test
  void theGistSetsAsideNamesSoARequestIsNotDrawnToAnExampleByItsCompany() {
    assertThat(Gist.of("how many contacts are at Acme Corporation", v))
        .isEqualTo("how many records are at " + Gist.NAME);
    assertThat(Gist.of("Contacts at Globex", v)).isEqualTo("records at " + Gist.NAME);
    assertThat(Gist.of("update the amount of Acme Corp Deal to 80000", v))
        .isEqualTo("update the amount of " + Gist.NAME + " to 80000");
    assertThat(Gist.of("Pull fresh data from Salesforce", v))
        .isEqualTo("Pull fresh data from Salesforce");
  }

  @Test
  void combinedScoresKeepAStrongCueAndAddMeaningWhereThereIsNone() {
    CombinedIntentClassifier combined =
        new CombinedIntentClassifier(new KeywordIntentClassifier(), classifier);
    Map<Intent, Double> cued =
        combined.score(
            new Utterance("how many leads do we have"),
            new IntentClassifier.Clues(true, false, false, "how many records do we have"));
    assertThat(best(cued)).isEqualTo(Intent.COUNT);

    String gist = "pull fresh data from salesforce";
    Map<Intent, Double> uncued =
        combined.score(new Utterance(gist), new IntentClassifier.Clues(false, false, false, gist));
    Map<Intent, Double> keywordsAlone =
        new KeywordIntentClassifier()
            .score(new Utterance(gist), new IntentClassifier.Clues(false, false, false, gist));
    assertThat(keywordsAlone.getOrDefault(Intent.SYNC_NOW, 0.0)).isZero();
    assertThat(best(uncued)).isEqualTo(Intent.SYNC_NOW);
  }

  @Test
  void mendsTyposInLowerCaseWordsOnly() {
    Spelling spelling = new Spelling(EXAMPLES.values().stream().flatMap(List::stream).toList());
    assertThat(spelling.mend("shwo me opportunites in prod", v))
        .isEqualTo("show me opportunities in prod");
    assertThat(spelling.mend("how mnay acounts", v)).isEqualTo("how many accounts");
    assertThat(spelling.mend("Swtich to sandbox", v)).isEqualTo("Switch to sandbox");
    assertThat(spelling.mend("create a lead for Tom Jonse at Hooli", v))
        .as("capitalised words are names")
        .isEqualTo("create a lead for Tom Jonse at Hooli");
    assertThat(spelling.mend("deals of at least 1.5m for jane.roe@acme.com", v))
        .as("known words and addresses stay")
        .isEqualTo("deals of at least 1.5m for jane.roe@acme.com");
    assertThat(spelling.mend("show leads from hooli", v)).isEqualTo("show leads from hooli");
  }

  @Test
  void editDistanceCountsASwapAsOneEdit() {
    assertThat(Spelling.distance("shwo", "show", 2)).isEqualTo(1);
    assertThat(Spelling.distance("opportunites", "opportunities", 2)).isEqualTo(1);
    assertThat(Spelling.distance("status", "staus", 2)).isEqualTo(1);
    assertThat(Spelling.distance("account", "invoice", 2)).isEqualTo(3);
  }

  private static Intent top(String text) {
    return best(classifier.similarities(text));
  }

  private static Intent best(Map<Intent, Double> scores) {
    return scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
