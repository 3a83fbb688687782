package com.scopien.localorg;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Decides, call by call, whether a fault of the current {@link FaultPlan} strikes. Draws come from
 * one {@link Random} seeded by the plan, taken under a lock, so a client making the same calls in
 * the same order meets the same faults. Counts what fired, per kind. Thread-safe.
 */
final class FaultInjector {

  /** A fault that struck; {@code unavailable} picks 503 over 500 for server errors. */
  record Strike(FaultPlan.Rule rule, boolean unavailable) {}

  private FaultPlan plan = FaultPlan.none();
  private Random random = new Random(0);
  private List<Pattern> paths = List.of();
  private final Map<FaultPlan.Kind, Long> fired = new EnumMap<>(FaultPlan.Kind.class);

  synchronized void use(FaultPlan newPlan) {
    plan = newPlan;
    random = new Random(newPlan.seed());
    List<Pattern> compiled = new ArrayList<>();
    for (FaultPlan.Rule rule : newPlan.rules()) {
      compiled.add(rule.paths() == null ? null : Pattern.compile(rule.paths()));
    }
    paths = compiled;
    fired.clear();
  }

  synchronized FaultPlan plan() {
    return plan;
  }

  /** The fault striking this call, if any. */
  synchronized Optional<Strike> draw(String method, String path) {
    List<FaultPlan.Rule> rules = plan.rules();
    for (int i = 0; i < rules.size(); i++) {
      FaultPlan.Rule rule = rules.get(i);
      Pattern pattern = paths.get(i);
      if (pattern != null && !pattern.matcher(path).find()) {
        continue;
      }
      if (rule.kind() == FaultPlan.Kind.LOCK && method.equals("GET")) {
        continue;
      }
      if (random.nextDouble() < rule.rate()) {
        fired.merge(rule.kind(), 1L, Long::sum);
        boolean unavailable = rule.kind() == FaultPlan.Kind.SERVER_ERROR && random.nextBoolean();
        return Optional.of(new Strike(rule, unavailable));
      }
    }
    return Optional.empty();
  }

  /** How many faults of each kind have struck since the plan was set. */
  synchronized Map<String, Long> fired() {
    Map<String, Long> counts = new LinkedHashMap<>();
    fired.forEach((kind, count) -> counts.put(kind.wireName(), count));
    return counts;
  }
}
