package com.scopien.web;

import com.scopien.agent.StreamingAssistant;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import io.javalin.http.Context;

/**
 * The connected orgs and each conversation's active org, for the org list and the chat panel's
 * switcher and badge. A conversation's routes answer 404 unless the caller owns it (admins
 * excepted), checked by the assistant that created it.
 */
final class OrgHandler {

  private final OrgDirectory orgs;
  private final JsonBodyReader reader;
  private final StreamingAssistant conversations;

  OrgHandler(OrgDirectory orgs, JsonBodyReader reader, StreamingAssistant conversations) {
    this.orgs = orgs;
    this.reader = reader;
    this.conversations = conversations;
  }

  /** {@code GET /api/orgs}. */
  void list(Context ctx) {
    ctx.json(orgs.list().stream().map(WireFormat::orgEntry).toList());
  }

  /** {@code GET /api/conversations/{id}}: the org the conversation is working in. */
  void conversation(Context ctx) {
    String id = conversationId(ctx);
    ctx.json(new WireFormat.Conversation(id, WireFormat.orgRef(orgs.activeOrg(id))));
  }

  /**
   * {@code POST /api/conversations/{id}/org} with {@code {"org": ...}}: an org id (what the
   * switcher sends), else anything {@link OrgDirectory#resolve} understands (a name or an
   * environment such as "sandbox").
   */
  void switchOrg(Context ctx) {
    String id = conversationId(ctx);
    String reference = reader.read(ctx).requiredText("org").trim();
    Org org = orgs.byId(reference).orElseGet(() -> orgs.resolve(reference));
    orgs.switchActiveOrg(id, org);
    ctx.json(new WireFormat.Conversation(id, WireFormat.orgRef(org)));
  }

  private String conversationId(Context ctx) {
    String id = JsonBodyReader.conversationId(ctx.pathParam("id"), "id");
    conversations.requireConversation(ApiKeyAuthHandler.user(ctx), id);
    return id;
  }
}
