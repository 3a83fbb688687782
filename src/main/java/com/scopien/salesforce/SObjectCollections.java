package com.scopien.salesforce;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads of up to {@value #MAX_RECORDS} records in one API call (sObject Collections),
 * and upsert by External Id. Results come back one per input, in order. With {@code allOrNone}
 * Salesforce applies all records or none: on any failure nothing is written and the other records
 * report {@code ALL_OR_NONE_OPERATION_ROLLED_BACK} ({@link SaveResult#rolledBack()}). Without it
 * each record stands alone and record errors (including {@code UNABLE_TO_LOCK_ROW}) are the
 * caller's to retry.
 *
 * <p>Request-level failures are {@link SalesforceException}s, retried as the client's {@link
 * RetryPolicy} allows for idempotent calls only: update, upsert, delete and retrieve are; create is
 * never retried, since a lost reply may hide records that exist. A retried delete may report {@code
 * ENTITY_IS_DELETED} for records its first attempt deleted. Thread-safe.
 */
public interface SObjectCollections {

  int MAX_RECORDS = 200;

  /** Creates records; each names its object in {@link SObjectRecord#type()} and has no Id. */
  List<SaveResult> create(List<SObjectRecord> records, boolean allOrNone);

  /** Updates records; each carries its {@code Id} and the fields to change. */
  List<SaveResult> update(List<SObjectRecord> records, boolean allOrNone);

  /**
   * Inserts or updates records of one object matched on {@code externalIdField}, which each record
   * must carry; {@link SaveResult#created()} says which were inserted.
   */
  List<SaveResult> upsert(
      String object, String externalIdField, List<SObjectRecord> records, boolean allOrNone);

  /** Deletes records (to the recycle bin) by Id. */
  List<SaveResult> delete(List<String> ids, boolean allOrNone);

  /**
   * Reads up to 2,000 records of one object by Id, in the order asked; empty for Ids that do not
   * exist or are deleted.
   */
  List<Optional<SObjectRecord>> retrieve(String object, List<String> ids, List<String> fields);

  /**
   * Upserts one record by External Id ({@code PATCH /sobjects/{object}/{field}/{value}}).
   *
   * @throws SalesforceException {@code MULTIPLE_CHOICES} (CONFLICT) when several records match
   */
  SaveResult upsert(
      String object, String externalIdField, String externalId, Map<String, Object> fields);
}
