package com.scopien.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopien.App;
import com.scopien.config.ConfigLoader;
import com.scopien.config.Secret;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.salesforce.SessionProvider;
import com.scopien.security.HmacVerifier;
import com.scopien.security.Role;
import com.scopien.security.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scopien in Slack end to end: the real App (web server, agent with the offline model, demo local
 * orgs over HTTP, H2 store) with its Slack settings pointing at a fake Slack Web API, and every
 * request signed as Slack signs it.
 */
class SlackChannelIT {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String BOT_TOKEN = "xoxb-test-token-123";
  private static final String ADMIN_KEY = "slack-it-admin-key-0123456789";
  private static final String CHANNEL = "C0SALES";
  private static final String ADA = "UADA1";
  private static final String GUS = "UGUS1";
  private static final String NOBODY = "UNOBODY1";
  private static final String LINKED = "ULINKED1";
  private static final String UMA = "UUMA1";
  private static final String OTTO = "UOTTO1";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicInteger SEQ = new AtomicInteger();

  private static FakeSlackServer slack;
  private static App app;
  private static String base;
  private static SalesforceClient production;

  @BeforeAll
  static void start() throws IOException {
    slack = new FakeSlackServer();
    app =
        App.start(
            ConfigLoader.load(
                Map.of(
                    "SCOPIEN_PORT",
                    "0",
                    "SCOPIEN_DATA_DIR",
                    Files.createTempDirectory("scopien-slack-it").toString(),
                    "SCOPIEN_ADMIN_API_KEY",
                    ADMIN_KEY,
                    "SCOPIEN_DEMO",
                    "on",
                    "SCOPIEN_DEMO_SCALE",
                    "0.02",
                    "SCOPIEN_SLACK_SIGNING_SECRET",
                    SECRET,
                    "SCOPIEN_SLACK_BOT_TOKEN",
                    BOT_TOKEN,
                    "SCOPIEN_SLACK_API_URL",
                    slack.apiUrl())),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    base = "http://127.0.0.1:" + app.port();
    app.users().createUser("Ada Admin", "ada@acme.test", Role.ADMIN);
    app.users().createUser("Gus Guest", "gus@acme.test", Role.GUEST);
    // Uma and Otto share their e-mails with the demo org's Salesforce users Sarah Chen and
    // Michael Brown, so that records are visible to them (a User sees only what they own).
    app.users().createUser("Uma User", "sarah.chen@acme.com", Role.USER);
    app.users().createUser("Otto Other", "michael.brown@acme.com", Role.USER);
    slack.email(ADA, "Ada@Acme.test");
    slack.email(GUS, "gus@acme.test");
    slack.email(NOBODY, "nobody@elsewhere.test");
    slack.email(UMA, "sarah.chen@acme.com");
    slack.email(OTTO, "michael.brown@acme.com");
    production = client(app.demoOrgUrls().get(0));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (slack != null) {
      slack.close();
    }
  }

  @Test
  void urlVerificationEchoesTheChallenge() throws Exception {
    String body =
        "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";

    HttpResponse<String> response =
        post("/slack/events", body, "application/json", now(), Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("challenge").asText())
        .isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  @Test
  void aMentionGetsOneThreadedAnswerNamingTheOrgWithRealRecords() throws Exception {
    String ts = ts();
    long started = System.nanoTime();
    HttpResponse<String> ack =
        event(mention(ADA, ts, null, "<@UBOT> show opportunities in production org"));
    long ackMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ackMillis).isLessThan(3_000);
    String sent = answer(CHANNEL, ts).toString();
    FakeSlackServer.Call post = slack.posts(CHANNEL, ts).get(0);
    assertThat(post.authorization()).isEqualTo("Bearer " + BOT_TOKEN);
    assertThat(sent).contains(App.DEMO_PRODUCTION).contains("production").contains("```");
    List<String> names =
        production.query("SELECT Name FROM Opportunity").records().stream()
            .map(r -> String.valueOf(r.get("Name")))
            .toList();
    assertThat(names).anySatisfy(name -> assertThat(sent).contains(SlackText.escape(name)));
    assertThat(sent).doesNotContain("**").doesNotContain("<table");
    settle();
    assertThat(slack.posts(CHANNEL, ts)).hasSize(1);
  }

  @Test
  void aRetriedEventIsAnsweredOnce() throws Exception {
    String ts = ts();
    String event = mention(ADA, ts, null, "<@UBOT> how many leads are there?");

    assertThat(event(event).statusCode()).isEqualTo(200);
    HttpResponse<String> retry =
        post(
            "/slack/events",
            event,
            "application/json",
            now(),
            Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    assertThat(retry.statusCode()).isEqualTo(200);

    slack.await(() -> slack.posts(CHANNEL, ts), 1, WAIT);
    settle();
    assertThat(slack.posts(CHANNEL, ts)).hasSize(1);
  }

  @Test
  void aBadSignatureGets401AndCausesNoWork() throws Exception {
    String ts = ts();
    String event = mention(ADA, ts, null, "<@UBOT> show accounts");
    String timestamp = now();
    String forged =
        "v0="
            + new HmacVerifier().sign(Secret.of("not-the-secret"), "v0:" + timestamp + ":" + event);

    HttpResponse<String> refused =
        send("/slack/events", event, "application/json", timestamp, forged, Map.of());
    HttpResponse<String> unsigned =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/slack/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(refused.body()).path("error").path("code").asText())
        .isEqualTo("invalid_slack_signature");
    // Nothing was taken: the same event, properly signed, is still answered (once).
    assertThat(event(event).statusCode()).isEqualTo(200);
    slack.await(() -> slack.posts(CHANNEL, ts), 1, WAIT);
    settle();
    assertThat(slack.posts(CHANNEL, ts)).hasSize(1);
  }

  @Test
  void aStaleTimestampGets401EvenWhenSignedRight() throws Exception {
    String ts = ts();
    String event = mention(ADA, ts, null, "<@UBOT> show accounts");
    String sixMinutesAgo = String.valueOf(Instant.now().minusSeconds(360).getEpochSecond());
    String sixMinutesAhead = String.valueOf(Instant.now().plusSeconds(360).getEpochSecond());

    assertThat(
            post("/slack/events", event, "application/json", sixMinutesAgo, Map.of()).statusCode())
        .isEqualTo(401);
    assertThat(
            post("/slack/events", event, "application/json", sixMinutesAhead, Map.of())
                .statusCode())
        .isEqualTo(401);
    settle();
    assertThat(slack.posts(CHANNEL, ts)).isEmpty();
  }

  @Test
  void theBotsOwnMessagesEditsAndOtherBotsAreIgnored() throws Exception {
    String ts = ts();
    ObjectNode own = envelope(message("D0BOTDM", FakeSlackServer.BOT_USER, ts, "Here you go"));
    ((ObjectNode) own.path("event")).put("bot_id", FakeSlackServer.BOT_ID);
    ObjectNode ownNoBotId = envelope(message("D0BOTDM", FakeSlackServer.BOT_USER, ts, "Hi"));
    ObjectNode edited = envelope(message("D0BOTDM", ADA, ts, "show accounts"));
    ((ObjectNode) edited.path("event")).put("subtype", "message_changed");

    for (ObjectNode event : List.of(own, ownNoBotId, edited)) {
      assertThat(event(JSON.writeValueAsString(event)).statusCode()).isEqualTo(200);
    }

    // A direct message from a person in the same channel is answered, in its thread.
    String dm = ts();
    event(JSON.writeValueAsString(envelope(message("D0BOTDM", ADA, dm, "list connected orgs"))));
    slack.await(() -> slack.posts("D0BOTDM", dm), 1, WAIT);
    settle();
    assertThat(slack.posts("D0BOTDM", ts)).isEmpty();
  }

  @Test
  void theSlashCommandIsAnsweredThroughTheResponseUrl() throws Exception {
    String hook = "cmd" + SEQ.incrementAndGet();
    String form =
        form(
            Map.of(
                "command",
                "/scopien",
                "text",
                "show opportunities in production org",
                "team_id",
                FakeSlackServer.TEAM,
                "channel_id",
                CHANNEL,
                "user_id",
                ADA,
                "response_url",
                slack.responseUrl(hook),
                "trigger_id",
                "123.456.abc"));

    HttpResponse<String> ack =
        post("/slack/commands", form, "application/x-www-form-urlencoded", now(), Map.of());

    assertThat(ack.statusCode()).isEqualTo(200);
    JsonNode ackBody = JSON.readTree(ack.body());
    assertThat(ackBody.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(ackBody.path("text").asText()).isEqualTo("Working on it…");
    // Progress may come first (when the answer takes a while), each replacing the last.
    JsonNode answer =
        slack
            .await(
                () ->
                    slack.hooks(hook).stream()
                        .filter(c -> c.body().toString().contains("```"))
                        .toList(),
                1,
                WAIT)
            .get(0)
            .body();
    assertThat(answer.path("replace_original").asBoolean()).isTrue();
    assertThat(answer.toString()).contains(App.DEMO_PRODUCTION);
    assertThat(slack.hooks(hook)).allSatisfy(c -> assertThat(c.authorization()).isNull());
    assertThat(slack.hooks(hook).size()).isLessThanOrEqualTo(SlackCommandProgress.MAX_UPDATES + 1);
  }

  @Test
  void helpListsWhatCanBeAskedBothAsACommandAndAsAMention() throws Exception {
    String form =
        form(
            Map.of(
                "command",
                "/scopien",
                "text",
                "help",
                "team_id",
                FakeSlackServer.TEAM,
                "channel_id",
                CHANNEL,
                "user_id",
                ADA,
                "response_url",
                slack.responseUrl("help" + SEQ.incrementAndGet())));
    HttpResponse<String> ack =
        post("/slack/commands", form, "application/x-www-form-urlencoded", now(), Map.of());

    JsonNode help = JSON.readTree(ack.body());
    assertThat(help.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(help.path("text").asText())
        .contains("What you can ask Scopien", "switch to sandbox");

    String ts = ts();
    event(mention(ADA, ts, null, "<@UBOT> help"));
    assertThat(answer(CHANNEL, ts).toString()).contains("What you can ask Scopien");
  }

  @Test
  void anEditedMentionIsNotAnsweredAgain() throws Exception {
    String ts = ts();
    event(mention(ADA, ts, null, "<@UBOT> how many leads are there?"));
    answer(CHANNEL, ts);
    ObjectNode edited =
        (ObjectNode) JSON.readTree(mention(ADA, ts, null, "<@UBOT> how many leads?"));
    ((ObjectNode) edited.path("event")).putObject("edited").put("user", ADA).put("ts", ts());

    assertThat(event(JSON.writeValueAsString(edited)).statusCode()).isEqualTo(200);
    settle();
    assertThat(slack.thread(CHANNEL, ts)).hasSize(1);
  }

  @Test
  void aProductionWriteWaitsForConfirmThenChangesExactlyThatField() throws Exception {
    SObjectRecord before = deal();
    String ts = ts();
    event(mention(ADA, ts, null, "<@UBOT> update the amount of Acme Corp Deal to 80000"));
    FakeSlackServer.Message asked = awaitAnswer(CHANNEL, ts);
    int shown = slack.updates(CHANNEL, asked.ts()).size();

    JsonNode buttons = actions(asked.body());
    assertThat(buttons).as(asked.text()).isNotNull();
    assertThat(buttons.path("elements").findValuesAsText("action_id"))
        .containsExactly("scopien_confirm", "scopien_cancel");
    assertThat(buttons.path("block_id").asText()).isEqualTo("scopien_pending:" + ADA);
    String conversation = buttons.path("elements").get(0).path("value").asText();
    assertThat(asked.text()).contains(App.DEMO_PRODUCTION);
    assertThat(deal().get("Amount")).isEqualTo(before.get("Amount"));

    // A Guest's click changes nothing, is answered privately, and leaves the buttons.
    String gusHook = "gus" + SEQ.incrementAndGet();
    assertThat(click(GUS, "scopien_confirm", asked, gusHook).statusCode()).isEqualTo(200);
    JsonNode refused = slack.await(() -> slack.hooks(gusHook), 1, WAIT).get(0).body();
    assertThat(refused.path("replace_original").asBoolean()).isFalse();
    assertThat(refused.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(refused.path("text").asText())
        .isEqualTo("Only <@" + ADA + "> or an admin can confirm this.");
    assertThat(deal().get("Amount")).isEqualTo(before.get("Amount"));
    assertThat(actions(message(asked).body())).isNotNull();

    String adaHook = "ada" + SEQ.incrementAndGet();
    assertThat(click(ADA, "scopien_confirm", asked, adaHook).statusCode()).isEqualTo(200);
    slack.await(() -> slack.updates(CHANNEL, asked.ts()), shown + 1, WAIT);
    FakeSlackServer.Message done = message(asked);
    assertThat(done.text())
        .contains("Confirmed by <@" + ADA + ">")
        .doesNotContain("asked by")
        .contains(App.DEMO_PRODUCTION);
    assertThat(actions(done.body())).isNull();
    assertThat(slack.hooks(adaHook)).isEmpty();

    SObjectRecord after = deal();
    assertThat(((Number) after.get("Amount")).doubleValue()).isEqualTo(80000.0);
    assertThat(after.get("StageName")).isEqualTo(before.get("StageName"));
    assertThat(after.get("CloseDate")).isEqualTo(before.get("CloseDate"));

    // A second click finds nothing waiting, applies nothing twice and keeps the message.
    String againHook = "again" + SEQ.incrementAndGet();
    click(ADA, "scopien_confirm", asked, againHook);
    JsonNode again = slack.await(() -> slack.hooks(againHook), 1, WAIT).get(0).body();
    assertThat(again.toString()).contains("no longer waiting");
    assertThat(again.path("replace_original").asBoolean()).isFalse();
    assertThat(message(asked).text()).contains("Confirmed by <@" + ADA + ">");
  }

  @Test
  void onlyTheRequesterOrAnAdminMayDecideAnotherPersonsWrite() throws Exception {
    int leads = leadsNamed("Pending");
    String ts = ts();
    event(mention(UMA, ts, null, "<@UBOT> Create a lead for Petra Pending at Globex"));
    FakeSlackServer.Message asked = awaitAnswer(CHANNEL, ts);
    int shown = slack.updates(CHANNEL, asked.ts()).size();
    assertThat(actions(asked.body())).as(asked.text()).isNotNull();

    for (String stranger : List.of(OTTO, GUS)) {
      for (String action : List.of("scopien_confirm", "scopien_cancel")) {
        String hook = stranger + action + SEQ.incrementAndGet();
        click(stranger, action, asked, hook);
        JsonNode refused = slack.await(() -> slack.hooks(hook), 1, WAIT).get(0).body();
        assertThat(refused.path("text").asText())
            .isEqualTo(
                "Only <@"
                    + UMA
                    + "> or an admin can "
                    + (action.endsWith("confirm") ? "confirm" : "cancel")
                    + " this.");
        assertThat(refused.path("replace_original").asBoolean()).isFalse();
      }
    }
    assertThat(slack.updates(CHANNEL, asked.ts())).hasSize(shown);
    assertThat(leadsNamed("Pending")).isEqualTo(leads);

    click(ADA, "scopien_confirm", asked, "adafor" + SEQ.incrementAndGet());
    slack.await(() -> slack.updates(CHANNEL, asked.ts()), shown + 1, WAIT);

    assertThat(message(asked).text())
        .contains("Confirmed by <@" + ADA + ">, asked by <@" + UMA + ">");
    assertThat(actions(message(asked).body())).isNull();
    assertThat(leadsNamed("Pending")).isEqualTo(leads + 1);
  }

  @Test
  void theRequesterMayCancelAndTheMessageSaysWho() throws Exception {
    String ts = ts();
    event(mention(UMA, ts, null, "<@UBOT> Create a lead for Carl Cancelled at Globex"));
    FakeSlackServer.Message asked = awaitAnswer(CHANNEL, ts);
    int shown = slack.updates(CHANNEL, asked.ts()).size();

    click(UMA, "scopien_cancel", asked, "umacancel" + SEQ.incrementAndGet());
    slack.await(() -> slack.updates(CHANNEL, asked.ts()), shown + 1, WAIT);

    assertThat(message(asked).text())
        .contains("Cancelled; nothing was changed")
        .contains("Cancelled by <@" + UMA + ">")
        .doesNotContain("asked by");
    assertThat(leadsNamed("Cancelled")).isZero();
  }

  @Test
  void theChatPanelAppliesTheSameRule() throws Exception {
    String umaKey = keyOf("sarah.chen@acme.com");
    String ottoKey = keyOf("michael.brown@acme.com");
    String gusKey = keyOf("gus@acme.test");
    int leads = leadsNamed("Panel");
    HttpResponse<String> asked =
        api("POST", "/api/chat", "{\"message\":\"Create a lead for Pat Panel at Globex\"}", umaKey);
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    String conversation = JSON.readTree(asked.body()).path("conversationId").asText();
    String body = "{\"conversationId\":\"" + conversation + "\"}";

    for (String key : List.of(ottoKey, gusKey)) {
      for (String path : List.of("/api/chat/confirm", "/api/chat/cancel")) {
        // In the chat panel another person's conversation is answered as if it did not exist.
        HttpResponse<String> refused = api("POST", path, body, key);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
        assertThat(JSON.readTree(refused.body()).path("error").path("code").asText())
            .isEqualTo("unknown_conversation");
      }
    }
    assertThat(leadsNamed("Panel")).isEqualTo(leads);

    HttpResponse<String> confirmed = api("POST", "/api/chat/confirm", body, ADMIN_KEY);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    assertThat(JSON.readTree(confirmed.body()).path("toolCalls").get(0).path("status").asText())
        .isEqualTo("ok");
    assertThat(leadsNamed("Panel")).isEqualTo(leads + 1);
  }

  @Test
  void aGuestCannotWriteFromSlack() throws Exception {
    Object amount = deal().get("Amount");
    String ts = ts();
    event(mention(GUS, ts, null, "<@UBOT> update the amount of Acme Corp Deal to 91000"));
    JsonNode reply = answer(CHANNEL, ts);

    assertThat(actions(reply)).isNull();
    assertThat(reply.toString()).containsIgnoringCase("role");
    assertThat(deal().get("Amount")).isEqualTo(amount);
  }

  @Test
  void anUnknownSlackUserIsToldToAskAnAdminAndSeesNoData() throws Exception {
    String ts = ts();
    event(mention(NOBODY, ts, null, "<@UBOT> show opportunities in production org"));
    JsonNode reply = answer(CHANNEL, ts);

    assertThat(reply.toString()).contains("Ask a Scopien admin").doesNotContain("```");
  }

  @Test
  void aDeactivatedUserIsAnsweredLikeAnUnknownOne() throws Exception {
    User dee = app.users().createUser("Dee Parted", "dee@acme.test", Role.USER);
    slack.email("UDEE1", "dee@acme.test");
    String before = ts();
    event(mention("UDEE1", before, null, "<@UBOT> list connected orgs"));
    assertThat(answer(CHANNEL, before).toString()).doesNotContain("Ask a Scopien admin");

    HttpResponse<String> off =
        api("PATCH", "/api/users/" + dee.id(), "{\"active\":false}", ADMIN_KEY);
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);

    String after = ts();
    event(mention("UDEE1", after, null, "<@UBOT> list connected orgs"));
    assertThat(answer(CHANNEL, after).toString()).contains("Ask a Scopien admin");
  }

  @Test
  void anAdminCanLinkASlackUserWithoutAMatchingEmail() throws Exception {
    String before = ts();
    event(mention(LINKED, before, null, "<@UBOT> list connected orgs"));
    assertThat(answer(CHANNEL, before).toString()).contains("Ask a Scopien admin");

    HttpResponse<String> linked =
        api("PUT", "/api/slack/users/" + LINKED, "{\"email\":\"ada@acme.test\"}", ADMIN_KEY);
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
    assertThat(JSON.readTree(linked.body()).path("email").asText()).isEqualTo("ada@acme.test");
    User gus = app.users().findByEmail("gus@acme.test").orElseThrow();
    String gusKey = app.users().issueKey(gus.id()).key().reveal();
    assertThat(
            api("PUT", "/api/slack/users/UOTHER1", "{\"email\":\"gus@acme.test\"}", gusKey)
                .statusCode())
        .isEqualTo(403);
    assertThat(api("GET", "/api/slack/users", null, null).statusCode()).isEqualTo(401);
    assertThat(api("GET", "/api/slack/users", null, ADMIN_KEY).body()).contains(LINKED);

    String after = ts();
    event(mention(LINKED, after, null, "<@UBOT> list connected orgs"));
    assertThat(answer(CHANNEL, after).toString())
        .contains(App.DEMO_SANDBOX)
        .doesNotContain("Ask a Scopien admin");
  }

  @Test
  void followUpsInAThreadKeepTheThreadsConversation() throws Exception {
    String ts = ts();
    event(mention(ADA, ts, null, "<@UBOT> switch to sandbox"));
    answer(CHANNEL, ts);
    event(mention(ADA, ts(), ts, "<@UBOT> how many leads are there?"));
    JsonNode second = slack.await(() -> slack.answers(CHANNEL, ts), 2, WAIT).get(1).body();

    assertThat(second.toString()).contains(App.DEMO_SANDBOX);
  }

  @Test
  void hiddenFieldsNeverReachSlack() throws Exception {
    List<String> secrets =
        production
            .query(
                "SELECT SSN__c, Bank_Account__c, Salary__c FROM Contact"
                    + " WHERE Name = 'Jane Roe' OR SSN__c != null LIMIT 100")
            .records()
            .stream()
            .flatMap(r -> java.util.stream.Stream.of(r.get("SSN__c"), r.get("Bank_Account__c")))
            .filter(java.util.Objects::nonNull)
            .map(String::valueOf)
            .toList();
    assertThat(secrets).isNotEmpty();

    // Requests that would show the hidden fields if anything let them through.
    List<String> plain = asked("get contact Jane Roe", "describe Contact", "show contacts");
    // Requests that name them: the agent refuses, and no value comes back.
    List<String> named =
        asked("show the SSN__c of contacts", "update the SSN__c of Jane Roe to 111-22-3333");

    assertThat(String.join("\n", plain)).contains("Jane Roe").contains("Email");
    for (String post : plain) {
      assertThat(post).doesNotContain("SSN__c", "Bank_Account__c", "Salary__c");
    }
    for (FakeSlackServer.Call call : slack.all()) {
      assertThat(secrets).noneSatisfy(secret -> assertThat(call.text()).contains(secret));
    }
    assertThat(named).hasSize(2);
  }

  /** Asks each request in its own thread and returns the answers, as sent to Slack. */
  private static List<String> asked(String... requests) throws Exception {
    List<String> answers = new java.util.ArrayList<>();
    for (String request : requests) {
      String ts = ts();
      event(mention(ADA, ts, null, "<@UBOT> " + request));
      answers.add(answer(CHANNEL, ts).toString());
    }
    return answers;
  }

  private static JsonNode actions(JsonNode message) {
    for (JsonNode block : message.path("blocks")) {
      if ("actions".equals(block.path("type").asText())) {
        return block;
      }
    }
    return null;
  }

  private static SObjectRecord deal() {
    return production
        .query(
            "SELECT Id, Amount, StageName, CloseDate FROM Opportunity WHERE Name = 'Acme Corp Deal'")
        .records()
        .get(0);
  }

  /** Clicks a button under a message the bot posted in a channel, as Slack sends the click. */
  private static HttpResponse<String> click(
      String user, String actionId, FakeSlackServer.Message on, String hook) throws Exception {
    JsonNode buttons = actions(on.body());
    ObjectNode payload = JSON.createObjectNode();
    payload.put("type", "block_actions");
    payload.putObject("user").put("id", user);
    payload.putObject("team").put("id", FakeSlackServer.TEAM);
    payload.putObject("channel").put("id", on.channel());
    payload
        .putObject("container")
        .put("type", "message")
        .put("message_ts", on.ts())
        .put("channel_id", on.channel())
        .put("is_ephemeral", false);
    payload.put("response_url", slack.responseUrl(hook));
    payload
        .putArray("actions")
        .addObject()
        .put("action_id", actionId)
        .put("block_id", buttons.path("block_id").asText())
        .put("value", buttons.path("elements").get(0).path("value").asText())
        .put("type", "button");
    String body = form(Map.of("payload", JSON.writeValueAsString(payload)));
    return post("/slack/interactivity", body, "application/x-www-form-urlencoded", now(), Map.of());
  }

  /** The first answer in a thread, once it is there (not a "Working on it…" placeholder). */
  private static FakeSlackServer.Message awaitAnswer(String channel, String ts) {
    return slack.await(() -> slack.answers(channel, ts), 1, WAIT).get(0);
  }

  private static JsonNode answer(String channel, String ts) {
    return awaitAnswer(channel, ts).body();
  }

  /** The message as it reads now. */
  private static FakeSlackServer.Message message(FakeSlackServer.Message posted) {
    return slack.thread(posted.channel(), posted.threadTs()).stream()
        .filter(m -> m.ts().equals(posted.ts()))
        .findFirst()
        .orElseThrow();
  }

  private static int leadsNamed(String lastName) {
    return production
        .query("SELECT Id FROM Lead WHERE LastName = '" + lastName + "'")
        .records()
        .size();
  }

  private static String keyOf(String email) {
    User user = app.users().findByEmail(email).orElseThrow();
    return app.users().issueKey(user.id()).key().reveal();
  }

  private static String mention(String user, String ts, String threadTs, String text)
      throws IOException {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "app_mention");
    event.put("user", user);
    event.put("text", text);
    event.put("ts", ts);
    event.put("channel", CHANNEL);
    event.put("event_ts", ts);
    if (threadTs != null) {
      event.put("thread_ts", threadTs);
    }
    return JSON.writeValueAsString(envelope(event));
  }

  private static ObjectNode message(String channel, String user, String ts, String text) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "message");
    event.put("channel_type", "im");
    event.put("channel", channel);
    event.put("user", user);
    event.put("text", text);
    event.put("ts", ts);
    return event;
  }

