package com.scopien.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records what a streamed turn told it, in order, as short lines ("start query_records"). */
final class RecordingChatListener implements ChatListener {
  final List<String> events = new ArrayList<>();
  final StringBuilder text = new StringBuilder();
  int deltas;

  @Override
  public synchronized void toolStarted(String tool, Map<String, Object> arguments) {
    events.add("start " + tool + " " + arguments);
  }

  @Override
  public synchronized void toolFinished(ChatReply.ToolCallRecord call) {
    events.add("end " + call.tool() + " " + call.status());
  }

  @Override
  public synchronized void delta(String piece) {
    if (events.isEmpty() || !events.get(events.size() - 1).equals("text")) {
      events.add("text");
    }
    text.append(piece);
    deltas++;
  }
}
