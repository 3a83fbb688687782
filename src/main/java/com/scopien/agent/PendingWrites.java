package com.scopien.agent;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one pending write per conversation. A new one replaces the old; one older than the expiry
 * is dropped, so a "yes" typed an hour later changes nothing. Thread-safe.
 */
final class PendingWrites {
  static final Duration EXPIRY = Duration.ofMinutes(15);

  private final Map<String, PendingWrite> byConversation = new ConcurrentHashMap<>();
  private final Clock clock;

  PendingWrites(Clock clock) {
    this.clock = clock;
  }

  void put(PendingWrite write) {
    byConversation.put(write.conversationId(), write);
  }

  /** The conversation's pending write, if it has one that has not expired. */
  Optional<PendingWrite> peek(String conversationId) {
    PendingWrite write = byConversation.get(conversationId);
    if (write != null && write.createdAt().plus(EXPIRY).isBefore(clock.instant())) {
      byConversation.remove(conversationId, write);
      return Optional.empty();
    }
    return Optional.ofNullable(write);
  }

  /** Removes and returns the pending write; a second caller gets nothing (no double apply). */
  Optional<PendingWrite> take(String conversationId) {
    Optional<PendingWrite> write = peek(conversationId);
    return write.filter(w -> byConversation.remove(conversationId, w));
  }
}
