package com.scopien.agent.offline;

/**
 * What the offline model decided for a message: a tool call to make, or words to say without one (a
 * clarifying question, an honest "I can't").
 */
record Decision(ToolCall call, String text) {
  static Decision call(ToolCall call) {
    return new Decision(call, null);
  }

  static Decision say(String text) {
    return new Decision(null, text);
  }
}
