package com.scopien.agent;

/**
 * What a tool call produced: its status for the contract's {@code toolCalls} and the text the model
 * is shown. Text never carries a stack trace, a secret or a hidden field.
 */
record ToolOutcome(Status status, String text) {
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
