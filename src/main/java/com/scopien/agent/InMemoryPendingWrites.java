package com.scopien.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Pending writes of one process, for an agent built without a store. Thread-safe. */
final class InMemoryPendingWrites implements PendingWrites {
  private final Map<String, List<PendingWrite>> byConversation = new ConcurrentHashMap<>();
  private final Clock clock;

  InMemoryPendingWrites(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void put(PendingWrite write) {
    byConversation.compute(
        write.conversationId(),
        (id, old) -> {
          List<PendingWrite> all = old == null ? new ArrayList<>() : new ArrayList<>(old);
          all.add(write);
          return List.copyOf(all);
        });
  }

  @Override
  public List<PendingWrite> peek(String conversationId) {
    List<PendingWrite> writes = byConversation.get(conversationId);
    if (writes == null) {
      return List.of();
    }
    if (writes.get(0).createdAt().plus(EXPIRY).isBefore(clock.instant())) {
      byConversation.remove(conversationId, writes);
      return List.of();
    }
    return writes;
  }

  @Override
  public List<PendingWrite> take(String conversationId) {
    List<PendingWrite> writes = peek(conversationId);
    return !writes.isEmpty() && byConversation.remove(conversationId, writes) ? writes : List.of();
  }
}
