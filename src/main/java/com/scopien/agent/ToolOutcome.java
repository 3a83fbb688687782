package com.scopien.agent;

import java.time.Instant;
import java.util.List;

/**
 * What a tool call produced: its status for the contract's {@code toolCalls}, the text the model is
 * shown, and for reads where the answer came from ({@code mirror} as of a time, or {@code live};
 * null for other tools), and the records it showed or wrote. Text never carries a stack trace, a
 * secret or a hidden field.
 */
record ToolOutcome(
    Status status,
    String text,
    String source,
    Instant asOf,
    List<ShownRecord> shown,
    String pendingSummary) {
  ToolOutcome {
    shown = shown == null ? List.of() : List.copyOf(shown);
  }

  ToolOutcome(Status status, String text) {
    this(status, text, null, null, List.of(), null);
  }

  /** This outcome, saying the read came from {@code from}. */
  ToolOutcome readFrom(RecordReads.Source from) {
    return new ToolOutcome(
        status, text, from.live() ? "live" : "mirror", from.asOf(), shown, pendingSummary);
  }

  /**
   * This outcome, naming the records it showed or wrote, in the order shown, for the conversation
   * state.
   */
  ToolOutcome showing(List<ShownRecord> records) {
    return new ToolOutcome(status, text, source, asOf, records, pendingSummary);
  }

  enum Status {
    OK("ok"),
    ERROR("error"),
    NEEDS_CONFIRMATION("needs_confirmation");

    private final String wire;

    Status(String wire) {
      this.wire = wire;
    }

    String wire() {
      return wire;
    }
  }

  static ToolOutcome ok(String text) {
    return new ToolOutcome(Status.OK, text);
  }

  static ToolOutcome error(String text) {
    return new ToolOutcome(Status.ERROR, text);
  }

  /**
   * A write parked for confirmation: {@code summary} says what it will do ("update Opportunity
   * ..."), so a turn with several parked writes can list them all in one confirmation.
   */
  static ToolOutcome needsConfirmation(String summary, boolean unasked) {
    return new ToolOutcome(
        Status.NEEDS_CONFIRMATION,
        PendingReplies.confirmation(List.of(summary), unasked),
        null,
        null,
        List.of(),
        summary);
  }
}
