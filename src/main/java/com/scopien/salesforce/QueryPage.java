package com.scopien.salesforce;

import java.util.List;

/**
 * One page of a query result. {@code totalSize} counts every row the query matched; {@code
 * nextRecordsUrl} is null when {@code done}.
 */
public record QueryPage(
    long totalSize, boolean done, String nextRecordsUrl, List<SObjectRecord> records) {
  public QueryPage {
    records = List.copyOf(records);
  }
}
