package com.scopien;

import com.scopien.cli.ScopienCommand;

/** Entry point: hands the command line to the picocli commands and exits with their code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(ScopienCommand.run(args, System.getenv()));
  }
}
