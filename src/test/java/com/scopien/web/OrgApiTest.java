package com.scopien.web;

import static com.scopien.web.FakeApiKeyAuthenticator.GUEST_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrgApiTest {

  private final WebServerFixture server = new WebServerFixture();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void orgsAreListedWithTheContractsFields() {
    HttpResponse<String> response = server.get("/api/orgs", GUEST_KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.json(response))
        .isEqualTo(
            server.json(
                "[{'id':'org-prod','name':'Acme Production','environment':'production',"
                    + "'instanceUrl':'https://org-prod.my.example.test','status':'active',"
                    + "'lastSyncAt':'2025-06-01T11:58:00Z'},"
                    + "{'id':'org-sbx','name':'Acme Sandbox','environment':'sandbox',"
                    + "'instanceUrl':'https://org-sbx.my.example.test','status':'needs_reauth',"
                    + "'lastSyncAt':null}]"));
  }

  @Test
  void aConversationShowsItsActiveOrg() {
    HttpResponse<String> response = server.get("/api/conversations/conv-7", GUEST_KEY);

    assertThat(server.json(response))
        .isEqualTo(
            server.json(
                "{'conversationId':'conv-7',"
                    + "'org':{'id':'org-prod','name':'Acme Production','environment':'production'}}"));
  }

  @Test
  void theSwitcherChangesTheConversationsOrgByIdNameOrEnvironment() {
    for (String reference : new String[] {"org-sbx", "Acme Sandbox", "sandbox", " sbx "}) {
      server.orgs.switchActiveOrg("conv-7", FakeOrgDirectory.PRODUCTION);

      HttpResponse<String> response =
          server.post(
              "/api/conversations/conv-7/org", GUEST_KEY, "{\"org\":\"" + reference + "\"}");

      assertThat(response.statusCode()).as(reference).isEqualTo(200);
      assertThat(server.json(response).at("/org/id").asText()).isEqualTo("org-sbx");
      assertThat(
              server
                  .json(server.get("/api/conversations/conv-7", GUEST_KEY))
                  .at("/org/environment")
                  .asText())
          .isEqualTo("sandbox");
    }
  }

  @Test
  void anUnknownOrgIsA404AndChangesNothing() {
    HttpResponse<String> response =
        server.post("/api/conversations/conv-7/org", GUEST_KEY, "{\"org\":\"staging-eu\"}");

    server.assertError(response, 404, "unknown_org", "Acme Sandbox");
    assertThat(server.orgs.activeOrg("conv-7")).isEqualTo(FakeOrgDirectory.PRODUCTION);
  }

  @Test
  void aSwitchNeedsAnOrgAndAWellFormedConversationId() {
    server.assertError(
        server.post("/api/conversations/conv-7/org", GUEST_KEY, "{\"org\":5}"),
        400,
        "invalid_type",
        "'org'");
    server.assertError(
        server.post("/api/conversations/conv-7/org", GUEST_KEY, "{}"), 400, "missing_org", "'org'");
    server.assertError(
        server.post(
            "/api/conversations/" + "x".repeat(200) + "/org", GUEST_KEY, "{\"org\":\"sandbox\"}"),
        400,
        "invalid_conversation_id",
        "'id'");
    server.assertError(
        server.get("/api/conversations/a%20b", GUEST_KEY), 400, "invalid_conversation_id", "'id'");
    assertThat(server.orgs.activeOrg("conv-7")).isEqualTo(FakeOrgDirectory.PRODUCTION);
  }
}
