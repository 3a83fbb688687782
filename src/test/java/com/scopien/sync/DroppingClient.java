package com.scopien.sync;

import com.scopien.ScopienException;
import com.scopien.salesforce.ApiUsage;
import com.scopien.salesforce.GlobalObject;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.OrgLimits;
import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real client whose connection drops for good after a number of pages, as when the process or the
 * network dies mid-sync; {@link #heal()} restores it.
 */
final class DroppingClient implements SalesforceClient {
  private final SalesforceClient delegate;
  private final int pagesBeforeDrop;
  private final AtomicInteger pages = new AtomicInteger();
  private volatile boolean healed;

  DroppingClient(SalesforceClient delegate, int pagesBeforeDrop) {
    this.delegate = delegate;
    this.pagesBeforeDrop = pagesBeforeDrop;
  }

  void heal() {
    healed = true;
  }

  private void page() {
    if (!healed && pages.incrementAndGet() > pagesBeforeDrop) {
      throw new SalesforceException(
          ScopienException.Kind.RETRIABLE,
          "CONNECTION_FAILED",
          0,
          "The connection failed before a reply came.");
    }
  }

  @Override
  public QueryPage query(String soql) {
    QueryPage page = delegate.query(soql);
    if (!page.records().isEmpty()) {
      page();
    }
    return page;
  }

  @Override
  public QueryPage queryAll(String soql) {
    page();
    return delegate.queryAll(soql);
  }

  @Override
  public QueryPage queryMore(String nextRecordsUrl) {
    page();
    return delegate.queryMore(nextRecordsUrl);
  }

  @Override
  public SObjectRecord retrieve(String object, String id, List<String> fields) {
    return delegate.retrieve(object, id, fields);
  }

  @Override
  public String create(String object, Map<String, Object> fields) {
    return delegate.create(object, fields);
  }

  @Override
  public void update(String object, String id, Map<String, Object> fields) {
    delegate.update(object, id, fields);
  }

  @Override
  public void delete(String object, String id) {
    delegate.delete(object, id);
  }

  @Override
  public List<GlobalObject> describeGlobal() {
    return delegate.describeGlobal();
  }

  @Override
  public ObjectDescribe describe(String object) {
    return delegate.describe(object);
  }

  @Override
  public OrgLimits limits() {
    return delegate.limits();
  }

  @Override
  public Optional<ApiUsage> lastApiUsage() {
    return delegate.lastApiUsage();
  }
}
