package com.scopien.agent.offline;

/** What a request asks for; each maps to one tool of the catalogue, or to help. */
enum Intent {
  QUERY("query_records"),
  COUNT("count_records"),
  AGGREGATE("aggregate_records"),
  GET("get_record"),
  CREATE("create_record"),
  UPDATE("update_record"),
  DESCRIBE("describe_object"),
  LIST_ORGS("list_orgs"),
  SWITCH_ORG("switch_org"),
  SYNC_NOW("sync_now"),
  SYNC_STATUS("sync_status"),
  SYNC_ERRORS("sync_errors"),
  API_USAGE("api_usage"),
  HELP(null);

  private final String tool;

  Intent(String tool) {
    this.tool = tool;
  }

  String tool() {
    return tool;
  }

  /** The intent whose tool this is. */
  static java.util.Optional<Intent> forTool(String tool) {
    for (Intent intent : values()) {
      if (tool.equals(intent.tool)) {
        return java.util.Optional.of(intent);
      }
    }
    return java.util.Optional.empty();
  }
}
