package com.scopien.agent;

/**
 * A tool could not do what it was asked, for a reason the model can act on (an unknown field, a
 * missing value, a record that does not exist). The message goes back to the model as is, so it is
 * short, readable and names what to do instead.
 */
final class ToolException extends RuntimeException {
  ToolException(String message) {
    super(message, null, false, false);
  }
}
