package com.scopien.salesforce;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a {@link StreamingSubscription} tells its owner. Every method is called on the
 * subscription's own thread, one call at a time, so an implementation needs no locking of its own
 * for what only these calls touch.
 */
public interface StreamListener {

  /**
   * The events of one delivery, in replay order. When this returns, the subscription counts them as
   * handled and moves its replay ids past them. When it throws, nothing is counted: the
   * subscription backs off, handshakes again and resubscribes from the last handled replay ids, so
   * the events come again.
   */
  void onEvents(List<ChangeEvent> events) throws Exception;

  /** Subscribed (after every handshake) to these channels; refused ones are not among them. */
  default void onConnected(Set<String> channels) {}

  /** The org refused a channel (for example, the object has no change events); it is dropped. */
  default void onRefused(String channel, String error) {}

  /**
   * The replay id asked for is no longer retained (or unknown); the channel was subscribed from the
   * oldest retained event (-2) instead, and changes older than that may be missing.
   */
  default void onReplayReset(String channel, long invalidReplayId) {}

  /** A failure the subscription will retry after {@code retryIn}. */
  default void onError(Exception error, Duration retryIn) {}

  /**
   * The subscription has ended for good: the org has no Streaming API (404), every channel was
   * refused, the session cannot be renewed, or the server advised not to reconnect.
   */
  default void onStopped(String reason) {}
}
