package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.agent.offline.Vocabulary;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.soql.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies speak like people: dates, moments, filters and field answers without API words. */
class PeopleWordsTest {
  private static final ObjectDescribe OPPORTUNITY =
      Vocabulary.demoDescribes().stream()
          .filter(d -> d.name().equals("Opportunity"))
          .findFirst()
          .orElseThrow();

  @Test
  void datesAndMomentsReadAsPeopleWriteThem() {
    assertThat(RecordTable.format("2026-11-24")).isEqualTo("Nov 24, 2026");
    assertThat(RecordTable.format("2026-12-07T23:58:51.080760537Z"))
        .isEqualTo("Dec 7, 2026, 11:58 PM UTC");
    Instant now = Instant.parse("2026-12-08T00:00:00Z");
    assertThat(PeopleWords.since(now.minusSeconds(125), now)).isEqualTo("2 minutes ago");
    assertThat(PeopleWords.since(now.minusSeconds(20), now)).isEqualTo("just now");
    assertThat(PeopleWords.since(Instant.parse("2026-12-05T23:58:00Z"), now))
        .isEqualTo("on Dec 5, 11:58 PM UTC");
  }

  private static Condition where(String condition) {
    return com.scopien.soql.Soql.parse("SELECT Id FROM Opportunity WHERE " + condition).where();
  }

  @Test
  void filtersUseLabelsAndDateWordsNotApiNames() {
    String words =
        FilterWords.describe(
            OPPORTUNITY,
            List.of(
                Condition.eq("StageName", "Closed Won"),
                where("CloseDate = THIS_MONTH"),
                where("IsWon = true")));
    assertThat(words)
        .isEqualTo("Stage = 'Closed Won' and Close Date is this month and Won is yes")
        .doesNotContain("THIS_MONTH", "StageName");
  }
}
