package com.scopien.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How real-time sync stands for one org.
 *
 * @param connected whether the Streaming API subscription is live now
 * @param streamedObjects objects whose changes arrive as change events
 * @param pollingObjects objects synced by polling instead, each with the reason
 * @param pollEvery how often those are polled
 * @param lastEventAt when the last change event was applied, or null
 * @param lastError the last streaming failure, or null
 */
public record RealtimeStatus(
    String orgId,
    boolean connected,
    List<String> streamedObjects,
    Map<String, String> pollingObjects,
    Duration pollEvery,
    Instant lastEventAt,
    String lastError) {

  public RealtimeStatus {
    streamedObjects = List.copyOf(streamedObjects);
    pollingObjects = Map.copyOf(pollingObjects);
  }

  /** One line for people: what streams and what is polled, and why. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append(connected ? "Real-time: streaming " : "Real-time: connecting for ")
        .append(streamedObjects.isEmpty() ? "no object" : String.join(", ", streamedObjects));
    pollingObjects.forEach(
        (object, reason) ->
            out.append("; real-time unavailable for ")
                .append(object)
                .append(" (")
                .append(reason)
                .append("), polling every ")
                .append(pollEvery.toSeconds())
                .append(" s"));
    return out.toString();
  }
}
