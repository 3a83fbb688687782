package com.scopien.sync;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parent paths of a query's SELECT ({@code Account.Name, Owner.Name}) read from the mirror:
 * each relationship resolves through the queried object's describe to its reference field and its
 * one parent object, which must itself be fresh in the mirror. The scan reads the reference fields;
 * the page's parents are then read by Id, and each row gets its parent as Salesforce shapes it: a
 * nested {@link SObjectRecord} of the parent's type holding the selected fields, under the
 * relationship name, or null when the reference is empty. Immutable.
 */
final class MirrorJoin {
  static final MirrorJoin NONE = new MirrorJoin(List.of());

  /**
   * A parent object's name as the mirror stores it, and when its mirror last matched Salesforce.
   */
  record Fresh(String object, Instant asOf) {}

  /**
   * One relationship of the SELECT.
   *
   * @param name the relationship as the query first wrote it
   * @param reference the key of the reference field in the scanned rows
   * @param fields the parent fields selected, as written
   */
  record Parent(String name, String reference, String object, List<String> fields, Instant asOf) {}

  private final List<Parent> parents;

  private MirrorJoin(List<Parent> parents) {
    this.parents = List.copyOf(parents);
  }

  /**
   * How {@code query}'s parent paths read from the mirror, or empty when one cannot be exact: no
   * such relationship, a polymorphic one (several parent objects), or a parent object that is not
   * fresh in the mirror ({@code freshParent} empty).
   */
  static Optional<MirrorJoin> plan(
      ObjectDescribe describe, MirrorQuery query, Function<String, Optional<Fresh>> freshParent) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, List<String>> fields = new HashMap<>();
    for (String path : query.parentPaths()) {
      int dot = path.indexOf('.');
      String key = path.substring(0, dot).toLowerCase(Locale.ROOT);
      names.putIfAbsent(key, path.substring(0, dot));
      List<String> selected = fields.computeIfAbsent(key, k -> new ArrayList<>());
      String field = path.substring(dot + 1);
      if (selected.stream().noneMatch(field::equalsIgnoreCase)) {
        selected.add(field);
      }
    }
    List<Parent> parents = new ArrayList<>();
    for (Map.Entry<String, String> name : names.entrySet()) {
      Optional<FieldDescribe> reference =
          describe.fields().stream()
              .filter(f -> name.getKey().equalsIgnoreCase(f.relationshipName()))
              .findFirst();
      if (reference.isEmpty() || reference.get().referenceTo().size() != 1) {
        return Optional.empty();
      }
      Optional<Fresh> fresh = freshParent.apply(reference.get().referenceTo().get(0));
      if (fresh.isEmpty()) {
        return Optional.empty();
      }
      String field = reference.get().name();
      String key =
          query.select().stream()
              .filter(s -> !MirrorQuery.isParentPath(s) && s.equalsIgnoreCase(field))
              .findFirst()
              .orElse(field);
      parents.add(
          new Parent(
              name.getValue(),
              key,
              fresh.get().object(),
              fields.get(name.getKey()),
              fresh.get().asOf()));
    }
    return Optional.of(new MirrorJoin(parents));
  }

  /** The relationships the SELECT reads, in order of first appearance. */
  List<Parent> parents() {
    return parents;
  }

  /** The query the scan runs: the plain fields selected and the reference fields. */
  MirrorQuery scanned(MirrorQuery query) {
    if (parents.isEmpty()) {
      return query;
    }
    List<String> select = new ArrayList<>();
    query.select().stream().filter(s -> !MirrorQuery.isParentPath(s)).forEach(select::add);
    for (Parent parent : parents) {
      if (!select.contains(parent.reference())) {
        select.add(parent.reference());
      }
    }
    return query.withSelect(select);
  }

  /** The oldest time a parent object's mirror matched Salesforce, if the query reads any. */
  Optional<Instant> asOf() {
    return parents.stream().map(Parent::asOf).min(Comparator.naturalOrder());
  }

  /**
   * The page's rows as the query selected them, parents nested.
   *
   * @throws MirrorScan.NotInMirror when a referenced parent is not in the mirror
   */
  List<Map<String, Object>> rows(
      String orgId, MirrorQuery query, List<Map<String, Object>> scanned, MirrorParents reader) {
    if (parents.isEmpty()) {
      return scanned;
    }
    Map<String, Map<String, Map<String, Object>>> found = new HashMap<>();
    for (Parent parent : parents) {
      List<String> ids =
          scanned.stream()
              .map(r -> r.get(parent.reference()))
              .filter(Objects::nonNull)
              .map(Object::toString)
              .toList();
      found.put(
          parent.name(),
          ids.isEmpty() ? Map.of() : reader.read(orgId, parent.object(), ids, parent.fields()));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : scanned) {
      Map<String, Object> shaped = new LinkedHashMap<>();
      for (String path : query.select()) {
        if (!MirrorQuery.isParentPath(path)) {
          shaped.put(path, row.get(path));
          continue;
        }
        Parent parent = parentOf(path);
        if (shaped.containsKey(parent.name())) {
          continue;
        }
        Object id = row.get(parent.reference());
        shaped.put(
            parent.name(),
            id == null ? null : nested(parent, found.get(parent.name()).get(id.toString())));
      }
      out.add(shaped);
    }
    return out;
  }

  private Parent parentOf(String path) {
    String name = path.substring(0, path.indexOf('.'));
    return parents.stream()
        .filter(p -> p.name().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(IllegalStateException::new);
  }

  private static SObjectRecord nested(Parent parent, Map<String, Object> values) {
    if (values == null) {
      throw new MirrorScan.NotInMirror();
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    parent.fields().forEach(f -> fields.put(f, values.get(f)));
    return new SObjectRecord(parent.object(), fields);
  }
}
