package com.scopien.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The chat panel's breakdown chart (web/chart.js), checked in node by src/test/js/check-chart.mjs:
 * which replies get a chart, the bars read from the reply's table (the total row left out, an empty
 * group kept as "(none)"), and the SVG bars scaled to the largest. Skipped when node is not
 * installed.
 */
class BreakdownChartTest {

  @Test
  void theChartIsDrawnFromABreakdownsTableAndOnlyForABreakdown() throws Exception {
    Assumptions.assumeTrue(nodeInstalled(), "node is not installed; the chart check needs node");
    Process process =
        new ProcessBuilder("node", "src/test/js/check-chart.mjs").redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("chart checks passed");
  }

  private static boolean nodeInstalled() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
