package com.scopien.config;

/**
 * One environment variable Scopien reads: its name, its default as shown to people, whether it is
 * secret, and a one-line description. The README's configuration table is built from these.
 */
public record Setting(String name, String shownDefault, boolean secret, String description) {

  /** Every setting, in the order the README lists them. */
  public static final java.util.List<Setting> ALL =
      java.util.List.of(
          new Setting("SCOPIEN_HOST", "127.0.0.1", false, "Address the server listens on."),
          new Setting("SCOPIEN_PORT", "7070", false, "Port the server listens on (0 = any)."),
          new Setting(
              "SCOPIEN_DATA_DIR",
              "./data",
              false,
              "Folder for the embedded database and the local encryption key."),
          new Setting(
              "SCOPIEN_DB_URL",
              "H2 file in the data dir",
              false,
              "JDBC URL of the store: jdbc:h2:... or jdbc:postgresql:..."),
          new Setting("SCOPIEN_DB_USER", "(none)", false, "Database user."),
          new Setting("SCOPIEN_DB_PASSWORD", "(none)", true, "Database password."),
          new Setting(
              "SCOPIEN_ADMIN_API_KEY",
              "generated at first start",
              true,
              "API key of the bootstrap admin user; printed once when generated, stored hashed."),
          new Setting(
              "SCOPIEN_ENCRYPTION_KEY",
              "key file in the data dir",
              true,
              "Base64 of 32 bytes: the AES-256-GCM key for OAuth tokens at rest."),
          new Setting(
              "SCOPIEN_OPENAI_API_KEY",
              "unset: built-in offline model",
              true,
              "Key of an OpenAI-compatible model endpoint."),
          new Setting(
              "SCOPIEN_OPENAI_BASE_URL",
              "https://api.openai.com/v1",
              false,
              "Base URL of the OpenAI-compatible endpoint (Azure, Ollama, vLLM ...)."),
          new Setting("SCOPIEN_OPENAI_MODEL", "gpt-4o-mini", false, "Model name to ask for."),
          new Setting(
              "SCOPIEN_DEMO",
              "auto",
              false,
              "auto: demo mode when no org is connected; on: always start the local orgs; off: never."),
          new Setting(
              "SCOPIEN_DEMO_SCALE",
              "1.0",
              false,
              "Size of the demo production org relative to 58,000 records (0.001 to 1)."),
          new Setting(
              "SCOPIEN_SALESFORCE_API_VERSION",
              "62.0",
              false,
              "Salesforce REST API version used when the org's version list cannot be read."),
          new Setting(
              "SCOPIEN_SYNC_BULK_THRESHOLD",
              "10000",
              false,
              "A full sync reads objects with more records than this through the Bulk API with"
                  + " PK chunking (0 = always REST paging)."),
          new Setting(
              "SCOPIEN_SYNC_PUSH_LINGER_MS",
              "250",
              false,
              "While Scopien-side changes keep arriving, a sync run waits this long (up to 8"
                  + " times) for more before it reads and pushes, so that changes made one by one"
                  + " go out 200 per call (0 to 5000; 0 = push at once)."),
          new Setting(
              "SCOPIEN_SLACK_SIGNING_SECRET",
              "unset: Slack off",
              true,
              "Signing secret of the Slack app; every /slack request is checked against it."),
          new Setting(
              "SCOPIEN_SLACK_BOT_TOKEN",
              "unset: Slack off",
              true,
              "Bot token (xoxb-...) the Slack app answers with; set together with the secret."),
          new Setting(
              "SCOPIEN_SLACK_API_URL",
              "https://slack.com/api",
              false,
              "Base URL of Slack's Web API (tests point it at a fake Slack server)."),
          new Setting(
              "SCOPIEN_MIRROR_FRESHNESS_MINUTES",
              "15",
              false,
              "Reads come from the local mirror when the object synced within this many minutes"
                  + " (0: always live; up to 1440)."));
}
