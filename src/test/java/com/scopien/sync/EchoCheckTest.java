package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.salesforce.ObjectDescribe;
import com.scopien.sync.SyncSettings.ConflictPolicy;
import com.scopien.testing.FieldDescribes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EchoCheckTest {
  private static final Instant PUSHED_AT = Instant.parse("2026-11-28T10:00:00Z");
  private static final String ID = "006000000000001AAA";

  private final EchoCheck check =
      EchoCheck.of(
          new ObjectPlan(
              "Opportunity",
              List.of("Id", "SystemModstamp", "Amount", "StageName", "ExpectedRevenue"),
              true,
              ConflictPolicy.MANUAL_REVIEW,
              true,
              true,
              new ObjectDescribe(
                  "Opportunity",
                  "Opportunity",
                  "Opportunities",
                  "006",
                  false,
                  true,
                  true,
                  true,
                  List.of(
                      FieldDescribes.text("Amount", true),
                      FieldDescribes.text("StageName", true),
                      FieldDescribes.text("ExpectedRevenue", false),
                      FieldDescribes.text("LastModifiedById", false)))));

  /** The mirror after we pushed Amount 500: its fields already hold the pushed value. */
  private final MirrorStore.State afterPush =
      new MirrorStore.State(
          PUSHED_AT.minusSeconds(60),
          false,
          null,
          Map.of("Amount", 500, "StageName", "Prospecting", "ExpectedRevenue", 50),
          null,
          null,
          Map.of("Amount", 500));

  @Test
  void ourValuesWithOnlyStampsAndComputedFieldsMovedAreAnEcho() {
    assertThat(
            check.isEcho(
                remote("Amount", 500.0, "StageName", "Prospecting", "ExpectedRevenue", 100),
                afterPush))
        .isTrue();
  }

  @Test
  void ourValuesWithSomeoneElsesEditAreAChange() {
    assertThat(check.isEcho(remote("Amount", 500, "StageName", "Closed Won"), afterPush)).isFalse();
  }

  @Test
  void aPushedFieldChangedAgainInSalesforceIsAChange() {
    assertThat(check.isEcho(remote("Amount", 700, "StageName", "Prospecting"), afterPush))
        .isFalse();
  }

  @Test
  void nothingPushedMeansNoEcho() {
    MirrorStore.State plain = new MirrorStore.State(PUSHED_AT, false, null, null, null, null, null);
    assertThat(check.isEcho(remote("Amount", 500, "StageName", "Prospecting"), plain)).isFalse();
  }

  @Test
  void aScopienChangeMadeSinceIsComparedByWhatSalesforceHeldBeforeIt() {
    // After the push, Scopien changed StageName again (still pending): the mirror's fields show
    // it, its base says Salesforce still holds Prospecting.
    MirrorStore.State changedAgain =
        new MirrorStore.State(
            PUSHED_AT.minusSeconds(60),
            false,
            PUSHED_AT.plusSeconds(5),
            Map.of("Amount", 500, "StageName", "Negotiation"),
            Map.of("StageName", "Negotiation"),
            Map.of("StageName", "Prospecting"),
            Map.of("Amount", 500));

    assertThat(check.isEcho(remote("Amount", 500, "StageName", "Prospecting"), changedAgain))
        .isTrue();
    assertThat(check.isEcho(remote("Amount", 500, "StageName", "Closed Lost"), changedAgain))
        .isFalse();
  }

  private static MirrorRow remote(Object... pairs) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("Id", ID);
    fields.put("SystemModstamp", "2026-11-28T10:00:01.000+0000");
    fields.put("LastModifiedById", "005000000000009AAA");
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], pairs[i + 1]);
    }
    return new MirrorRow("Opportunity", ID, PUSHED_AT.plusSeconds(1), false, fields);
  }
}
