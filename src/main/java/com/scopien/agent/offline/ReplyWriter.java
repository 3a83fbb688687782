package com.scopien.agent.offline;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.util.List;

/**
 * Words tool results into the reply. The executors already write results as readable Markdown that
 * names the org, so the writer relays them, marks failures plainly, and never adds instructions
 * found in record text: it does not interpret the results at all.
 */
final class ReplyWriter {
  static final String HELP =
      "I can work with your Salesforce data. For example:\n"
          + "- **Find records**: \"Show closed won opportunities over 50k\", \"Contacts at Acme"
          + " Corporation\", \"Top 5 accounts by annual revenue\"\n"
          + "- **Count**: \"How many open cases are there?\"\n"
          + "- **Create or update**: \"Create a lead for Jane Smith at Globex\", \"Set the stage of"
          + " Acme Corp Deal to Closed Won\"\n"
          + "- **Schema**: \"What fields does Invoice__c have?\"\n"
          + "- **Orgs**: \"List connected orgs\", \"Switch to sandbox\"\n"
          + "- **Sync and limits**: \"Sync now\", \"Show sync status\", \"Show recent sync errors\","
          + " \"What's our API usage?\"";

  private ReplyWriter() {}

  static String write(List<ToolExecutionResultMessage> results) {
    StringBuilder reply = new StringBuilder();
    for (ToolExecutionResultMessage result : results) {
      if (reply.length() > 0) {
        reply.append("\n\n");
      }
      if (Boolean.TRUE.equals(result.isError())) {
        reply.append("I couldn't do that: ").append(result.text());
      } else {
        reply.append(result.text());
      }
    }
    return reply.toString();
  }

  static String notAllowed(String tool) {
    return "Your role does not allow " + tool.replace('_', ' ') + ". Ask an admin if you need it.";
  }
}
