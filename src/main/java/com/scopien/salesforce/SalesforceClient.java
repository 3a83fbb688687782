package com.scopien.salesforce;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One connected org's REST API, as Salesforce speaks it. Implementations call the token's {@code
 * instance_url}, refresh the session once on {@code 401 INVALID_SESSION_ID}, and read {@code
 * Sforce-Limit-Info} on every reply. Thread-safe.
 *
 * <p>Failures are {@link SalesforceException}s: retriable ones (lock errors, 5xx, resets) and
 * permanent ones (bad field, unknown object, limits spent, session that cannot be renewed).
 */
public interface SalesforceClient {

  /** First page of a SOQL query; follow {@link QueryPage#nextRecordsUrl()} with queryMore. */
  QueryPage query(String soql);

  /** Like {@link #query} but includes deleted and archived rows. */
  QueryPage queryAll(String soql);

  /** The next page named by a previous page's {@code nextRecordsUrl}. */
  QueryPage queryMore(String nextRecordsUrl);

  /** One record by Id; {@code fields} empty means every readable field. */
  SObjectRecord retrieve(String object, String id, List<String> fields);

  /** Creates a record and returns its 18-character Id. */
  String create(String object, Map<String, Object> fields);

  /** Updates the given fields of a record. */
  void update(String object, String id, Map<String, Object> fields);

  /** Deletes a record (to the recycle bin). */
  void delete(String object, String id);

  /** Every object the org exposes. */
  List<GlobalObject> describeGlobal();

  /** Fields and properties of one object. */
  ObjectDescribe describe(String object);

  /** The org's {@code /limits}. */
  OrgLimits limits();

  /** The last {@code Sforce-Limit-Info} reading, if any call has been made. */
  Optional<ApiUsage> lastApiUsage();
}
