package com.scopien.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Totals as the offline model reads them: which function, field, filters and breakdown a request
 * asks for, with the keyword cues alone and with the cues plus the catalogue's examples by meaning
 * (the real tool files and the in-process embedding model). Plain "how many" stays a count.
 */
class TotalsUnderstandingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
  private static RequestInterpreter keywords;
  private static RequestInterpreter combined;
  private final Vocabulary v = Vocabulary.demo();

  @BeforeAll
  static void build() throws Exception {
    Map<String, List<String>> examples = new LinkedHashMap<>();
    // Every tool of the catalogue folder, so a tool added later competes here too.
    List<String> tools;
    try (Stream<Path> files = Files.list(Path.of("tools"))) {
      tools =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .map(n -> n.substring(0, n.length() - ".json".length()))
              .sorted()
              .toList();
    }
    for (String tool : tools) {
      try (InputStream in =
          TotalsUnderstandingTest.class.getResourceAsStream("/tools/" + tool + ".json")) {
        List<String> list = new ArrayList<>();
        Vocabulary demo = Vocabulary.demo();
        JSON.readTree(in).path("examples").forEach(e -> list.add(Gist.of(e.asText(), demo)));
        examples.put(tool, list);
      }
    }
    keywords = new RequestInterpreter(new KeywordIntentClassifier());
    combined =
        new RequestInterpreter(
            new CombinedIntentClassifier(
                new KeywordIntentClassifier(),
                EmbeddingIntentClassifier.index(
                    new AllMiniLmL6V2QuantizedEmbeddingModel(), examples)));
  }

  static Stream<Arguments> totals() {
    return Stream.of(
        Arguments.of(
            "What's the total amount of closed won opportunities?",
            "{\"object\":\"Opportunity\",\"function\":\"sum\",\"field\":\"Amount\","
                + "\"filters\":[{\"field\":\"StageName\",\"op\":\"=\",\"value\":\"Closed Won\"}]}"),
        Arguments.of(
            "How many open cases are there by priority?",
            "{\"object\":\"Case\",\"function\":\"count\","
                + "\"filters\":[{\"field\":\"IsClosed\",\"op\":\"=\",\"value\":false}],"
                + "\"groupBy\":[\"Priority\"]}"),
        Arguments.of(
            "What's the average amount of won opportunities?",
            "{\"object\":\"Opportunity\",\"function\":\"avg\",\"field\":\"Amount\","
                + "\"filters\":[{\"field\":\"IsWon\",\"op\":\"=\",\"value\":true}]}"),
        Arguments.of(
            "Total opportunity amount by stage",
            "{\"object\":\"Opportunity\",\"function\":\"sum\",\"field\":\"Amount\","
                + "\"groupBy\":[\"StageName\"]}"),
        Arguments.of(
            "How many leads do we have per lead source?",
            "{\"object\":\"Lead\",\"function\":\"count\",\"groupBy\":[\"LeadSource\"]}"),
        Arguments.of(
            "What's the largest opportunity amount?",
            "{\"object\":\"Opportunity\",\"function\":\"max\",\"field\":\"Amount\"}"),
        Arguments.of(
            "Total value of overdue invoices",
            "{\"object\":\"Invoice__c\",\"function\":\"sum\",\"field\":\"Amount__c\","
                + "\"filters\":[{\"field\":\"Status__c\",\"op\":\"=\",\"value\":\"Overdue\"}]}"),
        Arguments.of(
            "sum of the amount of open deals",
            "{\"object\":\"Opportunity\",\"function\":\"sum\",\"field\":\"Amount\","
                + "\"filters\":[{\"field\":\"IsClosed\",\"op\":\"=\",\"value\":false}]}"),
        Arguments.of(
            "average deal size",
            "{\"object\":\"Opportunity\",\"function\":\"avg\",\"field\":\"Amount\"}"),
        Arguments.of(
            "what is the smallest deal we have?",
            "{\"object\":\"Opportunity\",\"function\":\"min\",\"field\":\"Amount\"}"),
        Arguments.of(
            "opportunity amount broken down by stage",
            "{\"object\":\"Opportunity\",\"function\":\"sum\",\"field\":\"Amount\","
                + "\"groupBy\":[\"StageName\"]}"),
        Arguments.of(
            "total amount of opportunities per owner",
            "{\"object\":\"Opportunity\",\"function\":\"sum\",\"field\":\"Amount\","
                + "\"groupBy\":[\"Owner.Name\"]}"),
        Arguments.of(
            "cases by status and priority",
            "{\"object\":\"Case\",\"function\":\"count\",\"groupBy\":[\"Status\",\"Priority\"]}"),
        Arguments.of(
            "earliest close date of open opportunities",
            "{\"object\":\"Opportunity\",\"function\":\"min\",\"field\":\"CloseDate\","
                + "\"filters\":[{\"field\":\"IsClosed\",\"op\":\"=\",\"value\":false}]}"),
        Arguments.of(
            "average annual revenue of accounts in the technology industry",
            "{\"object\":\"Account\",\"function\":\"avg\",\"field\":\"AnnualRevenue\","
                + "\"filters\":[{\"field\":\"Industry\",\"op\":\"=\",\"value\":\"Technology\"}]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("totals")
  void readsTheTotalAskedForWithCuesAlone(String request, String arguments) throws Exception {
    assertCall(keywords, request, "aggregate_records", arguments);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("totals")
  void readsTheTotalAskedForWithCuesAndMeaning(String request, String arguments) throws Exception {
    assertCall(combined, request, "aggregate_records", arguments);
  }

  static Stream<Arguments> plainCounts() {
    return Stream.of(
        Arguments.of("How many open cases are there?", "Case"),
        Arguments.of("How many leads do we have?", "Lead"),
        Arguments.of("Total number of accounts in technology", "Account"),
        Arguments.of("How many accounts are in the technology industry?", "Account"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plainCounts")
  void aPlainHowManyStaysACount(String request, String object) {
    for (RequestInterpreter interpreter : List.of(keywords, combined)) {
      ToolCall call = interpreter.interpret(request, v, TODAY).orElseThrow();
      assertThat(call.tool()).as(request).isEqualTo("count_records");
      assertThat(call.arguments().path("object").asText()).isEqualTo(object);
    }
  }

  @org.junit.jupiter.api.Test
  void aCountOfWhatACompanyHasFiltersOnTheCompany() throws Exception {
    for (RequestInterpreter interpreter : List.of(keywords, combined)) {
      assertCall(
          interpreter,
          "How many contacts does Acme Corporation have?",
          "count_records",
          "{\"object\":\"Contact\",\"filters\":[{\"field\":\"Account.Name\",\"op\":\"=\","
              + "\"value\":\"Acme Corporation\"}]}");
      assertCall(
          interpreter,
          "How many accounts are in the technology industry?",
          "count_records",
          "{\"object\":\"Account\",\"filters\":[{\"field\":\"Industry\",\"op\":\"=\","
              + "\"value\":\"Technology\"}]}");
    }
  }

  static Stream<Arguments> lists() {
    return Stream.of(
        Arguments.of("Show the 10 largest opportunities"),
        Arguments.of("Top 5 accounts by annual revenue"),
        Arguments.of("Show opportunities sorted by amount"),
        Arguments.of("Show the 10 latest leads"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void aListSortedByAValueStaysAList(String request) {
    for (RequestInterpreter interpreter : List.of(keywords, combined)) {
      assertThat(interpreter.interpret(request, v, TODAY).orElseThrow().tool())
          .as(request)
          .isEqualTo("query_records");
    }
  }

  private void assertCall(
      RequestInterpreter interpreter, String request, String tool, String arguments)
      throws Exception {
    ToolCall call = interpreter.interpret(request, v, TODAY).orElseThrow();
    assertThat(call.tool()).as(request).isEqualTo(tool);
    JsonNode expected = JSON.readTree(arguments);
    assertThat(JSON.readTree(call.arguments().toString())).as(request).isEqualTo(expected);
  }
}
