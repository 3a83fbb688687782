package com.scopien.agent;

import com.scopien.ScopienException;
import com.scopien.agent.ChatReply.ToolCallRecord;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.security.Role;
import com.scopien.security.User;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The assistant behind every channel. Each message runs one turn of the model with the tool
 * catalogue (see {@link AgentServiceBuilder}); conversations and their memory are persisted;
 * production writes wait as a pending change until the person confirms, by answering "yes" or
 * through {@link #confirmPending}, and anything else cancels them.
 *
 * <p>Thread-safe: turns of one conversation run one at a time; different conversations run in
 * parallel.
 */
public final class AgentService implements StreamingAssistant {
  static final int MAX_MESSAGE_CHARS = 4_000;
  static final int STORED_MESSAGES = 80;
  static final String NOT_REQUESTER =
      "Only the person who asked for this change or an admin can confirm or cancel it.";

  private final OrgDirectory orgs;
  private final ConversationStore conversations;
  private final PendingWrites pending;
  private final RecordWriter writer;
  private final TurnRunner runner;
  private final Clock clock;
  private final Object[] locks = new Object[64];

  AgentService(
      OrgDirectory orgs,
      ConversationStore conversations,
      PendingWrites pending,
      RecordWriter writer,
      TurnRunner runner,
      Clock clock) {
    this.orgs = orgs;
    this.conversations = conversations;
    this.pending = pending;
    this.writer = writer;
    this.runner = runner;
    this.clock = clock;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /** Starts building an assistant; see {@link AgentServiceBuilder} for what it needs. */
  public static AgentServiceBuilder builder() {
    return new AgentServiceBuilder();
  }

  @Override
  public ChatReply chat(User user, String conversationId, String message) {
    return chat(user, conversationId, message, ChatListener.NONE);
  }

  @Override
  public ChatReply chat(User user, String conversationId, String message, ChatListener listener) {
    return chat(user, conversationId, message, listener, null);
  }

  @Override
  public ChatReply chat(
      User user,
      String conversationId,
      String message,
      ChatListener listener,
      java.time.ZoneId timeZone) {
    if (message == null || message.isBlank()) {
      throw ScopienException.invalid("empty_message", "The message is empty.");
    }
    if (message.length() > MAX_MESSAGE_CHARS) {
      throw ScopienException.invalid(
          "message_too_long", "The message is longer than " + MAX_MESSAGE_CHARS + " characters.");
    }
    MessageText.requireClean(message);
    String id =
        conversationId == null || conversationId.isBlank()
            ? conversations.create(user.id(), clock.instant())
            : owned(user, conversationId);
    synchronized (lock(id)) {
      java.util.Optional<java.time.ZoneId> stored =
          ConversationZones.stored(conversations.getMessages(id));
      java.time.ZoneId zone = timeZone != null ? timeZone : stored.orElse(ReaderZone.UTC);
      ChatReply reply = ReaderZone.with(zone, () -> turn(user, id, message, listener));
      List<ChatMessage> all = new ArrayList<>(conversations.getMessages(id));
      if (timeZone != null && !all.isEmpty()) {
        all.set(all.size() - 1, ConversationZones.tagged(all.get(all.size() - 1), zone));
        conversations.updateMessages(id, all);
      }
      return reply;
    }
  }

  /** One turn: a decision on the waiting writes, or the model's turn. Called under the lock. */
  private ChatReply turn(User user, String id, String message, ChatListener listener) {
    List<PendingWrite> waiting = pending.peek(id);
    String prefix = "";
    if (!waiting.isEmpty()) {
      if (Confirmations.isYes(message)) {
        return apply(user, id, message, listener);
      }
      if (Confirmations.isNo(message)) {
        return cancel(user, id, message, listener);
      }
      pending.take(id);
      prefix =
          "(I cancelled "
              + (waiting.size() == 1 ? "the change" : "the changes")
              + " that was waiting: "
              + summary(waiting)
              + ".)\n\n";
      ReplyChunks.send(prefix, listener);
    }
    List<ChatMessage> history = conversations.getMessages(id);
    TurnRunner.Turn turn =
        runner.run(user, id, orgs.activeOrg(id), history, message.strip(), listener);
    List<ChatMessage> all = new ArrayList<>(history);
    all.addAll(turn.added());
    conversations.updateMessages(id, TurnRunner.window(all, STORED_MESSAGES));
    return reply(id, prefix + turn.reply(), turn.toolCalls());
  }

  /**
   * Carries out the change waiting in the conversation, as the chat panel's and Slack's Confirm
   * button does. The person who asked for the change or an admin may confirm it; a Guest never can.
   * An admin's confirmation is carried out, and audited, as the admin.
   *
   * @throws ScopienException NOT_FOUND {@code unknown_conversation}; NOT_FOUND {@code
   *     no_pending_write} when no change waits (or it expired); FORBIDDEN {@code not_requester}
   *     when {@code user} is neither the person who asked nor an admin, or is a Guest (the change
   *     then still waits)
   */
  public ChatReply confirmPending(User user, String conversationId) {
    String id = existing(conversationId);
    synchronized (lock(id)) {
      mayDecide(user, waiting(id));
      return apply(user, id, "Confirm", ChatListener.NONE);
    }
  }

  /**
   * Drops the change waiting in the conversation, as the Cancel button does; the same people as for
   * {@link #confirmPending} may do it.
   *
   * @throws ScopienException NOT_FOUND {@code unknown_conversation}; NOT_FOUND {@code
   *     no_pending_write}; FORBIDDEN {@code not_requester}
   */
  public ChatReply cancelPending(User user, String conversationId) {
    String id = existing(conversationId);
    synchronized (lock(id)) {
      mayDecide(user, waiting(id));
      return cancel(user, id, "Cancel", ChatListener.NONE);
    }
  }

  /**
   * Who may confirm or cancel a waiting change: the person who asked for it or an admin, and never
   * a Guest (a person whose role was lowered to Guest after asking included).
   */
  static boolean mayDecide(User user, String requesterId) {
    if (user.role() == Role.GUEST) {
      return false;
    }
    return user.id().equals(requesterId) || user.role() == Role.ADMIN;
  }

  private static void mayDecide(User user, List<PendingWrite> writes) {
    for (PendingWrite write : writes) {
      if (!mayDecide(user, write.userId())) {
        throw ScopienException.forbidden("not_requester", NOT_REQUESTER);
      }
    }
  }

  @Override
  public void requireConversation(User user, String conversationId) {
    readable(user, conversationId);
  }

  @Override
  public List<ChatTurn> history(User user, String conversationId) {
    String id = readable(user, conversationId);
    return ChatHistory.turns(conversations.getMessages(id));
  }

  @Override
  public Optional<String> pendingChange(User user, String conversationId) {
    List<PendingWrite> waiting = pending.peek(readable(user, conversationId));
    return waiting.isEmpty() ? Optional.empty() : Optional.of(summary(waiting));
  }

  private List<PendingWrite> waiting(String id) {
    List<PendingWrite> waiting = pending.peek(id);
    if (waiting.isEmpty()) {
      throw nothingPending();
    }
    return waiting;
  }

  private static String summary(List<PendingWrite> writes) {
    return PendingReplies.summary(writes.stream().map(PendingWrite::summary).toList());
  }

  /** Carries out every write waiting in the conversation, in the order asked, as one reply. */
  private ChatReply apply(User user, String id, String said, ChatListener listener) {
    List<PendingWrite> writes = pending.take(id);
    if (writes.isEmpty()) {
      throw nothingPending();
    }
    List<ToolCallRecord> calls = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<java.util.function.UnaryOperator<ConversationState>> changes = new ArrayList<>();
    for (PendingWrite write : writes) {
      listener.toolStarted(write.tool(), write.arguments());
      ToolOutcome outcome =
          mayDecide(user, write.userId())
              ? applyAsUser(user, id, write)
              : ToolOutcome.error(NOT_REQUESTER);
      lines.add(
          outcome.status() == ToolOutcome.Status.OK
              ? outcome.text()
              : "The change was not made: " + outcome.text());
      ToolCallRecord call =
          new ToolCallRecord(write.tool(), write.arguments(), outcome.status().wire());
      calls.add(call);
      listener.toolFinished(call);
      Org org = orgs.byId(write.orgId()).orElse(null);
      changes.add(
          state -> StateUpdates.after(state, write.tool(), write.arguments(), outcome, org));
    }
    String reply = String.join("\n", lines);
    ReplyChunks.send(reply, listener);
    remember(
        id,
        said,
        reply,
        calls,
        state -> {
          ConversationState next = state;
          for (java.util.function.UnaryOperator<ConversationState> change : changes) {
            next = change.apply(next);
          }
          return next;
        });
    return reply(id, reply, calls);
  }

  private ToolOutcome applyAsUser(User user, String id, PendingWrite write) {
    try {
      Org org =
          orgs.byId(write.orgId())
              .orElseThrow(
                  () -> new ToolException("The org of this change is no longer connected."));
      return writer.apply(write, new ToolContext(user, id, org, orgs));
    } catch (ToolException | ScopienException e) {
      return ToolOutcome.error(e.getMessage());
    }
  }

  private ChatReply cancel(User user, String id, String said, ChatListener listener) {
    List<PendingWrite> writes = pending.take(id);
    String reply =
        writes.isEmpty()
            ? "There was nothing waiting to cancel."
            : "Cancelled; nothing was changed. (It would have " + summary(writes) + ".)";
    ReplyChunks.send(reply, listener);
    remember(id, said, reply, List.of(), state -> state);
    return reply(id, reply, List.of());
  }

  private void remember(
      String id,
      String said,
      String reply,
      List<ToolCallRecord> calls,
      java.util.function.UnaryOperator<ConversationState> change) {
    List<ChatMessage> all = new ArrayList<>(conversations.getMessages(id));
    ConversationState state = change.apply(ConversationState.latest(all));
    all.add(UserMessage.from(said));
    all.add(TurnRunner.replyMessage(reply, calls, state));
    conversations.updateMessages(id, TurnRunner.window(all, STORED_MESSAGES));
  }

  private ChatReply reply(String id, String text, List<ToolCallRecord> calls) {
    Org active = orgs.activeOrg(id);
    return new ChatReply(
        id,
        text,
        new ChatReply.OrgSummary(active.id(), active.name(), active.environment().wireName()),
        calls);
  }

  private String existing(String conversationId) {
    return conversations
        .owner(conversationId)
        .map(owner -> conversationId)
        .orElseThrow(
            () ->
                ScopienException.notFound(
                    "unknown_conversation", "There is no conversation with that id."));
  }

  private String owned(User user, String conversationId) {
    return conversations
        .owner(conversationId)
        .filter(owner -> owner.equals(user.id()))
        .map(owner -> conversationId)
        .orElseThrow(
            () ->
                ScopienException.notFound(
                    "unknown_conversation", "There is no conversation with that id."));
  }

  /** Owned by {@code user}, or any existing conversation for an admin. */
  private String readable(User user, String conversationId) {
    return conversations
        .owner(conversationId)
        .filter(owner -> owner.equals(user.id()) || user.role() == Role.ADMIN)
        .map(owner -> conversationId)
        .orElseThrow(
            () ->
                ScopienException.notFound(
                    "unknown_conversation", "There is no conversation with that id."));
  }

  private Object lock(String id) {
    return locks[Math.floorMod(id.hashCode(), locks.length)];
  }

  private static ScopienException nothingPending() {
    return ScopienException.notFound(
        "no_pending_write", "No change is waiting for confirmation in this conversation.");
  }
}
