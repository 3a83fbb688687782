package com.scopien.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.security.Redactor;
import com.scopien.store.Database;
import com.scopien.store.TestDatabases;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Chat memory in the store (migration V3) on H2 and PostgreSQL: a conversation survives a new agent
 * over the same database, and confirmed writes land in the audit log.
 */
class StoredConversationTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Engine.class)
  void historySurvivesARestartAndWritesAreAudited(TestDatabases.Engine engine) {
    try (Database db = TestDatabases.open(engine)) {
      AgentFixture fixture = new AgentFixture();
      AuditLog audit =
          new AuditLog(db.jdbc(), FieldSecurity.defaults(), Redactor.standard(), fixture.clock);
      AgentService first =
          AgentService.builder()
              .orgs(fixture.orgs)
              .clock(fixture.clock)
              .store(db.jdbc())
              .auditLog(audit)
              .build();
      ChatReply asked =
          first.chat(AgentFixture.ADMIN, null, "Show opportunities in production org");

      ScriptedChatModel model = new ScriptedChatModel().thenSay("I remember.");
      AgentService restarted =
          AgentService.builder()
              .orgs(fixture.orgs)
              .clock(fixture.clock)
              .store(db.jdbc())
              .chatModel(model)
              .build();
      restarted.chat(AgentFixture.ADMIN, asked.conversationId(), "what did I ask?");

      List<ChatMessage> sent = model.requests.get(0).messages();
      assertThat(sent.get(1)).isInstanceOf(UserMessage.class);
      assertThat(((UserMessage) sent.get(1)).singleText())
          .isEqualTo("Show opportunities in production org");
      assertThat(sent.get(2)).isInstanceOf(AiMessage.class);
      assertThat(((AiMessage) sent.get(2)).toolExecutionRequests().get(0).name())
          .isEqualTo("query_records");
      assertThat(((ToolExecutionResultMessage) sent.get(3)).text()).contains("Acme Corp Deal");

      ChatReply update =
          first.chat(
              AgentFixture.ADMIN,
              asked.conversationId(),
              "Update the amount of Acme Corp Deal to 80000");
      first.chat(AgentFixture.ADMIN, update.conversationId(), "yes");
      AuditLog.Entry entry = audit.recent(1).get(0);
      assertThat(entry.action()).isEqualTo("record.update");
      assertThat(entry.targetType()).isEqualTo("Opportunity");
      assertThat(entry.actorUserId()).isEqualTo(AgentFixture.ADMIN.id());
      assertThat(entry.orgId()).isEqualTo("org-prod");
      assertThat(entry.before()).containsEntry("Amount", 75000);
      assertThat(entry.after().get("Amount").toString()).isEqualTo("80000");
    }
  }
}
