package com.scopien.access;

import static com.scopien.access.AccessFixture.json;
import static com.scopien.access.AccessFixture.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin's field names in chat (issue 11, "Words for people"): Scopien in demo mode, the mapping
 * Opportunity.Amount → "Deal Value" set through {@code POST /api/orgs/{id}/mappings}, then the
 * offline model asked over {@code /api/chat}. Replies head the column "Deal Value" and requests may
 * say "deal value"; before the mapping the same request reads "Amount" as it always did.
 */
class ScopienFieldNamesIT {
  private static final String ADMIN = AccessFixture.ADMIN_KEY;
  private static AccessFixture scopien;
  private static String org;

  @BeforeAll
  static void start() {
    scopien = new AccessFixture();
    for (JsonNode o : json(scopien.get("/api/orgs", ADMIN))) {
      if (o.path("name").asText().equals("Acme Production")) {
        org = o.path("id").asText();
      }
    }
    assertThat(org).as("the demo's production org, where chat reads").isNotNull();
  }

  @AfterAll
  static void stop() {
    if (scopien != null) {
      scopien.close();
    }
  }

  private static JsonNode ask(String message) {
    var reply = scopien.post("/api/chat", "{\"message\":" + quoted(message) + "}", ADMIN);
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    return json(reply);
  }

  @Test
  void theMappedNameHeadsRepliesAndIsUnderstoodInRequests() {
    JsonNode before = ask("show closed won opportunities over 50k");
    assertThat(before.path("reply").asText()).contains("| Amount |").doesNotContain("Deal Value");

    // Every org starts with Opportunity.Amount as "Deal Value" among the built-in mappings, which
    // chat does not use; an admin removes it and sets it again, now as their own.
    var removed =
        scopien.send("DELETE", "/api/orgs/" + org + "/mappings/Opportunity/Amount", null, ADMIN);
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
    var mapped =
        scopien.post(
            "/api/orgs/" + org + "/mappings",
            "{\"object\":\"Opportunity\",\"salesforceField\":\"Amount\","
                + "\"scopienField\":\"Deal Value\"}",
            ADMIN);
    assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(201);

    JsonNode list = ask("show closed won opportunities over 50k");
    assertThat(list.path("reply").asText()).contains("| Deal Value |").doesNotContain("| Amount |");

    JsonNode deals = ask("deals with a deal value over 50k");
    JsonNode call = deals.path("toolCalls").get(0);
    assertThat(call.path("tool").asText()).as(deals.toString()).isEqualTo("query_records");
    assertThat(call.path("arguments").toString())
        .as(deals.toString())
        .contains("\"object\":\"Opportunity\"")
        .contains("\"field\":\"Amount\"")
        .contains("\"op\":\">\"")
        .contains("50000");
    assertThat(deals.path("reply").asText()).contains("Deal Value");

    JsonNode value = ask("what's the deal value of the Acme Corp Deal?");
    assertThat(value.path("reply").asText())
        .as(value.toString())
        .contains("Acme Corp Deal")
        .contains("deal value")
        .contains("75,000");

    JsonNode total = ask("total deal value by stage");
    assertThat(total.path("toolCalls").get(0).path("tool").asText())
        .as(total.toString())
        .isEqualTo("aggregate_records");
    assertThat(total.path("reply").asText()).as(total.toString()).contains("Deal Value");
  }
}
