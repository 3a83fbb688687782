package com.scopien.orgs;

import com.scopien.salesforce.ApiUsage;

/** Receives every {@code Sforce-Limit-Info} reading of an org's client. */
@FunctionalInterface
public interface UsageRecorder {
  void record(String orgId, ApiUsage usage);

  UsageRecorder NONE = (orgId, usage) -> {};
}
