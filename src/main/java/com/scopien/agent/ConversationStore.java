package com.scopien.agent;

import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Conversations and their chat memory. The memory half is langchain4j's {@link ChatMemoryStore},
 * keyed by conversation id; the other half says who owns a conversation, so one user can never
 * continue another's. Implementations are thread-safe.
 */
interface ConversationStore extends ChatMemoryStore {

  /** Starts a conversation owned by {@code userId} and returns its new id. */
  String create(String userId, Instant now);

  /** The owner of the conversation, or empty when there is no such conversation. */
  Optional<String> owner(String conversationId);
}
