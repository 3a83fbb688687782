package com.scopien.sync;

import com.scopien.salesforce.ApiUsage;
import com.scopien.salesforce.BulkQueryClient;
import com.scopien.salesforce.GlobalObject;
import com.scopien.salesforce.HttpSalesforceClient;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.OrgLimits;
import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.SObjectCollections;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SaveResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the API calls one run makes, by wrapping the org's client. A describe the client answers
 * from its cache is counted too, so the count is an upper bound of what Salesforce counted.
 */
final class CountingClient implements SalesforceClient {
  private final SalesforceClient delegate;
  private final AtomicLong calls = new AtomicLong();

  CountingClient(SalesforceClient delegate) {
    this.delegate = delegate;
  }

  long calls() {
    return calls.get();
  }

  /**
   * sObject Collections on the org's client, when it offers them (the REST client does), with each
   * call counted; empty for clients without them.
   */
  Optional<SObjectCollections> collections() {
    if (!(delegate instanceof HttpSalesforceClient http)) {
      return Optional.empty();
    }
    SObjectCollections real = http.collections();
    return Optional.of(
        new SObjectCollections() {
          @Override
          public List<SaveResult> create(List<SObjectRecord> records, boolean allOrNone) {
            calls.incrementAndGet();
            return real.create(records, allOrNone);
          }

          @Override
          public List<SaveResult> update(List<SObjectRecord> records, boolean allOrNone) {
            calls.incrementAndGet();
            return real.update(records, allOrNone);
          }

          @Override
          public List<SaveResult> upsert(
              String object,
              String externalIdField,
              List<SObjectRecord> records,
              boolean allOrNone) {
            calls.incrementAndGet();
            return real.upsert(object, externalIdField, records, allOrNone);
          }

          @Override
          public List<SaveResult> delete(List<String> ids, boolean allOrNone) {
            calls.incrementAndGet();
            return real.delete(ids, allOrNone);
          }

          @Override
          public List<Optional<SObjectRecord>> retrieve(
              String object, List<String> ids, List<String> fields) {
            calls.incrementAndGet();
            return real.retrieve(object, ids, fields);
          }

          @Override
          public SaveResult upsert(
              String object,
              String externalIdField,
              String externalId,
              Map<String, Object> fields) {
            calls.incrementAndGet();
            return real.upsert(object, externalIdField, externalId, fields);
          }
        });
  }

  /**
   * Bulk API queries on the org's client, when it offers them (the REST client does), with every
   * request counted; empty for clients without them.
   */
  Optional<BulkQueryClient> bulk(Duration pollInterval) {
    if (!(delegate instanceof HttpSalesforceClient http)) {
      return Optional.empty();
    }
    return Optional.of(
        http.bulk(calls::incrementAndGet).withPolling(pollInterval, Duration.ofHours(2)));
  }

  @Override
  public QueryPage query(String soql) {
    calls.incrementAndGet();
    return delegate.query(soql);
  }

  @Override
  public QueryPage queryAll(String soql) {
    calls.incrementAndGet();
    return delegate.queryAll(soql);
  }

  @Override
  public QueryPage queryMore(String nextRecordsUrl) {
    calls.incrementAndGet();
    return delegate.queryMore(nextRecordsUrl);
  }

  @Override
  public SObjectRecord retrieve(String object, String id, List<String> fields) {
    calls.incrementAndGet();
    return delegate.retrieve(object, id, fields);
  }

  @Override
  public String create(String object, Map<String, Object> fields) {
    calls.incrementAndGet();
    return delegate.create(object, fields);
  }

  @Override
  public void update(String object, String id, Map<String, Object> fields) {
    calls.incrementAndGet();
    delegate.update(object, id, fields);
  }

  @Override
  public void delete(String object, String id) {
    calls.incrementAndGet();
    delegate.delete(object, id);
  }

  @Override
  public List<GlobalObject> describeGlobal() {
    calls.incrementAndGet();
    return delegate.describeGlobal();
  }

  @Override
  public ObjectDescribe describe(String object) {
    calls.incrementAndGet();
    return delegate.describe(object);
  }

  @Override
  public OrgLimits limits() {
    calls.incrementAndGet();
    return delegate.limits();
  }

  @Override
  public Optional<ApiUsage> lastApiUsage() {
    return delegate.lastApiUsage();
  }
}
