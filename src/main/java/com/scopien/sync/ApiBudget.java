package com.scopien.sync;

import com.scopien.salesforce.ApiUsage;
import com.scopien.salesforce.SalesforceClient;
import java.util.Optional;

/**
 * The share of an org's daily API allowance that sync may use, judged from the last {@code
 * Sforce-Limit-Info} reading. Above it, sync pauses at a checkpoint and leaves the rest for people.
 */
final class ApiBudget {
  private final double share;

  ApiBudget(double share) {
    this.share = share;
  }

  /** The reading that says the allowance is spent, or empty while sync may go on. */
  Optional<ApiUsage> exhausted(SalesforceClient client) {
    return client.lastApiUsage().filter(u -> u.max() > 0 && u.used() >= Math.ceil(share * u.max()));
  }

  String describe(ApiUsage usage) {
    return String.format(
        java.util.Locale.ROOT,
        "%,d of %,d daily API calls used (%.0f%%); sync stops at %.0f%%",
        usage.used(),
        usage.max(),
        100.0 * usage.used() / usage.max(),
        100 * share);
  }
}
