package com.scopien.slack;

import com.scopien.agent.StreamingAssistant;
import com.scopien.config.ScopienConfig;
import com.scopien.security.AuditLog;
import com.scopien.security.HmacVerifier;
import com.scopien.security.UserService;
import com.scopien.web.PendingWrites;
import com.scopien.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Scopien in Slack: the Events API ({@code POST /slack/events}), the {@code /scopien} slash command
 * ({@code POST /slack/commands}), the Confirm / Cancel buttons ({@code POST /slack/interactivity}),
 * and the admin API for Slack user links ({@code /api/slack/users}). Add it to the web server with
 * {@link WebServer#withRoutes}; close it after the server stops, to let queued answers finish.
 *
 * <p>Every {@code /slack} request must carry Slack's signature over its raw body (see {@link
 * SlackRequestVerifier}); anything else gets 401 and causes no work. Without Slack settings the
 * {@code /slack} routes answer 503 and the rest of Scopien works as before. Slack users act as the
 * Scopien user an admin linked them to, or else the one with their Slack email; nobody else gets
 * data. The assistant applies their role exactly as in the chat panel.
 */
public final class SlackChannel implements WebServer.Routes, AutoCloseable {
  private static final int WORKERS = 4;
  private static final int QUEUE = 100;

  /** An answer ready within this is posted at once; a longer one shows "Working on it…" first. */
  static final Duration PROGRESS_GRACE = Duration.ofMillis(800);

  /** Slack allows about one chat.update a second per message. */
  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

  private final Handler events;
  private final Handler commands;
  private final Handler interactivity;
  private final SlackAdminHandler admin;
  private final SlackWorkers workers;
  private final ScheduledExecutorService ticker;

  private SlackChannel(
      Handler events,
      Handler commands,
      Handler interactivity,
      SlackAdminHandler admin,
      SlackWorkers workers,
      ScheduledExecutorService ticker) {
    this.events = events;
    this.commands = commands;
    this.interactivity = interactivity;
    this.admin = admin;
    this.workers = workers;
    this.ticker = ticker;
  }

  /**
   * Builds the channel.
   *
   * @param settings empty when Slack is not configured: the {@code /slack} routes then answer 503
   * @param pending the Confirm / Cancel side of the same assistant
   * @param http the client for Slack's Web API and response URLs
   */
  public static SlackChannel create(
      Optional<ScopienConfig.Slack> settings,
      StreamingAssistant assistant,
      PendingWrites pending,
      UserService users,
      AuditLog audit,
      SlackStore store,
      HttpClient http,
      Clock clock) {
    SlackAdminHandler admin = new SlackAdminHandler(new SlackUserLinks(store, users, audit, clock));
    if (settings.isEmpty()) {
      Handler off =
          ctx ->
              SlackGate.reject(
                  ctx,
                  503,
                  "slack_not_configured",
                  "Slack is not set up on this server: set SCOPIEN_SLACK_SIGNING_SECRET and"
                      + " SCOPIEN_SLACK_BOT_TOKEN.");
      return new SlackChannel(off, off, off, admin, null, null);
    }
    ScopienConfig.Slack slack = settings.get();
    SlackClient client = new HttpSlackClient(http, slack.apiUrl(), slack.botToken());
    SlackGate gate =
        new SlackGate(new SlackRequestVerifier(slack.signingSecret(), new HmacVerifier(), clock));
    SlackWorkers workers = new SlackWorkers(WORKERS, QUEUE);
    ScheduledExecutorService ticker = SlackWorkers.ticker();
    SlackAnswerer answerer =
        new SlackAnswerer(
            new SlackIdentities(store, client, users, clock),
            new SlackConversations(assistant, store, clock),
            client,
            new SlackAnswerer.Pacing(ticker, PROGRESS_GRACE, PROGRESS_INTERVAL));
    SlackEventsHandler events =
        new SlackEventsHandler(gate, store, workers, answerer, new SlackBot(client), clock);
    SlackCommandHandler commands = new SlackCommandHandler(gate, workers, answerer);
    SlackInteractionHandler buttons =
        new SlackInteractionHandler(gate, workers, answerer, pending, client);
    return new SlackChannel(
        events::handle, commands::handle, buttons::handle, admin, workers, ticker);
  }

  @Override
  public void addTo(Javalin app) {
    app.post("/slack/events", events);
    app.post("/slack/commands", commands);
    app.post("/slack/interactivity", interactivity);
    app.get("/api/slack/users", admin::list);
    app.put("/api/slack/users/{slackUserId}", admin::link);
    app.delete("/api/slack/users/{slackUserId}", admin::unlink);
  }

  /** Lets queued answers finish (for a while) and stops the workers. */
  @Override
  public void close() {
    if (workers != null) {
      workers.close();
    }
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
