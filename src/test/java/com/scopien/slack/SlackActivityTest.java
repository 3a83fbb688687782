package com.scopien.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The activity line of a tool call in Slack says what happens in words, never the tool's name. */
class SlackActivityTest {

  @Test
  void aTotalIsAddingUpTheObjectsRecordsInTheOrgNamed() {
    assertThat(
            SlackActivity.started(
                "aggregate_records",
                Map.of("object", "Opportunity", "function", "sum", "org", "sandbox")))
        .isEqualTo("• Adding up Opportunity records in sandbox…");
  }
}
