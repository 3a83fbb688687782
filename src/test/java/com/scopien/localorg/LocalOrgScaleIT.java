package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Local orgs larger than the demo org, for load tests and the sync benchmark. */
class LocalOrgScaleIT {

  @Test
  void aScaleAboveOneMultipliesTheDemoCountsUpToTwenty() {
    LocalOrgOptions.Scale million = new LocalOrgOptions.Scale(17.25);

    assertThat(million.of(DemoDataGenerator.ACCOUNTS)).isEqualTo(59_616);
    long bigFive =
        million.of(DemoDataGenerator.ACCOUNTS)
            + million.of(DemoDataGenerator.CONTACTS)
            + million.of(DemoDataGenerator.OPPORTUNITIES)
            + million.of(15_678)
            + million.of(18_287);
    assertThat(bigFive).isBetween(1_000_000L, 1_001_000L);
    assertThat(new LocalOrgOptions.Scale(LocalOrgOptions.Scale.MAX).factor()).isEqualTo(20);
    assertThatThrownBy(() -> new LocalOrgOptions.Scale(20.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LocalOrgOptions.Scale(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOrgAboveTheDemoSizeStartsWithEveryRecordAndTheNamedOnes() {
    try (LocalOrg org =
        LocalOrg.start(LocalOrgOptions.sandbox().withScale(new LocalOrgOptions.Scale(1.2)))) {
      assertThat(org.count("Account")).isEqualTo(4_147);
      assertThat(org.count("Lead")).isEqualTo(21_944);
      assertThat(org.count("Contact") + org.count("Case") + org.count("Opportunity"))
          .isEqualTo(14_814 + 18_814 + 9_881);
    }
  }
}
