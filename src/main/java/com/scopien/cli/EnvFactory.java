package com.scopien.cli;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine;

/** Gives commands the environment and standard input they run with, so tests can pass their own. */
final class EnvFactory implements CommandLine.IFactory {
  private final Map<String, String> env;
  private final InputStream in;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  EnvFactory(Map<String, String> env, InputStream in) {
    this.env = Map.copyOf(env);
    this.in = in;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    K created = fallback.create(cls);
    if (created instanceof NeedsEnvironment needs) {
      needs.environment(env);
    }
    if (created instanceof NeedsInput needs) {
      needs.input(in);
    }
    return created;
  }

  /** A command that reads SCOPIEN_* variables. */
  interface NeedsEnvironment {
    void environment(Map<String, String> env);
  }

  /** A command that may read standard input (a secret piped in). */
  interface NeedsInput {
    void input(InputStream in);
  }
}
