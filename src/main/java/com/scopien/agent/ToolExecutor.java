package com.scopien.agent;

/**
 * Runs one tool. Executors are thin: they read arguments, call a service or the org's client and
 * word the result. A {@link ToolException} is a problem the model can fix; anything else is mapped
 * by the dispatcher to a short error.
 */
@FunctionalInterface
interface ToolExecutor {
  ToolOutcome execute(ToolContext ctx, ToolArgs args);
}
