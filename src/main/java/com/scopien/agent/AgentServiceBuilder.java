package com.scopien.agent;

import com.scopien.agent.offline.OfflineChatModel;
import com.scopien.config.Secret;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.store.Jdbc;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Builds an {@link AgentService} once, in the composition root. Only {@link #orgs} is required; the
 * rest has defaults: the built-in offline model, conversations kept in memory, sync reported as not
 * available, confirmation for writes in production orgs, 6 tool calls per message.
 *
 * <p>Loading fails at {@link #build()} when a tool file or prompt is missing or malformed.
 */
public final class AgentServiceBuilder {
  private OrgDirectory orgs;
  private ChatModel model;
  private StreamingChatModel streamingModel;
  private EmbeddingModel embeddings;
  private Jdbc jdbc;
  private AuditLog auditLog;
  private FieldSecurity fieldSecurity = FieldSecurity.defaults();
  private SyncTools sync = SyncTools.unavailable();
  private LocalMirror mirror = LocalMirror.none();
  private FieldNames fieldNames = FieldNames.none();
  private RecordVisibility visibility;
  private Clock clock = Clock.systemUTC();
  private int maxToolCalls = 6;
  private Predicate<Org> confirmWrites = org -> org.environment().name().equals("PRODUCTION");

  AgentServiceBuilder() {}

  /** The connected orgs and each conversation's active org. Required. */
  public AgentServiceBuilder orgs(OrgDirectory orgs) {
    this.orgs = Objects.requireNonNull(orgs);
    return this;
  }

  /** Any langchain4j chat model; without one (and without {@link #openAi}) the offline model. */
  public AgentServiceBuilder chatModel(ChatModel model) {
    this.model = Objects.requireNonNull(model);
    return this;
  }

  /**
   * Lets the built-in offline model match requests to the tool catalogue's example requests by
   * meaning with this embedding model (the composition root passes the in-process
   * all-MiniLM-L6-v2). Without one it understands by keyword cues alone. Ignored when another chat
   * model is set.
   */
  public AgentServiceBuilder embeddingModel(EmbeddingModel embeddings) {
    this.embeddings = Objects.requireNonNull(embeddings);
    return this;
  }

  /** An OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM ...). */
  public AgentServiceBuilder openAi(String baseUrl, Secret apiKey, String modelName) {
    this.model =
        OpenAiChatModel.builder()
            .baseUrl(baseUrl)
            .apiKey(apiKey.reveal())
            .modelName(modelName)
            .temperature(0.0)
            .timeout(Duration.ofSeconds(60))
            .maxRetries(1)
            .build();
    this.streamingModel =
        OpenAiStreamingChatModel.builder()
            .baseUrl(baseUrl)
            .apiKey(apiKey.reveal())
            .modelName(modelName)
            .temperature(0.0)
            .timeout(Duration.ofSeconds(60))
            .build();
    return this;
  }

  /**
   * The model that streams its replies token by token, for {@link
   * AgentService#chat(com.scopien.security.User, String, String, ChatListener)}; set with {@link
   * #openAi}. Without one, streamed replies come from the chat model in pieces once written.
   */
  public AgentServiceBuilder streamingChatModel(StreamingChatModel streamingModel) {
    this.streamingModel = Objects.requireNonNull(streamingModel);
    return this;
  }

  /**
   * Persist conversations (migration V3) and writes waiting for confirmation (V7) in the store;
   * otherwise they live in this process's memory.
   */
  public AgentServiceBuilder store(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc);
    return this;
  }

  /** Where writes are recorded; without one, a log line per write (fields named, not values). */
  public AgentServiceBuilder auditLog(AuditLog auditLog) {
    this.auditLog = Objects.requireNonNull(auditLog);
    return this;
  }

  /** Which fields each role may see (default: SSN, bank account and salary hidden from all). */
  public AgentServiceBuilder fieldSecurity(FieldSecurity fieldSecurity) {
    this.fieldSecurity = Objects.requireNonNull(fieldSecurity);
    return this;
  }

  /** The sync engine's side of sync_now, sync_status and sync_errors. */
  public AgentServiceBuilder syncTools(SyncTools sync) {
    this.sync = Objects.requireNonNull(sync);
    return this;
  }

  /** The sync engine's local mirror, which answers reads when fresh (default: always live). */
  public AgentServiceBuilder localMirror(LocalMirror mirror) {
    this.mirror = Objects.requireNonNull(mirror);
    return this;
  }

  /**
   * The admin's Scopien names of fields (the sync mapping), used in replies and accepted in
   * requests (default: none, fields go by their labels).
   */
  public AgentServiceBuilder fieldNames(FieldNames names) {
    this.fieldNames = Objects.requireNonNull(names);
    return this;
  }

  /**
   * Record visibility by role; by default one over {@link #orgs} with the admins' links kept in the
   * {@link #store} (or in memory without one).
   */
  public AgentServiceBuilder visibility(RecordVisibility visibility) {
    this.visibility = Objects.requireNonNull(visibility);
    return this;
  }

  public AgentServiceBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /** The bound on tool calls the model may make for one message (default 6). */
  public AgentServiceBuilder maxToolCallsPerTurn(int max) {
    if (max < 1 || max > 20) {
      throw new IllegalArgumentException("maxToolCallsPerTurn must be between 1 and 20");
    }
    this.maxToolCalls = max;
    return this;
  }

  /** Which orgs' writes wait for confirmation (default: production orgs). */
  public AgentServiceBuilder confirmWritesWhen(Predicate<Org> policy) {
    this.confirmWrites = Objects.requireNonNull(policy);
    return this;
  }

  public AgentService build() {
    Objects.requireNonNull(orgs, "orgs is required");
    ToolCatalogue catalogue = ToolCatalogue.load(Json.MAPPER);
    PromptLibrary prompts = PromptLibrary.load();
    ConversationStore conversations =
        jdbc == null ? new InMemoryConversationStore() : new JdbcConversationStore(jdbc, clock);
    SchemaGuard guard = new SchemaGuard(FieldPolicy.of(fieldSecurity), fieldNames, clock);
    RecordReads recordReads = new RecordReads(mirror, clock);
    RecordFinder finder = new RecordFinder(recordReads);
    RecordVisibility visible =
        visibility != null ? visibility : new RecordVisibility(orgs, jdbc, clock);
    RecordWriter writer =
        new RecordWriter(auditLog == null ? WriteAudit.logging() : WriteAudit.to(auditLog), clock);
    PendingWrites pending =
        jdbc == null ? new InMemoryPendingWrites(clock) : new JdbcPendingWrites(jdbc, clock);
    ReadTools reads = new ReadTools(guard, finder, recordReads, visible);
    WriteTools writes =
        new WriteTools(guard, finder, writer, pending, confirmWrites, visible, clock);
    AggregateTool aggregate = new AggregateTool(guard, recordReads, visible);
    OrgTools orgTools = new OrgTools(clock);
    DescribeTool describe = new DescribeTool(guard);
    SyncToolAdapter syncTools = new SyncToolAdapter(sync, guard);
    Map<String, ToolExecutor> executors = new HashMap<>();
    executors.put("query_records", reads::query);
    executors.put("count_records", reads::count);
    executors.put("aggregate_records", aggregate::aggregate);
    executors.put("get_record", reads::get);
    executors.put("create_record", writes::create);
    executors.put("update_record", writes::update);
    executors.put("describe_object", describe::describe);
    executors.put("list_orgs", orgTools::list);
    executors.put("switch_org", orgTools::switchTo);
    executors.put("api_usage", orgTools::apiUsage);
    executors.put("sync_now", syncTools::syncNow);
    executors.put("sync_status", syncTools::status);
    executors.put("sync_errors", syncTools::errors);
    ToolDispatcher dispatcher = new ToolDispatcher(catalogue, orgs, executors);
    ChatModel chosen = model != null ? model : offlineModel(catalogue);
    TurnRunner runner =
        new TurnRunner(
            chosen,
            model != null ? streamingModel : null,
            catalogue,
            dispatcher,
            prompts,
            maxToolCalls,
            clock);
    return new AgentService(orgs, conversations, pending, writer, runner, clock);
  }

  private ChatModel offlineModel(ToolCatalogue catalogue) {
    DescribeVocabulary vocabulary = new DescribeVocabulary(orgs, fieldNames, clock);
    Map<String, List<String>> examples = new LinkedHashMap<>();
    catalogue.all().forEach(tool -> examples.put(tool.name(), tool.examples()));
    return embeddings == null
        ? OfflineChatModel.withExamples(vocabulary, clock, examples)
        : OfflineChatModel.withExamples(vocabulary, clock, examples, embeddings);
  }
}
