package com.scopien.localorg;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /services/data/} (the version list: no session needed, not metered), {@code GET
 * /services/data/vXX.X/} (the resource directory) and {@code /limits}.
 */
final class DataRootHandler {

  private final OrgIdentity org;
  private final ApiUsageMeter usage;

  DataRootHandler(OrgIdentity org, ApiUsageMeter usage) {
    this.org = org;
    this.usage = usage;
  }

  void versions(Context ctx) {
    ctx.json(ApiVersions.list());
  }

  void resources(RestCall call) {
    String base = call.base();
    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put("composite", base + "/composite");
    resources.put("jobs", base + "/jobs");
    resources.put("limits", base + "/limits");
    resources.put("query", base + "/query");
    resources.put("queryAll", base + "/queryAll");
    resources.put("sobjects", base + "/sobjects");
    resources.put("identity", org.identityUrl(call.userId()));
    call.reply(200, resources);
  }

  void limits(RestCall call) {
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
    limits.put("ConcurrentSyncReportRuns", limit(20, 20));
    limits.put("DailyApiRequests", limit(usage.max(), Math.max(0, usage.max() - usage.used())));
    limits.put("DailyAsyncApexExecutions", limit(250_000, 250_000));
    limits.put("DailyBulkApiBatches", limit(15_000, 15_000));
    limits.put("DailyBulkV2QueryFileStorageMB", limit(976_562, 976_562));
    limits.put("DailyBulkV2QueryJobs", limit(10_000, 10_000));
    limits.put("DailyDurableStreamingApiEvents", limit(10_000, 10_000));
    limits.put(
        "DataStorageMB", limit(org.sandbox() ? 1_024 : 10_240, org.sandbox() ? 1_010 : 10_128));
    limits.put("DurableStreamingApiConcurrentClients", limit(20, 20));
    limits.put(
        "FileStorageMB", limit(org.sandbox() ? 1_024 : 20_480, org.sandbox() ? 1_024 : 20_470));
    limits.put("HourlyPublishedPlatformEvents", limit(50_000, 50_000));
    limits.put("MassEmail", limit(5_000, 5_000));
    limits.put("SingleEmail", limit(5_000, 5_000));
    call.reply(200, limits);
  }

  private static Map<String, Object> limit(long max, long remaining) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("Max", max);
    entry.put("Remaining", remaining);
    return entry;
  }
}
