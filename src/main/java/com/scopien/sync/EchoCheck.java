package com.scopien.sync;

import com.scopien.salesforce.ChangeEvent;
import com.scopien.salesforce.FieldDescribe;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells our own push, read back from Salesforce, from a change someone made there. A version is our
 * echo when it carries every value we pushed and, in every field a user can edit, the values the
 * mirror holds for Salesforce's side: only the org's stamps and computed fields moved. A version
 * that carries our push and someone's later edit is a change like any other, so it is counted, and
 * it meets the conflict policy when Scopien has changed the record again since.
 *
 * <p>Editable fields are the plan's updateable ones by its describe; without a describe, every
 * field but the audit stamps. A field the mirror has no value for is not compared.
 */
final class EchoCheck {
  private static final Set<String> STAMPS =
      Set.of(
          "Id",
          "IsDeleted",
          "SystemModstamp",
          "LastModifiedDate",
          "LastModifiedById",
          "CreatedDate",
          "CreatedById",
          "LastActivityDate",
          "LastViewedDate",
          "LastReferencedDate");

  /** Whether a field is editable, by name; null: every field but the stamps. */
  private final Map<String, Boolean> editable;

  private EchoCheck(Map<String, Boolean> editable) {
    this.editable = editable;
  }

  static EchoCheck of(ObjectPlan plan) {
    if (plan.describe() == null) {
      return new EchoCheck(null);
    }
    Map<String, Boolean> editable = new HashMap<>();
    for (FieldDescribe f : plan.describe().fields()) {
      editable.put(f.name(), f.updateable() && !STAMPS.contains(f.name()));
    }
    return new EchoCheck(editable);
  }

  /** Whether {@code remote} is our last push read back, with nothing else changed. */
  boolean isEcho(MirrorRow remote, MirrorStore.State state) {
    Map<String, Object> pushed = state.pushedFields();
    if (pushed == null || pushed.isEmpty() || state.fields() == null) {
      return false;
    }
    for (Map.Entry<String, Object> e : pushed.entrySet()) {
      if (!remote.fields().containsKey(e.getKey())
          || !ConflictHandler.same(remote.fields().get(e.getKey()), e.getValue())) {
        return false;
      }
    }
    Map<String, Object> salesforceSide = salesforceSide(state);
    for (Map.Entry<String, Object> e : remote.fields().entrySet()) {
      String field = e.getKey();
      if (pushed.containsKey(field) || !editable(field) || !salesforceSide.containsKey(field)) {
        continue;
      }
      if (!ConflictHandler.same(e.getValue(), salesforceSide.get(field))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a change event is our last push coming back: an update whose changed editable fields
   * are all fields we pushed, with the values we pushed.
   */
  boolean isEcho(ChangeEvent event, MirrorStore.State state) {
    Map<String, Object> pushed = state.pushedFields();
    if (!"UPDATE".equals(event.changeType()) || pushed == null || pushed.isEmpty()) {
      return false;
    }
    for (String field : event.changedFields()) {
      if (!editable(field)) {
        continue;
      }
      if (!pushed.containsKey(field)
          || !ConflictHandler.same(event.fields().get(field), pushed.get(field))) {
        return false;
      }
    }
    return true;
  }

  private boolean editable(String field) {
    if (editable == null) {
      return !STAMPS.contains(field);
    }
    return editable.getOrDefault(field, false);
  }

  /**
   * The values the mirror holds for Salesforce's side: its fields, less a pending Scopien change
   * (whose fields held {@code localBase} in Salesforce when the change was made).
   */
  private static Map<String, Object> salesforceSide(MirrorStore.State state) {
    if (!state.locallyChanged() || state.localBase() == null) {
      return state.fields();
    }
    Map<String, Object> side = new HashMap<>(state.fields());
    side.putAll(state.localBase());
    return side;
  }
}
