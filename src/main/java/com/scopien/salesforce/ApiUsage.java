package com.scopien.salesforce;

import java.time.Instant;

/** A reading of {@code Sforce-Limit-Info: api-usage=used/max}, taken at {@code observedAt}. */
public record ApiUsage(long used, long max, Instant observedAt) {}
