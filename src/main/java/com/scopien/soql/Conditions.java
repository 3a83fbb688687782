package com.scopien.soql;

import java.util.Collection;
import java.util.List;

/** Shared checks of condition trees. */
final class Conditions {
  private Conditions() {}

  static List<Condition> requireParts(List<Condition> parts, String operator) {
    List<Condition> copy = List.copyOf(parts);
    if (copy.size() < 2) {
      throw new SoqlException(operator + " needs at least two conditions");
    }
    for (Condition c : copy) {
      requireDepth(c, 1);
    }
    return copy;
  }

  /** Fails when {@code child}, placed {@code above} levels down, would pass the depth bound. */
  static void requireDepth(Condition child, int above) {
    if (depth(child) + above > Condition.MAX_DEPTH) {
      throw new SoqlException("conditions nested more than " + Condition.MAX_DEPTH + " deep");
    }
  }

  /** Nesting depth: 0 for a comparison, one more for each AND, OR or NOT around it. */
  static int depth(Condition c) {
    if (c instanceof Condition.And a) {
      return 1 + maxDepth(a.conditions());
    } else if (c instanceof Condition.Or o) {
      return 1 + maxDepth(o.conditions());
    } else if (c instanceof Condition.Not n) {
      return 1 + depth(n.condition());
    }
    return 0;
  }

  /** Whether a semi-join appears anywhere in the tree. */
  static boolean hasSemiJoin(Condition c) {
    if (c instanceof Condition.SemiJoin) {
      return true;
    } else if (c instanceof Condition.And a) {
      return a.conditions().stream().anyMatch(Conditions::hasSemiJoin);
    } else if (c instanceof Condition.Or o) {
      return o.conditions().stream().anyMatch(Conditions::hasSemiJoin);
    } else if (c instanceof Condition.Not n) {
      return hasSemiJoin(n.condition());
    }
    return false;
  }

  /** Adds the field paths the condition reads (not those inside semi-join subqueries). */
  static void collectFields(Condition c, Collection<String> out) {
    if (c instanceof Condition.And a) {
      a.conditions().forEach(p -> collectFields(p, out));
    } else if (c instanceof Condition.Or o) {
      o.conditions().forEach(p -> collectFields(p, out));
    } else if (c instanceof Condition.Not n) {
      collectFields(n.condition(), out);
    } else if (c instanceof Condition.Comparison cmp) {
      out.add(cmp.field());
    } else if (c instanceof Condition.In in) {
      out.add(in.field());
    } else if (c instanceof Condition.Includes inc) {
      out.add(inc.field());
    } else if (c instanceof Condition.SemiJoin s) {
      out.add(s.field());
    }
  }

  private static int maxDepth(List<Condition> parts) {
    int max = 0;
    for (Condition c : parts) {
      max = Math.max(max, depth(c));
    }
    return max;
  }
}
