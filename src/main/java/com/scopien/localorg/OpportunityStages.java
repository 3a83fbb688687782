package com.scopien.localorg;

import java.util.List;
import java.util.Optional;

/** The default sales process: each stage's probability, forecast category and closed/won flags. */
final class OpportunityStages {

  static final String[] FORECASTS = {"Omitted", "Pipeline", "Best Case", "Commit", "Closed"};

  record Stage(String name, int probability, String forecast, boolean closed, boolean won) {}

  static final List<Stage> STAGES =
      List.of(
          new Stage("Prospecting", 10, "Pipeline", false, false),
          new Stage("Qualification", 10, "Pipeline", false, false),
          new Stage("Needs Analysis", 20, "Pipeline", false, false),
          new Stage("Value Proposition", 50, "Pipeline", false, false),
          new Stage("Id. Decision Makers", 60, "Pipeline", false, false),
          new Stage("Perception Analysis", 70, "Pipeline", false, false),
          new Stage("Proposal/Price Quote", 75, "Pipeline", false, false),
          new Stage("Negotiation/Review", 90, "Commit", false, false),
          new Stage("Closed Won", 100, "Closed", true, true),
          new Stage("Closed Lost", 0, "Omitted", true, false));

  private OpportunityStages() {}

  static String[] names() {
    return STAGES.stream().map(Stage::name).toArray(String[]::new);
  }

  static Optional<Stage> find(String name) {
    return STAGES.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
