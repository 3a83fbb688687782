package com.scopien.salesforce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Keeps what a subscription told it; can be told to fail the next deliveries. */
final class RecordingStreamListener implements StreamListener {
  final List<ChangeEvent> events = new CopyOnWriteArrayList<>();
  final List<Set<String>> connects = new CopyOnWriteArrayList<>();
  final List<String> refused = new CopyOnWriteArrayList<>();
  final List<String> resets = new CopyOnWriteArrayList<>();
  final List<String> errors = new CopyOnWriteArrayList<>();
  final List<String> stops = new CopyOnWriteArrayList<>();
  final AtomicInteger failNext = new AtomicInteger();

  @Override
  public void onEvents(List<ChangeEvent> delivered) {
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("the store is down");
    }
    events.addAll(delivered);
  }

  @Override
  public void onConnected(Set<String> channels) {
    connects.add(channels);
  }

  @Override
  public void onRefused(String channel, String error) {
    refused.add(channel + " " + error);
  }

  @Override
  public void onReplayReset(String channel, long invalidReplayId) {
    resets.add(channel + " " + invalidReplayId);
  }

  @Override
  public void onError(Exception error, Duration retryIn) {
    errors.add(error.getMessage());
  }

  @Override
  public void onStopped(String reason) {
    stops.add(reason);
  }

  List<String> recordIds() {
    List<String> ids = new ArrayList<>();
    events.forEach(e -> ids.addAll(e.recordIds()));
    return ids;
  }

  static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(20);
    }
  }
}
