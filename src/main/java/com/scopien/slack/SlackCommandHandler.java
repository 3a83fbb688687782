package com.scopien.slack;

import com.scopien.ScopienException;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Map;

/**
 * {@code POST /slack/commands}: the {@code /scopien <request>} slash command. It acknowledges at
 * once with an ephemeral "Working on it…", shows the assistant's progress in its place through the
 * command's {@code response_url} when the answer takes a while, and delivers the answer there,
 * replacing it. Answers are ephemeral: CRM data asked for by one person, with their role, is shown
 * to that person only. Successive commands in one channel continue one conversation per person, so
 * "/scopien switch to sandbox" carries over to the next command.
 */
final class SlackCommandHandler {
  static final String WORKING = "Working on it…";
  static final String BUSY = "Scopien is busy right now; please try again in a minute.";

  private final SlackGate gate;
  private final SlackWorkers workers;
  private final SlackAnswerer answerer;

  SlackCommandHandler(SlackGate gate, SlackWorkers workers, SlackAnswerer answerer) {
    this.gate = gate;
    this.workers = workers;
    this.answerer = answerer;
  }

  void handle(Context ctx) {
    String body = gate.verifiedBody(ctx);
    if (body == null) {
      return;
    }
    Map<String, String> form = SlackGate.form(body);
    String team = required(form, "team_id");
    String channel = required(form, "channel_id");
    String user = required(form, "user_id");
    URI responseUrl = responseUrl(required(form, "response_url"));
    String text = form.getOrDefault("text", "").strip();
    if (SlackReplies.asksForHelp(text)) {
      ephemeral(ctx, SlackReplies.HELP);
      return;
    }
    String key = SlackConversations.threadKey(team, channel, "slash");
    boolean queued =
        workers.submit(
            "answer /scopien",
            () ->
                answerer.answerCommand(
                    answerer.identify(user), user, key, SlackText.plain(text, null), responseUrl));
    ephemeral(ctx, queued ? WORKING : BUSY);
  }

  private static void ephemeral(Context ctx, String mrkdwn) {
    ctx.json(Map.of("response_type", "ephemeral", "text", mrkdwn));
  }

  private static String required(Map<String, String> form, String field) {
    String value = form.get(field);
    if (value == null || value.isBlank()) {
      throw ScopienException.invalid("missing_" + field, "The command has no " + field + ".");
    }
    return value.strip();
  }

  static URI responseUrl(String raw) {
    try {
      return URI.create(raw);
    } catch (IllegalArgumentException e) {
      throw ScopienException.invalid("invalid_response_url", "The response_url is not a URL.");
    }
  }
}
