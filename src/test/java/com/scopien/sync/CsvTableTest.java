package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  private static CsvTable read(String text) {
    return CsvTable.read(new StringReader(text));
  }

  @Test
  void quotedValuesKeepCommasQuotesAndLineBreaksAndLaterRowsCountTheirLines() {
    CsvTable table =
        read(
            "Name,Notes,City\r\n"
                + "\"Roe, Jane\",\"said \"\"hi\"\"\",Paris\r\n"
                + "Smith,\"first line\nsecond line\nthird\",Berlin\r\n"
                + "Doe,,Rome\r\n");

    assertThat(table.header()).containsExactly("Name", "Notes", "City");
    assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2L, 3L, 6L);
    assertThat(table.rows().get(0).values()).containsExactly("Roe, Jane", "said \"hi\"", "Paris");
    assertThat(table.rows().get(1).values().get(1)).isEqualTo("first line\nsecond line\nthird");
    assertThat(table.rows().get(2).values()).containsExactly("Doe", "", "Rome");
  }

  @Test
  void aByteOrderMarkBlankRowsAndAMissingFinalLineBreakAreHandled() {
    CsvTable table = read("\uFEFFName,City\n\nAda,London\n,\n\"Bob\nJr\",Oslo\nEve,Rome");

    assertThat(table.header()).containsExactly("Name", "City");
    assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(3L, 5L, 7L);
    assertThat(table.rows().get(2).values()).containsExactly("Eve", "Rome");
  }

  @Test
  void anUnclosedQuoteIsReportedWithTheLineItStartsOn() {
    assertThatThrownBy(() -> read("Name,City\nAda,London\n\"Bob,Oslo\nEve,Rome\n"))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_csv");
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0)).startsWith("line 3: the file is not valid CSV");
            });
  }

  @Test
  void anEmptyFileOrAHeaderOfBlanksIsRefused() {
    assertThatThrownBy(() -> read(""))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("the file is empty; the first line must name the columns"));
    assertThatThrownBy(() -> read(",,\nA,B,C\n"))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("line 1: the first line must name the columns"));
    assertThat(read("A,B\n").rows()).isEqualTo(List.of());
  }
}
