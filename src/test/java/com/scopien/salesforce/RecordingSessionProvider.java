package com.scopien.salesforce;

import com.scopien.config.Secret;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands out {@code token-0}, then {@code token-1}, ... one per refresh, and counts refreshes. */
final class RecordingSessionProvider implements SessionProvider {
  private final String instanceUrl;
  private final AtomicInteger refreshes = new AtomicInteger();
  private volatile Session current;
  private volatile Runnable beforeRefresh = () -> {};

  RecordingSessionProvider(String instanceUrl) {
    this.instanceUrl = instanceUrl;
    this.current = new Session(Secret.of("token-0"), instanceUrl);
  }

  @Override
  public Session current() {
    return current;
  }

  @Override
  public Session refresh(Session stale) {
    beforeRefresh.run();
    current = new Session(Secret.of("token-" + refreshes.incrementAndGet()), instanceUrl);
    return current;
  }

  void beforeRefresh(Runnable hook) {
    beforeRefresh = hook;
  }

  int refreshes() {
    return refreshes.get();
  }
}
