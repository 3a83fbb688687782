package com.scopien.localorg;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The org's rows, one table per object in Id (creation) order, held in memory. Rows are immutable
 * and replaced on write; readers get snapshot lists. Deleted rows stay in their table with
 * IsDeleted set (the recycle bin), which is what queryAll and the {@code deleted} resource read,
 * until {@link RecycleBin} purges them. Thread-safe; validation and change stamping live in {@link
 * RecordWriter}.
 */
final class RecordStore {

  private final OrgSchema schema;
  private final IdGenerator ids;
  private final Map<String, Map<String, StoredRecord>> tables = new HashMap<>();
  private final Map<String, Long> autoNumbers = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  RecordStore(OrgSchema schema, IdGenerator ids) {
    this.schema = schema;
    this.ids = ids;
    for (ObjectDef object : schema.objects()) {
      tables.put(object.name(), new LinkedHashMap<>());
    }
  }

  OrgSchema schema() {
    return schema;
  }

  String newId(ObjectDef object) {
    return ids.next(object.keyPrefix());
  }

  /** The next value of the object's auto-number sequence (Case Number, Invoice Name). */
  long nextAutoNumber(ObjectDef object) {
    lock.writeLock().lock();
    try {
      return autoNumbers.merge(object.name(), 1L, Long::sum);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Inserts the row, or replaces the row with the same Id. */
  void put(StoredRecord row) {
    lock.writeLock().lock();
    try {
      tables.get(row.object().name()).put(row.id(), row);
    } finally {
      lock.writeLock().unlock();
    }
  }

  void putAll(Collection<StoredRecord> rows) {
    lock.writeLock().lock();
    try {
      for (StoredRecord row : rows) {
        tables.get(row.object().name()).put(row.id(), row);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes a row for good: a purge from the recycle bin, or a create being undone. */
  void remove(StoredRecord row) {
    lock.writeLock().lock();
    try {
      tables.get(row.object().name()).remove(row.id());
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Runs {@code work} while no other thread can read or write the store, so that several writes (an
   * all-or-none collection) appear at once or not at all. The calling thread may still read.
   */
  <T> T exclusively(Supplier<T> work) {
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The live row of a 15- or 18-character Id, as Salesforce judges it in a record-level operation:
   * {@code MALFORMED_ID} for a bad Id, {@code INVALID_CROSS_REFERENCE_KEY} for an unknown one or
   * one of another object than {@code expected} (null accepts any), {@code ENTITY_IS_DELETED} for a
   * row in the recycle bin.
   */
  StoredRecord live(String idText, ObjectDef expected) {
    String id =
        SalesforceIds.normalize(idText)
            .orElseThrow(
                () ->
                    ApiError.badRequest(
                        "MALFORMED_ID",
                        "Id: id value of incorrect type: " + idText,
                        List.of("Id")));
    StoredRecord row =
        find(id)
            .filter(r -> expected == null || r.object() == expected)
            .orElseThrow(
                () ->
                    ApiError.badRequest(
                        "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of()));
    if (row.deleted()) {
      throw ApiError.entityIsDeleted();
    }
    return row;
  }

  /** A row by its canonical 18-character Id, deleted or not. */
  Optional<StoredRecord> find(String id18) {
    Optional<ObjectDef> object = schema.byKeyPrefix(SalesforceIds.keyPrefix(id18));
    if (object.isEmpty()) {
      return Optional.empty();
    }
    lock.readLock().lock();
    try {
      return Optional.ofNullable(tables.get(object.get().name()).get(id18));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A snapshot of the object's rows in Id order, deleted ones included. */
  List<StoredRecord> rows(ObjectDef object) {
    lock.readLock().lock();
    try {
      return new ArrayList<>(tables.get(object.name()).values());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The live rows whose {@code key} field holds {@code text}: the way External Ids match, ignoring
   * case for text and by value for numbers.
   *
   * @throws ApiError JSON_PARSER_ERROR when the text is not a value of the field's type
   */
  List<StoredRecord> byExternalId(ObjectDef object, FieldDef key, String text) {
    Object wanted = FieldValues.fromJson(key, JsonNodeFactory.instance.textNode(text));
    List<StoredRecord> matches = new ArrayList<>();
    int position = object.position(key.name());
    for (StoredRecord row : rows(object)) {
      Object have = row.get(position);
      boolean same =
          have instanceof String s
              ? s.equalsIgnoreCase(String.valueOf(wanted))
              : have != null && have.equals(wanted);
      if (same && !row.deleted()) {
        matches.add(row);
      }
    }
    return matches;
  }

  int count(ObjectDef object, boolean includeDeleted) {
    lock.readLock().lock();
    try {
      Collection<StoredRecord> rows = tables.get(object.name()).values();
      if (includeDeleted) {
        return rows.size();
      }
      int live = 0;
      for (StoredRecord row : rows) {
        if (!row.deleted()) {
          live++;
        }
      }
      return live;
    } finally {
      lock.readLock().unlock();
    }
  }
}
