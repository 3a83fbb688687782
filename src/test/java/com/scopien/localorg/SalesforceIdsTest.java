package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SalesforceIdsTest {

  @ParameterizedTest
  @CsvSource({
    "a0RE000000IJmcN, MAT",
    "a01M00000062mPg, IAI",
    "001M000000qfPyS, IAU",
    "a0FE000000D6r3F, MAR",
    "0F9E000000092w2, KAA",
    "aaaaaaaaaaaaaaa, AAA",
    "AbCdEfGhIjKlMnO, VKV",
    "aBcDEfgHIJKLMNO, 025"
  })
  void checksumMatchesTheKnownVectors(String id15, String suffix) {
    assertThat(SalesforceIds.to18(id15)).isEqualTo(id15 + suffix);
  }

  @Test
  void normalisesFifteenAndEighteenCharacterIdsToTheSameForm() {
    assertThat(SalesforceIds.normalize("001M000000qfPyS")).contains("001M000000qfPySIAU");
    assertThat(SalesforceIds.normalize("001M000000qfPySiau")).contains("001M000000qfPySIAU");
    assertThat(SalesforceIds.normalize("001M000000qfPySAAA")).isEmpty();
    assertThat(SalesforceIds.normalize("001M000000qfPy")).isEmpty();
    assertThat(SalesforceIds.normalize("001M000000qfPy-")).isEmpty();
  }

  @Test
  void rejectsTextThatIsNotAnId() {
    assertThatThrownBy(() -> SalesforceIds.to18("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generatorHandsOutSequentialIdsWithPrefixPodAndChecksum() {
    IdGenerator ids = new IdGenerator("5e");
    String first = ids.next("001");
    String second = ids.next("001");
    assertThat(first).hasSize(18).startsWith("0015e0000000001");
    assertThat(second).startsWith("0015e0000000002");
    assertThat(SalesforceIds.normalize(first)).contains(first);
    assertThat(ids.next("003")).startsWith("0035e0000000001");
  }
}
