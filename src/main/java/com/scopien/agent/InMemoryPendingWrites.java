package com.scopien.agent;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pending writes of one process, for an agent built without a store. Thread-safe. */
final class InMemoryPendingWrites implements PendingWrites {
  private final Map<String, PendingWrite> byConversation = new ConcurrentHashMap<>();
  private final Clock clock;

  InMemoryPendingWrites(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void put(PendingWrite write) {
    byConversation.put(write.conversationId(), write);
  }

  @Override
  public Optional<PendingWrite> peek(String conversationId) {
    PendingWrite write = byConversation.get(conversationId);
    if (write != null && write.createdAt().plus(EXPIRY).isBefore(clock.instant())) {
      byConversation.remove(conversationId, write);
      return Optional.empty();
    }
    return Optional.ofNullable(write);
  }

  @Override
  public Optional<PendingWrite> take(String conversationId) {
    Optional<PendingWrite> write = peek(conversationId);
    return write.filter(w -> byConversation.remove(conversationId, w));
  }
}