  private static ObjectNode envelope(ObjectNode event) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("token", "unused");
    envelope.put("team_id", FakeSlackServer.TEAM);
    envelope.put("api_app_id", "A0APP");
    envelope.set("event", event);
    envelope.put("type", "event_callback");
    envelope.put("event_id", "Ev" + SEQ.incrementAndGet() + "X" + System.nanoTime());
    envelope.put("event_time", Instant.now().getEpochSecond());
    envelope
        .putArray("authorizations")
        .addObject()
        .put("team_id", FakeSlackServer.TEAM)
        .put("user_id", FakeSlackServer.BOT_USER)
        .put("is_bot", true);
    return envelope;
  }

  private static HttpResponse<String> event(String body) throws Exception {
    return post("/slack/events", body, "application/json", now(), Map.of());
  }

  private static HttpResponse<String> post(
      String path, String body, String type, String timestamp, Map<String, String> headers)
      throws IOException, InterruptedException {
    String signature =
        "v0=" + new HmacVerifier().sign(Secret.of(SECRET), "v0:" + timestamp + ":" + body);
    return send(path, body, type, timestamp, signature, headers);
  }

  private static HttpResponse<String> send(
      String path,
      String body,
      String type,
      String timestamp,
      String signature,
      Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", type)
            .header("X-Slack-Request-Timestamp", timestamp)
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> api(String method, String path, String body, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String form(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (out.length() > 0) {
            out.append('&');
          }
          out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return out.toString();
  }

  private static String now() {
    return String.valueOf(Instant.now().getEpochSecond());
  }

  private static String ts() {
    return Instant.now().getEpochSecond() + "." + String.format("%06d", SEQ.incrementAndGet());
  }

  /** Gives a wrongly queued second answer time to show up before asserting there is none. */
  private static void settle() throws InterruptedException {
    Thread.sleep(700);
  }

  private static SalesforceClient client(String url) {
    var token =
        new OAuthClient(HTTP)
            .clientCredentials(url, "scopien-local", Secret.of("scopien-local-secret"));
    return SalesforceClients.create(
        SalesforceClients.newHttpClient(), SessionProvider.fixed(token.session()));
  }
}
