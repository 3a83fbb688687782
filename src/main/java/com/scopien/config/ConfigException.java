package com.scopien.config;

import com.scopien.ScopienException;
import java.util.List;

/** Start-up configuration is wrong; lists every problem at once. */
public final class ConfigException extends ScopienException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(
        Kind.INVALID_INPUT,
        "invalid_config",
        "Scopien cannot start; fix these settings:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
