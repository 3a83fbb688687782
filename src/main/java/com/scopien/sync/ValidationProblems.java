package com.scopien.sync;

import com.scopien.ScopienException;
import java.util.List;

/**
 * Input that was checked whole and refused, with every problem found (not only the first), each a
 * line a person can act on: {@code line 7: Email: 'bob@' is not an email address}. Nothing was
 * changed. Its message is the summary with the first few problems; {@link #problems()} has them
 * all.
 */
public final class ValidationProblems extends ScopienException {
  private static final int SHOWN = 5;

  private final String summary;
  private final List<String> problems;

  ValidationProblems(String code, String summary, List<String> problems) {
    super(Kind.INVALID_INPUT, code, message(summary, problems));
    this.summary = summary;
    this.problems = List.copyOf(problems);
  }

  /** What was refused and how many problems, without the problems themselves. */
  public String summary() {
    return summary;
  }

  private static String message(String summary, List<String> problems) {
    int shown = Math.min(SHOWN, problems.size());
    String more = problems.size() > shown ? " (and " + (problems.size() - shown) + " more)" : "";
    return summary + ": " + String.join("; ", problems.subList(0, shown)) + more;
  }

  /** Every problem, in the order of the input. */
  public List<String> problems() {
    return problems;
  }
}
