package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.security.Role;
import dev.langchain4j.agent.tool.ToolSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The tool catalogue and the prompts are files; every one is loaded, none is missing or unused. */
class ToolCatalogueTest {

  @Test
  void theToolsFolderHoldsExactlyTheContractsTools() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("tools"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              ToolCatalogue.TOOL_NAMES.stream().map(n -> n + ".json").toList());
    }
  }

  @Test
  void everyToolLoadsWithItsPolicyAndBecomesASpecification() {
    ToolCatalogue catalogue = ToolCatalogue.load(Json.MAPPER);

    assertThat(catalogue.all())
        .extracting(ToolDefinition::name)
        .containsExactlyElementsOf(ToolCatalogue.TOOL_NAMES);
    assertThat(catalogue.all())
        .allSatisfy(
            t -> {
              assertThat(t.description()).hasSizeGreaterThan(40);
              assertThat(t.examples()).hasSizeGreaterThanOrEqualTo(3);
            });
    assertThat(catalogue.all())
        .filteredOn(ToolDefinition::writes)
        .extracting(ToolDefinition::name)
        .containsExactlyInAnyOrder("create_record", "update_record");
    assertThat(catalogue.all())
        .filteredOn(ToolDefinition::writes)
        .allMatch(t -> !t.role().equals(Role.GUEST));
    List<ToolSpecification> specs = catalogue.specifications();
    ToolSpecification query =
        specs.stream().filter(s -> s.name().equals("query_records")).findFirst().orElseThrow();
    assertThat(query.parameters().properties())
        .containsKeys("object", "filters", "fields", "orderBy", "limit", "org");
    assertThat(query.parameters().required()).containsExactly("object");
  }

  @Test
  void aMalformedToolFileIsRefusedNamingTheProblem() {
    assertThatThrownBy(() -> parse("{\"name\": \"query_records\""))
        .isInstanceOf(ScopienException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"name\":\"other\",\"description\":\"d\",\"role\":\"USER\","
                        + "\"writes\":false,\"parameters\":{\"type\":\"object\"},\"examples\":[\"x\"]}"))
        .hasMessageContaining("names itself 'other'");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"name\":\"query_records\",\"description\":\"d\","
                        + "\"role\":\"BOSS\",\"writes\":false,\"parameters\":{\"type\":\"object\"},"
                        + "\"examples\":[\"x\"]}"))
        .hasMessageContaining("role 'BOSS'");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"name\":\"query_records\",\"description\":\"d\","
                        + "\"role\":\"USER\",\"writes\":false,\"parameters\":{\"type\":\"object\","
                        + "\"properties\":{\"x\":{\"type\":\"date\"}}},\"examples\":[\"x\"]}"))
        .hasMessageContaining("unsupported schema type 'date'");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"name\":\"query_records\",\"description\":\"d\","
                        + "\"role\":\"USER\",\"writes\":false,\"parameters\":{\"type\":\"object\"},"
                        + "\"examples\":[]}"))
        .hasMessageContaining("no examples");
  }

  @Test
  void thePromptsFolderHoldsExactlyThePromptsTheCodeUses() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("prompts"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              PromptLibrary.PROMPT_NAMES.stream().map(n -> n + ".md").toList());
    }
    PromptLibrary prompts = PromptLibrary.load();
    String system =
        prompts.render(
            "system",
            java.util.Map.of(
                "today",
                "2026-01-22",
                "userName",
                "Ada",
                "role",
                "admin",
                "orgName",
                "Production",
                "orgEnvironment",
                "production"));
    assertThat(system)
        .contains("Scopien")
        .contains("Production (production)")
        .contains("untrusted")
        .contains("describe_object")
        .doesNotContain("{{");
    assertThatThrownBy(() -> prompts.render("system", java.util.Map.of("today", "x")))
        .hasMessageContaining("unfilled placeholder");
  }

  private static ToolDefinition parse(String json) {
    return ToolCatalogue.parse(
        Json.MAPPER,
        "query_records",
        "/tools/query_records.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
