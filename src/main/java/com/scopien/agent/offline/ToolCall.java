package com.scopien.agent.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A tool call the offline model decided on: the tool's name and its JSON arguments. */
record ToolCall(String tool, ObjectNode arguments) {}
