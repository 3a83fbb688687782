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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real client with faults put in front of it: the connection drops for good after a number of
 * pages, as when the process or the network dies mid-sync ({@link #heal()} restores it), and chosen
 * records come back garbled from queries (not from retrieve by Id).
 */
final class FaultyClient implements SalesforceClient {
  private final SalesforceClient delegate;
  private final int pagesBeforeDrop;
  private final AtomicInteger pages = new AtomicInteger();
  private final Set<String> garbled = ConcurrentHashMap.newKeySet();
  private final List<String> retrieved = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean healed;
  private volatile int faultPage = -1;
  private volatile Runnable fault = () -> {};
  private final AtomicInteger served = new AtomicInteger();

  /**
   * @param pagesBeforeDrop pages served before the connection drops; -1 never drops
   */
  FaultyClient(SalesforceClient delegate, int pagesBeforeDrop) {
    this.delegate = delegate;
    this.pagesBeforeDrop = pagesBeforeDrop;
  }

  void heal() {
    healed = true;
  }

  /** Runs {@code fault} once, just before page number {@code page} (1-based) is fetched. */
  void beforePage(int page, Runnable fault) {
    this.faultPage = page;
    this.fault = fault;
  }

  /** Queries return this record without a readable SystemModstamp. */
  void garble(String id) {
    garbled.add(id);
  }

  /** Queries return every record as it is again. */
  void ungarble() {
    garbled.clear();
  }

  /** The Ids read one by one with retrieve, in order. */
  List<String> retrieved() {
    return List.copyOf(retrieved);
  }

  private void page() {
    if (served.incrementAndGet() == faultPage) {
      fault.run();
    }
    if (!healed && pagesBeforeDrop >= 0 && pages.incrementAndGet() > pagesBeforeDrop) {
      throw new SalesforceException(
          ScopienException.Kind.RETRIABLE,
          "CONNECTION_FAILED",
          0,
          "The connection failed before a reply came.");
    }
  }

  private QueryPage garbled(QueryPage page) {
    if (garbled.isEmpty()) {
      return page;
    }
    List<SObjectRecord> records = new ArrayList<>();
    for (SObjectRecord r : page.records()) {
      SObjectRecord out = r;
      if (garbled.contains(r.id())) {
        Map<String, Object> fields = new LinkedHashMap<>(r.fields());
        fields.put("SystemModstamp", "garbled");
        out = new SObjectRecord(r.type(), fields);
      }
      records.add(out);
    }
    return new QueryPage(page.totalSize(), page.done(), page.nextRecordsUrl(), records);
  }

  @Override
  public QueryPage query(String soql) {
    QueryPage page = delegate.query(soql);
    if (!page.records().isEmpty()) {
      page();
    }
    return garbled(page);
  }

  @Override
  public QueryPage queryAll(String soql) {
    page();
    return garbled(delegate.queryAll(soql));
  }

  @Override
  public QueryPage queryMore(String nextRecordsUrl) {
    page();
    return garbled(delegate.queryMore(nextRecordsUrl));
  }

  @Override
  public SObjectRecord retrieve(String object, String id, List<String> fields) {
    retrieved.add(id);
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
