package com.scopien.localorg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Creates, updates and deletes rows the way the org's DML does: checks the body against the schema,
 * fills defaults and derived fields, runs validation rules, enforces unique fields, and stamps
 * CreatedDate/LastModifiedDate/SystemModstamp and the acting user. A write either applies whole or
 * fails with an {@link ApiError} and changes nothing. Writes are serialised (one at a time), which
 * keeps unique checks honest; reads never wait for validation. Every committed write publishes its
 * change event (a unit of {@link #atomically} publishes only if it is not rolled back); the demo
 * data generator fills the store directly and publishes nothing.
 */
final class RecordWriter {

  /** What an upsert did: the record's Id and whether it was created, or the rows it matched. */
  record Upsert(String id, boolean created, List<StoredRecord> ambiguous) {
    boolean isAmbiguous() {
      return !ambiguous.isEmpty();
    }
  }

  private final RecordStore store;
  private final FieldChecks checks;
  private final Clock clock;
  private final ChangeEventPublisher events;

  /** Inside {@link #atomically}: each changed row's state before, by Id (null: created). */
  private Map<String, StoredRecord> journal;

  /** Inside {@link #atomically}: the unit's changes, published only when it commits. */
  private List<ChangeEventPublisher.Change> uncommitted;

  RecordWriter(RecordStore store, Clock clock, ChangeEventPublisher events) {
    this.store = store;
    this.checks = new FieldChecks(store);
    this.clock = clock;
    this.events = events;
  }

  synchronized String create(ObjectDef object, JsonNode body, String userId) {
    if (!object.createable()) {
      throw ApiError.badRequest(
          "INVALID_TYPE_FOR_OPERATION", "entity type cannot be inserted: " + object.name());
    }
    Map<FieldDef, Object> input = parse(object, body, true);
    Object[] values = new Object[object.fields().size()];
    Instant now = now();
    for (FieldDef field : object.fields()) {
      values[object.position(field.name())] = initialValue(object, field, userId);
    }
    input.forEach((field, value) -> values[object.position(field.name())] = value);
    String id = store.newId(object);
    values[0] = id;
    stamp(object, values, userId, now, true);
    finish(object, values, null, null, input, now, userId);
    return id;
  }

  synchronized void update(StoredRecord current, JsonNode body, String userId) {
    ObjectDef object = current.object();
    if (!object.updateable()) {
      throw ApiError.badRequest(
          "INVALID_TYPE_FOR_OPERATION", "entity type cannot be updated: " + object.name());
    }
    Map<FieldDef, Object> input = parse(object, body, false);
    Object[] before = current.copyValues();
    Object[] values = current.copyValues();
    input.forEach((field, value) -> values[object.position(field.name())] = value);
    Instant now = now();
    stamp(object, values, userId, now, false);
    finish(object, values, before, current, input, now, userId);
  }

  synchronized void delete(StoredRecord current, String userId) {
    ObjectDef object = current.object();
    if (!object.deletable()) {
      throw ApiError.badRequest(
          "INVALID_TYPE_FOR_OPERATION", "entity type cannot be deleted: " + object.name());
    }
    Object[] values = current.copyValues();
    values[object.position("IsDeleted")] = true;
    stamp(object, values, userId, now(), false);
    save(new StoredRecord(object, values), current, userId);
  }

  /**
   * Restores a row from the recycle bin, as the SOAP API's {@code undelete()} does: the same Id and
   * values, {@code IsDeleted} false, a new SystemModstamp, and an {@code UNDELETE} change event.
   */
  synchronized void undelete(StoredRecord current, String userId) {
    if (!current.deleted()) {
      throw ApiError.badRequest("UNDELETE_FAILED", "Entity is not in the recycle bin");
    }
    ObjectDef object = current.object();
    Object[] values = current.copyValues();
    values[object.position("IsDeleted")] = false;
    stamp(object, values, userId, now(), false);
    save(new StoredRecord(object, values), current, userId);
  }

  /**
   * Inserts or updates the one live row whose External Id field {@code key} equals {@code value}
   * (ignoring case, as unique text fields do). Several matches write nothing and are returned.
   */
  synchronized Upsert upsert(
      ObjectDef object, FieldDef key, String value, JsonNode body, String userId) {
    List<StoredRecord> matches = store.byExternalId(object, key, value);
    if (matches.size() > 1) {
      return new Upsert(null, false, matches);
    }
    if (matches.size() == 1) {
      update(matches.get(0), body, userId);
      return new Upsert(matches.get(0).id(), false, List.of());
    }
    ObjectNode withKey = body != null && body.isObject() ? ((ObjectNode) body).deepCopy() : null;
    if (withKey != null) {
      withKey.put(key.name(), value);
    }
    return new Upsert(create(object, withKey, userId), true, List.of());
  }

  /**
   * Runs several writes as one unit that readers see whole or not at all. {@code work} gets a
   * rollback action that restores every row the unit has changed so far; an unexpected exception
   * rolls back too.
   */
  synchronized <T> T atomically(Function<Runnable, T> work) {
    return store.exclusively(
        () -> {
          journal = new LinkedHashMap<>();
          uncommitted = new ArrayList<>();
          try {
            T result = work.apply(this::rollback);
            if (!uncommitted.isEmpty()) {
              events.publish(uncommitted);
            }
            return result;
          } catch (RuntimeException e) {
            rollback();
            throw e;
          } finally {
            journal = null;
            uncommitted = null;
          }
        });
  }

  /** Removes a deleted row for good (the recycle bin emptying itself). */
  synchronized void purge(StoredRecord deleted) {
    store.find(deleted.id()).filter(StoredRecord::deleted).ifPresent(store::remove);
  }

  private void rollback() {
    journal.forEach(
        (id, before) -> {
          if (before == null) {
            store.find(id).ifPresent(store::remove);
          } else {
            store.put(before);
          }
        });
    journal.clear();
    uncommitted.clear();
  }

  /** Stores the row; its change event goes out now, or when the enclosing unit commits. */
  private void save(StoredRecord row, StoredRecord before, String userId) {
    if (journal != null) {
      journal.putIfAbsent(row.id(), before);
    }
    store.put(row);
    ChangeEventPublisher.Change change = new ChangeEventPublisher.Change(before, row, userId);
    if (uncommitted != null) {
      uncommitted.add(change);
    } else {
      events.publish(List.of(change));
    }
  }

  private void finish(
      ObjectDef object,
      Object[] values,
      Object[] before,
      StoredRecord previous,
      Map<FieldDef, Object> input,
      Instant now,
      String userId) {
    requireFields(object, values);
    boolean explicitProbability =
        input.keySet().stream().anyMatch(f -> f.name().equals("Probability"));
    DerivedFields.apply(object, values, before, explicitProbability, now);
    StoredRecord row = new StoredRecord(object, values);
    ValidationRules.check(row);
    checkUnique(row, input.keySet());
    save(row, previous, userId);
  }

  private Map<FieldDef, Object> parse(ObjectDef object, JsonNode body, boolean create) {
    if (body == null || !body.isObject()) {
      throw ApiError.badRequest(
          "JSON_PARSER_ERROR", "Can not deserialize SObject out of a non-object token");
    }
    Map<FieldDef, Object> input = new LinkedHashMap<>();
    List<String> readOnly = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      if (name.equals("attributes")) {
        continue;
      }
      if (name.equalsIgnoreCase("Id")) {
        throw ApiError.badRequest(
            "INVALID_FIELD", "The Id field should not be specified in the sobject data.");
      }
      FieldDef field =
          object
              .field(name)
              .orElseThrow(
                  () ->
                      ApiError.badRequest(
                          "INVALID_FIELD",
                          "No such column '" + name + "' on sobject of type " + object.name()));
      if (create ? !field.createable() : !field.updateable()) {
        readOnly.add(field.name());
        continue;
      }
      input.put(field, checks.check(field, FieldValues.fromJson(field, entry.getValue())));
    }
    if (!readOnly.isEmpty()) {
      throw ApiError.badRequest(
          "INVALID_FIELD_FOR_INSERT_UPDATE",
          "Unable to create/update fields: "
              + String.join(", ", readOnly)
              + ". Please check the security settings of this field and verify that it is"
              + " read/write for your profile or permission set.",
          readOnly);
    }
    return input;
  }

  private Object initialValue(ObjectDef object, FieldDef field, String userId) {
    if (field.name().equals("OwnerId")) {
      return userId;
    }
    if (field.autoNumber()) {
      return AutoNumbers.format(object, field, store.nextAutoNumber(object));
    }
    if (field.defaultValue() == null) {
      return null;
    }
    return field.type() == FieldType.BOOLEAN
        ? Boolean.valueOf(field.defaultValue())
        : field.defaultValue();
  }

  private static void stamp(
      ObjectDef object, Object[] values, String userId, Instant now, boolean created) {
    if (created) {
      values[object.position("CreatedDate")] = now;
      values[object.position("CreatedById")] = userId;
    }
    values[object.position("LastModifiedDate")] = now;
    values[object.position("LastModifiedById")] = userId;
    values[object.position("SystemModstamp")] = now;
  }

  private static void requireFields(ObjectDef object, Object[] values) {
    List<String> missing = new ArrayList<>();
    for (FieldDef field : object.fields()) {
      if (!field.nillable()
          && field.createable()
          && field.type() != FieldType.BOOLEAN
          && values[object.position(field.name())] == null) {
        missing.add(field.name());
      }
    }
    if (!missing.isEmpty()) {
      throw ApiError.badRequest(
          "REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing);
    }
  }

  private void checkUnique(StoredRecord row, Iterable<FieldDef> written) {
    for (FieldDef field : written) {
      Object value = row.get(field.name());
      if (!field.unique() || value == null) {
        continue;
      }
      int position = row.object().position(field.name());
      for (StoredRecord other : store.rows(row.object())) {
        if (!other.id().equals(row.id())
            && !other.deleted()
            && value.toString().equalsIgnoreCase(String.valueOf(other.get(position)))) {
          throw ApiError.badRequest(
              "DUPLICATE_VALUE",
              "duplicate value found: "
                  + field.name()
                  + " duplicates value on record with id: "
                  + other.id(),
              List.of());
        }
      }
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
