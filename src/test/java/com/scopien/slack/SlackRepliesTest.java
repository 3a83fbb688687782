package com.scopien.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.ScopienException;
import com.scopien.agent.ChatReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackRepliesTest {
  private static final ChatReply.OrgSummary ORG =
      new ChatReply.OrgSummary("org-1", "Acme <Production>", "production");

  @Test
  void aReplyNamesItsOrgAndHasNoButtonsWhenNothingWaits() {
    SlackMessage message =
        SlackReplies.answer(
            new ChatReply(
                "c-1",
                "**3** leads",
                ORG,
                List.of(new ChatReply.ToolCallRecord("count_records", Map.of(), "ok"))),
            "U1");

    assertThat(message.text()).contains("*3* leads").contains("Acme &lt;Production&gt;");
    assertThat(message.blocks())
        .extracting(b -> b.get("type"))
        .containsExactly("section", "context");
    assertThat(message.blocks().get(1).toString())
        .contains("Org: *Acme &lt;Production&gt;* (production)");
  }

  @Test
  void aWaitingWriteGetsConfirmAndCancelForItsConversation() {
    SlackMessage message =
        SlackReplies.answer(
            new ChatReply(
                "conv-42",
                "Waiting for confirmation.",
                ORG,
                List.of(
                    new ChatReply.ToolCallRecord(
                        "update_record", Map.of(), SlackReplies.NEEDS_CONFIRMATION))),
            "UASKER1");

    Map<String, Object> actions = message.blocks().get(message.blocks().size() - 1);
    assertThat(actions.get("type")).isEqualTo("actions");
    assertThat(actions.toString())
        .contains("action_id=scopien_confirm")
        .contains("action_id=scopien_cancel")
        .contains("value=conv-42")
        .contains("block_id=scopien_pending:UASKER1");
    assertThat(SlackBlocks.askedBy("scopien_pending:UASKER1")).isEqualTo("UASKER1");
    assertThat(SlackBlocks.askedBy("scopien_pending")).isNull();
    assertThat(SlackReplies.outcome(message(), "Confirmed by <@U1>").blocks())
        .extracting(b -> b.get("type"))
        .doesNotContain("actions");
  }

  @Test
  void twoWaitingWritesGetOnePairOfButtonsThatActOnBoth() {
    ChatReply.ToolCallRecord waiting =
        new ChatReply.ToolCallRecord("update_record", Map.of(), SlackReplies.NEEDS_CONFIRMATION);
    SlackMessage message =
        SlackReplies.answer(
            new ChatReply(
                "conv-43", "These 2 changes wait together.", ORG, List.of(waiting, waiting)),
            "UASKER1");

    assertThat(message.blocks()).filteredOn(b -> "actions".equals(b.get("type"))).hasSize(1);
    assertThat(message.blocks().get(message.blocks().size() - 1).toString())
        .contains("Confirm all 2")
        .contains("Cancel all 2")
        .contains("value=conv-43");
  }

  @Test
  void aLongReplyIsSplitIntoSectionsSlackAcceptsWithCodeBlocksClosed() {
    StringBuilder table = new StringBuilder("| Name | Amount |\n|---|---|\n");
    for (int i = 0; i < 400; i++) {
      table.append("| Deal number ").append(i).append(" | ").append(i * 1000).append(" |\n");
    }
    SlackMessage message =
        SlackReplies.answer(new ChatReply("c", "Deals:\n\n" + table, ORG, List.of()), null);

    List<String> sections =
        message.blocks().stream()
            .filter(b -> b.get("type").equals("section"))
            .map(b -> (String) ((Map<?, ?>) b.get("text")).get("text"))
            .toList();
    assertThat(sections).hasSizeGreaterThan(3);
    for (String section : sections) {
      assertThat(section.length()).isLessThanOrEqualTo(SlackBlocks.MAX_SECTION_CHARS);
      assertThat(section.split("```", -1).length % 2).as(section).isEqualTo(1);
    }
    assertThat(String.join("", sections)).contains("Deal number 0 ").contains("Deal number 399 ");
    assertThat(message.blocks().size()).isLessThanOrEqualTo(50);
  }

  @Test
  void helpListsWhatCanBeAskedAndFitsInOneSection() {
    assertThat(SlackReplies.asksForHelp("help")).isTrue();
    assertThat(SlackReplies.asksForHelp(" Help? ")).isTrue();
    assertThat(SlackReplies.asksForHelp("")).isTrue();
    assertThat(SlackReplies.asksForHelp("help me find leads")).isFalse();

    assertThat(SlackReplies.HELP)
        .contains("Find records", "Count", "Change data", "Orgs", "Sync", "API budget")
        .contains("switch to sandbox")
        .hasSizeLessThan(SlackBlocks.MAX_SECTION_CHARS);
  }

  @Test
  void aRefusedClickNamesWhoMayDecideOrSaysTheChangeIsGone() {
    ScopienException forbidden = ScopienException.forbidden("not_requester", "x");
    ScopienException gone = ScopienException.notFound("no_pending_write", "x");

    assertThat(SlackInteractionHandler.refusal(forbidden, true, "UASKER1"))
        .isEqualTo("Only <@UASKER1> or an admin can confirm this.");
    assertThat(SlackInteractionHandler.refusal(forbidden, false, null))
        .isEqualTo("Only the person who asked for it or an admin can cancel this.");
    assertThat(SlackInteractionHandler.refusal(forbidden, true, "<!channel>"))
        .doesNotContain("<!channel>");
    assertThat(SlackInteractionHandler.refusal(gone, true, "UASKER1"))
        .isEqualTo(SlackInteractionHandler.NOT_WAITING);
  }

  private static ChatReply message() {
    return new ChatReply("conv-42", "Done.", ORG, List.of());
  }
}
