package com.scopien.cli;

import com.scopien.ScopienException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Prints our own errors as one clear message; anything unexpected is logged, not dumped raw. */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    if (e instanceof ScopienException se) {
      cli.getErr().println("error: " + se.getMessage());
      return 1;
    }
    log.error("Command failed", e);
    cli.getErr().println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    return 1;
  }
}
