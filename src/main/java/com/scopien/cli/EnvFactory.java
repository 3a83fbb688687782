package com.scopien.cli;

import java.util.Map;
import picocli.CommandLine;

/** Gives commands the environment they run in, so tests can pass their own. */
final class EnvFactory implements CommandLine.IFactory {
  private final Map<String, String> env;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  EnvFactory(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    K created = fallback.create(cls);
    if (created instanceof NeedsEnvironment needs) {
      needs.environment(env);
    }
    return created;
  }

  /** A command that reads SCOPIEN_* variables. */
  interface NeedsEnvironment {
    void environment(Map<String, String> env);
  }
}
