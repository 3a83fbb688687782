package com.scopien.agent.offline;

/** One condition the offline model puts in a tool call: field API name, operator, value. */
record Filter(String field, String op, Object value) {}
