package com.scopien.slack;

import java.util.List;
import java.util.Map;

/**
 * A message as Slack's Web API takes it: {@code text} (mrkdwn, also the notification fallback) and
 * Block Kit {@code blocks}, already escaped and formatted.
 */
record SlackMessage(String text, List<Map<String, Object>> blocks) {
  SlackMessage {
    blocks = List.copyOf(blocks);
  }

  /** A plain note: one section block holding {@code mrkdwn}. */
  static SlackMessage note(String mrkdwn) {
    return new SlackMessage(mrkdwn, List.of(SlackBlocks.section(mrkdwn)));
  }
}
