package com.scopien.localorg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Query rows as the REST API shows them: {@code attributes} first, then the selected fields in
 * SELECT order under canonical names; child-to-parent paths nested as objects with their own {@code
 * attributes} (or null through an empty lookup); child subqueries as {@code {totalSize, done,
 * records}} (or null when there are no children).
 */
final class QueryRowJson {

  private final RecordStore store;
  private final QueryExecutor executor;

  QueryRowJson(RecordStore store, QueryExecutor executor) {
    this.store = store;
    this.executor = executor;
  }

  /** Renders a page of rows of one plan; child subqueries are run for the page's rows. */
  ArrayNode rows(QueryPlan plan, List<StoredRecord> rows, String base, boolean includeDeleted) {
    List<Map<String, List<StoredRecord>>> children = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    rows.forEach(row -> ids.add(row.id()));
    for (QueryPlan.Column column : plan.columns()) {
      children.add(
          column instanceof QueryPlan.ChildColumn child
              ? executor.children(child, ids, includeDeleted)
              : Map.of());
    }
    List<FieldPath> fieldPaths = new ArrayList<>();
    for (QueryPlan.Column column : plan.columns()) {
      if (column instanceof QueryPlan.FieldColumn field) {
        fieldPaths.add(field.path());
      }
    }
    ArrayNode out = WireFormat.JSON.createArrayNode();
    for (StoredRecord row : rows) {
      out.add(row(row, plan, fieldPaths, children, base, includeDeleted));
    }
    return out;
  }

  private ObjectNode row(
      StoredRecord row,
      QueryPlan plan,
      List<FieldPath> fieldPaths,
      List<Map<String, List<StoredRecord>>> children,
      String base,
      boolean includeDeleted) {
    ObjectNode node = RecordJson.attributes(row.object(), row.id(), base);
    List<QueryPlan.Column> columns = plan.columns();
    for (int i = 0; i < columns.size(); i++) {
      QueryPlan.Column column = columns.get(i);
      if (column instanceof QueryPlan.FieldColumn field) {
        put(node, row, field.path(), fieldPaths, 0, base);
      } else if (column instanceof QueryPlan.ChildColumn child) {
        List<StoredRecord> kids = children.get(i).get(row.id());
        if (kids == null) {
          node.set(child.relationshipName(), NullNode.getInstance());
        } else {
          ObjectNode result = node.putObject(child.relationshipName());
          result.put("totalSize", kids.size());
          result.put("done", true);
          result.set("records", rows(child.plan(), kids, base, includeDeleted));
        }
      }
    }
    return node;
  }

  /**
   * Puts one path at {@code depth} hops into {@code node}: a leaf field, or the nested object of
   * its next relationship holding every selected path through that relationship.
   */
  private void put(
      ObjectNode node,
      StoredRecord row,
      FieldPath path,
      List<FieldPath> all,
      int depth,
      String base) {
    if (path.hops().size() == depth) {
      Object value = path.leafValue(row);
      node.set(path.leafName(), WireFormat.toJson(value));
      return;
    }
    FieldDef hop = path.hops().get(depth);
    if (node.has(hop.relationshipName())) {
      return;
    }
    Object id = row.get(hop.name());
    StoredRecord parent = id == null ? null : store.find((String) id).orElse(null);
    if (parent == null) {
      node.set(hop.relationshipName(), NullNode.getInstance());
      return;
    }
    ObjectNode nested = RecordJson.attributes(parent.object(), parent.id(), base);
    for (FieldPath other : all) {
      if (other.hops().size() > depth && sameHops(other, path, depth + 1)) {
        put(nested, parent, other, all, depth + 1, base);
      }
    }
    node.set(hop.relationshipName(), nested);
  }

  private static boolean sameHops(FieldPath a, FieldPath b, int count) {
    for (int i = 0; i < count; i++) {
      if (!a.hops().get(i).equals(b.hops().get(i))) {
        return false;
      }
    }
    return true;
  }
}
