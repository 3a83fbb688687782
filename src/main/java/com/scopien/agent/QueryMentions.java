package com.scopien.agent;

import com.scopien.ScopienException;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.security.FieldSecurity;
import com.scopien.security.User;
import com.scopien.soql.Condition;
import com.scopien.soql.SelectItem;
import com.scopien.soql.SoqlQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Refuses a query that mentions, anywhere, a field or object the caller may not read: SELECT,
 * aggregate arguments, WHERE, GROUP BY, ORDER BY, and every semi-join and anti-join subquery
 * ({@code Id IN (SELECT AccountId FROM Contact WHERE SSN__c LIKE '916%')}), whose answer would
 * otherwise let a caller learn a hidden value one yes-or-no at a time. Parent paths are followed
 * hop by hop ({@code Account.Owner.Name}); through a polymorphic lookup ({@code Who.SSN__c}) the
 * field must be readable on every object the lookup may point to.
 *
 * <p>The refusal names the field as the caller wrote it, never a value. Stateless apart from its
 * collaborators; thread-safe.
 */
final class QueryMentions {
  private final FieldSecurity fieldSecurity;
  private final Function<String, ObjectDescribe> describe;

  /**
   * @param describe the org's describe of an object by API name; throws {@code unknown_object} for
   *     an object the org does not have
   */
  QueryMentions(FieldSecurity fieldSecurity, Function<String, ObjectDescribe> describe) {
    this.fieldSecurity = fieldSecurity;
    this.describe = describe;
  }

  /**
   * Checks {@code query}, whose FROM object is {@code object}, and every query nested in it.
   *
   * @throws ScopienException FORBIDDEN {@code hidden_field} or {@code hidden_object}; INVALID_INPUT
   *     {@code invalid_field} or {@code unsupported_soql}
   */
  void check(User user, ObjectDescribe object, SoqlQuery query) {
    requireObject(user, object.name());
    for (SelectItem item : query.select()) {
      if (item instanceof SelectItem.SubQuery) {
        throw ScopienException.invalid(
            "unsupported_soql", "Child subqueries are not available through Scopien yet.");
      }
      if (item instanceof SelectItem.FieldsFunction f
          && f.kind() != SelectItem.FieldsKind.STANDARD) {
        throw ScopienException.invalid(
            "unsupported_soql",
            "FIELDS(" + f.kind() + ") could read hidden fields; name the fields you need.");
      }
    }
    for (String path : query.fieldPaths()) {
      checkPath(user, object, withoutAlias(query.alias(), path), path);
    }
    for (SoqlQuery inner : semiJoins(query.where())) {
      check(user, describe.apply(inner.from()), inner);
    }
  }

  /** The subqueries of every semi-join and anti-join in the condition, however deep. */
  static List<SoqlQuery> semiJoins(Condition condition) {
    List<SoqlQuery> out = new ArrayList<>();
    collect(condition, out);
    return out;
  }

  private static void collect(Condition c, List<SoqlQuery> out) {
    if (c instanceof Condition.And and) {
      and.conditions().forEach(p -> collect(p, out));
    } else if (c instanceof Condition.Or or) {
      or.conditions().forEach(p -> collect(p, out));
    } else if (c instanceof Condition.Not not) {
      collect(not.condition(), out);
    } else if (c instanceof Condition.SemiJoin join) {
      out.add(join.query());
    }
  }

  private void checkPath(User user, ObjectDescribe object, String path, String written) {
    String[] parts = path.split("\\.");
    walk(user, object, parts, 0, written);
  }

  /** Follows {@code parts[at..]} from {@code object}; every object it may reach is checked. */
  private void walk(User user, ObjectDescribe object, String[] parts, int at, String written) {
    requireObject(user, object.name());
    String name = parts[at];
    if (at == parts.length - 1) {
      FieldDescribe field =
          object
              .field(name)
              .orElseThrow(
                  () ->
                      ScopienException.invalid(
                          "invalid_field",
                          "No such column '" + name + "' on entity '" + object.name() + "'."));
      requireVisible(user, object.name(), field.name(), written);
      return;
    }
    FieldDescribe relation =
        object.fields().stream()
            .filter(f -> name.equalsIgnoreCase(f.relationshipName()))
            .findFirst()
            .orElseThrow(
                () ->
                    ScopienException.invalid(
                        "invalid_field",
                        "No relationship '" + name + "' on entity '" + object.name() + "'."));
    // The lookup field itself (AccountId for Account.Name) is read too.
    requireVisible(user, object.name(), relation.name(), written);
    if (relation.referenceTo().isEmpty()) {
      throw ScopienException.invalid(
          "invalid_field", "'" + name + "' on '" + object.name() + "' leads nowhere.");
    }
    boolean polymorphic = relation.referenceTo().size() > 1;
    int reachable = 0;
    for (String target : relation.referenceTo()) {
      ObjectDescribe parent;
      try {
        parent = describe.apply(target);
      } catch (ScopienException e) {
        if (polymorphic && "unknown_object".equals(e.code())) {
          continue;
        }
        throw e;
      }
      if (polymorphic && !hasPath(parent, parts, at + 1)) {
        // Salesforce resolves a polymorphic path only on the targets that have it.
        requireVisible(user, parent.name(), parts[parts.length - 1], written);
        continue;
      }
      walk(user, parent, parts, at + 1, written);
      reachable++;
    }
    if (reachable == 0) {
      throw ScopienException.invalid(
          "invalid_field", "No object that '" + name + "' points to has '" + written + "'.");
    }
  }

  private static boolean hasPath(ObjectDescribe object, String[] parts, int at) {
    if (at == parts.length - 1) {
      return object.field(parts[at]).isPresent();
    }
    return object.fields().stream().anyMatch(f -> parts[at].equalsIgnoreCase(f.relationshipName()));
  }

  private void requireObject(User user, String object) {
    if (!fieldSecurity.isObjectVisible(user.role(), object)) {
      throw ScopienException.forbidden(
          "hidden_object",
          "Your role may not read "
              + object
              + " records; ask an admin to open this object to your role.");
    }
  }

  private void requireVisible(User user, String object, String field, String written) {
    if (!fieldSecurity.isVisible(user.role(), object, field)) {
      throw hidden(written);
    }
  }

  private static ScopienException hidden(String written) {
    return ScopienException.forbidden(
        "hidden_field",
        "The query mentions '"
            + written
            + "', which is hidden from your role by field-level security; a hidden field cannot be"
            + " selected, filtered, sorted, grouped or used in a subquery. Remove it and try again.");
  }

  private static String withoutAlias(String alias, String path) {
    if (alias == null) {
      return path;
    }
    String prefix = alias.toLowerCase(Locale.ROOT) + ".";
    return path.toLowerCase(Locale.ROOT).startsWith(prefix)
        ? path.substring(prefix.length())
        : path;
  }
}
