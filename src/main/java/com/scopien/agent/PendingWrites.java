package com.scopien.agent;

import java.time.Duration;
import java.util.List;

/**
 * The writes waiting for confirmation in a conversation: all those one turn asked for, confirmed or
 * cancelled together. The agent clears them before a new turn runs, so they never mix turns. Writes
 * older than {@link #EXPIRY} are gone, so a "yes" typed an hour later changes nothing.
 * Implementations are thread-safe, and {@link #take} hands the writes to one caller only, so a
 * double click, or two instances sharing the store, carry them out at most once.
 */
interface PendingWrites {
  Duration EXPIRY = Duration.ofMinutes(15);

  /** Adds a write to the conversation's waiting writes, after those already there. */
  void put(PendingWrite write);

  /** The conversation's waiting writes in the order asked, none when they expired. */
  List<PendingWrite> peek(String conversationId);

  /** Removes and returns all waiting writes; a second caller gets none (no double apply). */
  List<PendingWrite> take(String conversationId);
}
