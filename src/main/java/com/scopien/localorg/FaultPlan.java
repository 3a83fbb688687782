package com.scopien.localorg;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which share of API calls the local org makes fail, and how; for tests and benchmarks of clients
 * that must survive a misbehaving Salesforce. Draws come from a {@link java.util.Random} seeded
 * with {@code seed}, so the same calls in the same order meet the same faults.
 *
 * <p>Each call under {@code /services/data} or {@code /services/async} checks the rules in order;
 * the first rule whose {@code paths} match and whose draw falls under its {@code rate} fires. Lock
 * errors only hit writes (anything but GET), as in Salesforce.
 *
 * @param seed seed of the random source
 * @param rules the faults, checked in order
 */
public record FaultPlan(long seed, List<Rule> rules) {

  /** What goes wrong. */
  public enum Kind {
    /** 400 UNABLE_TO_LOCK_ROW on a write. */
    LOCK,
    /** 500 UNKNOWN_EXCEPTION or 503 SERVER_UNAVAILABLE, half and half. */
    SERVER_ERROR,
    /** The access token used is invalidated for good and the call is 401 INVALID_SESSION_ID. */
    EXPIRED_SESSION,
    /** 403 REQUEST_LIMIT_EXCEEDED. */
    LIMIT,
    /** The call waits {@code delayMs} and then runs normally. */
    SLOW,
    /** The connection is closed without any reply, before the call runs. */
    DROP;

    /** The kind named in lower case with underscores ({@code server_error}), any case. */
    @JsonCreator
    public static Kind parse(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown fault kind '"
                + name
                + "'; use lock, server_error, expired_session, limit, slow or drop");
      }
    }

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One fault.
   *
   * @param kind what goes wrong
   * @param rate share of matching calls it hits, 0 to 1
   * @param paths a regular expression found in the request path to match, or null for every call
   * @param delayMs how long {@link Kind#SLOW} waits (default 1,000 ms when 0)
   */
  public record Rule(Kind kind, double rate, String paths, long delayMs) {
    public Rule {
      Objects.requireNonNull(kind, "kind");
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("fault rate must be between 0 and 1: " + rate);
      }
      if (delayMs < 0 || delayMs > 600_000) {
        throw new IllegalArgumentException("delayMs must be 0 to 600000");
      }
      if (paths != null) {
        try {
          Pattern.compile(paths);
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("paths is not a regular expression: " + paths);
        }
      }
    }

    public Rule(Kind kind, double rate) {
      this(kind, rate, null, 0);
    }

    /** The wait of a slow reply. */
    long delayOrDefault() {
      return delayMs == 0 ? 1_000 : delayMs;
    }
  }

  public FaultPlan {
    rules = List.copyOf(rules);
  }

  /** No faults. */
  public static FaultPlan none() {
    return new FaultPlan(0, List.of());
  }

  @JsonIgnore
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * Rules from command-line specs {@code KIND:RATE[:delayMs=N][:paths=REGEX]}, such as {@code
   * lock:0.05} or {@code slow:0.2:delayMs=300:paths=/query}.
   *
   * @throws IllegalArgumentException naming the spec that is wrong, and why
   */
  public static FaultPlan parse(long seed, List<String> specs) {
    List<Rule> rules = new ArrayList<>();
    for (String spec : specs) {
      String[] parts = spec.split(":", 3);
      if (parts.length < 2) {
        throw new IllegalArgumentException("fault '" + spec + "' must look like KIND:RATE");
      }
      long delay = 0;
      String paths = null;
      if (parts.length == 3) {
        for (String option : parts[2].split(":(?=(delayMs|paths)=)")) {
          if (option.startsWith("delayMs=")) {
            delay = parseLong(spec, option.substring("delayMs=".length()));
          } else if (option.startsWith("paths=")) {
            paths = option.substring("paths=".length());
          } else {
            throw new IllegalArgumentException(
                "fault '" + spec + "': unknown option '" + option + "' (delayMs=, paths=)");
          }
        }
      }
      double rate;
      try {
        rate = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("fault '" + spec + "': rate is not a number");
      }
      rules.add(new Rule(Kind.parse(parts[0]), rate, paths, delay));
    }
    return new FaultPlan(seed, rules);
  }

  private static long parseLong(String spec, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fault '" + spec + "': delayMs is not a number");
    }
  }
}
