package com.scopien.agent;

import java.time.Instant;

/**
 * What a tool call produced: its status for the contract's {@code toolCalls}, the text the model is
 * shown, and for reads where the answer came from ({@code mirror} as of a time, or {@code live};
 * null for other tools). Text never carries a stack trace, a secret or a hidden field.
 */
record ToolOutcome(Status status, String text, String source, Instant asOf) {
  ToolOutcome(Status status, String text) {
    this(status, text, null, null);
  }

  /** This outcome, saying the read came from {@code from}. */
  ToolOutcome readFrom(RecordReads.Source from) {
    return new ToolOutcome(status, text, from.live() ? "live" : "mirror", from.asOf());
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

  static ToolOutcome needsConfirmation(String text) {
    return new ToolOutcome(Status.NEEDS_CONFIRMATION, text);
  }
}
