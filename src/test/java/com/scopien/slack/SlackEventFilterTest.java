package com.scopien.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which events Scopien answers: people mentioning it or writing to it, never bots or edits. */
class SlackEventFilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aMentionIsAnsweredInItsThreadOrStartsOne() {
    var top = incoming(event("app_mention", "C1", "U1", "1.1", null, "<@UBOT> hi"));
    var inThread = incoming(event("app_mention", "C1", "U1", "2.2", "1.1", "<@UBOT> hi"));

    assertThat(top).get().satisfies(m -> assertThat(m.replyThreadTs()).isEqualTo("1.1"));
    assertThat(top.get().threadKey()).isEqualTo("T1:C1:1.1");
    assertThat(inThread).get().satisfies(m -> assertThat(m.replyThreadTs()).isEqualTo("1.1"));
    assertThat(top.get().onlyInKnownThread()).isFalse();
  }

  @Test
  void aDirectMessageIsAnswered() {
    ObjectNode dm = event("message", "D1", "U1", "1.1", null, "show leads");
    dm.put("channel_type", "im");

    assertThat(incoming(dm)).get().satisfies(m -> assertThat(m.channel()).isEqualTo("D1"));
  }

  @Test
  void botsEditsAndTheBotItselfAreIgnored() {
    ObjectNode fromBot = event("message", "D1", "U2", "1.1", null, "x");
    fromBot.put("channel_type", "im").put("bot_id", "B2");
    ObjectNode edited = event("message", "D1", "U1", "1.1", null, "x");
    edited.put("channel_type", "im").put("subtype", "message_changed");
    ObjectNode self = event("message", "D1", "UBOT", "1.1", null, "x");
    self.put("channel_type", "im");
    ObjectNode joined = event("message", "C1", "U1", "1.1", null, "joined");
    joined.put("channel_type", "channel").put("subtype", "channel_join");

    ObjectNode botMessage = JSON.createObjectNode().put("type", "message");
    botMessage.put("subtype", "bot_message").put("bot_id", "B3").put("username", "deploy-bot");
    botMessage.put("channel", "C1").put("channel_type", "channel").put("ts", "3.3");
    botMessage.put("thread_ts", "1.1").put("text", "Deployed");
    // As Slack sends an edit: the new message nested, no user at the top.
    ObjectNode changed = JSON.createObjectNode().put("type", "message");
    changed.put("subtype", "message_changed").put("channel", "D1").put("channel_type", "im");
    changed.put("ts", "4.4").putObject("message").put("user", "U1").put("text", "show leads");
    ObjectNode deleted = event("message", "D1", "U1", "5.5", null, "");
    deleted.put("channel_type", "im").put("subtype", "message_deleted");
    // A mention edited after it was answered comes again as an app_mention marked "edited".
    ObjectNode editedMention = event("app_mention", "C1", "U1", "1.1", null, "<@UBOT> hi!");
    editedMention.putObject("edited").put("user", "U1").put("ts", "1.9");

    for (ObjectNode event :
        new ObjectNode[] {
          fromBot, edited, self, joined, botMessage, changed, deleted, editedMention
        }) {
      assertThat(incoming(event)).as(event.toString()).isEmpty();
    }
    assertThat(incoming(event("reaction_added", "C1", "U1", "1.1", null, ""))).isEmpty();
  }

  @Test
  void aThreadReplyAlsoSentToTheChannelIsStillAPersonsMessage() {
    ObjectNode broadcast = event("message", "C1", "U1", "2.2", "1.1", "and in sandbox?");
    broadcast.put("channel_type", "channel").put("subtype", "thread_broadcast");

    assertThat(incoming(broadcast))
        .get()
        .satisfies(m -> assertThat(m.onlyInKnownThread()).isTrue());
  }

  @Test
  void aChannelMessageCountsOnlyAsAThreadReplyWithoutAMention() {
    ObjectNode reply = event("message", "C1", "U1", "2.2", "1.1", "now the sandbox");
    reply.put("channel_type", "channel");
    ObjectNode mention = event("message", "C1", "U1", "2.2", "1.1", "<@UBOT> now the sandbox");
    mention.put("channel_type", "channel");
    ObjectNode topLevel = event("message", "C1", "U1", "2.2", null, "hello all");
    topLevel.put("channel_type", "channel");

    assertThat(incoming(reply)).get().satisfies(m -> assertThat(m.onlyInKnownThread()).isTrue());
    assertThat(incoming(mention)).isEmpty();
    assertThat(incoming(topLevel)).isEmpty();
  }

  private static Optional<SlackEventsHandler.Incoming> incoming(ObjectNode event) {
    ObjectNode envelope =
        JSON.createObjectNode().put("type", "event_callback").put("team_id", "T1");
    envelope.set("event", event);
    return SlackEventsHandler.incoming(envelope, "UBOT");
  }

  private static ObjectNode event(
      String type, String channel, String user, String ts, String threadTs, String text) {
    ObjectNode event =
        JSON.createObjectNode()
            .put("type", type)
            .put("channel", channel)
            .put("user", user)
            .put("ts", ts)
            .put("text", text);
    if (threadTs != null) {
      event.put("thread_ts", threadTs);
    }
    return event;
  }
}
