package com.scopien.agent.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Activities: "Log a call with Jane Roe about pricing" is a completed call Task linked to Jane Roe;
 * "remind me to follow up with Jane Roe next Monday" and "create a task to call Jane Roe tomorrow"
 * are open Tasks due that day. The person or record is given by name (the tool looks it up): a
 * contact or lead as WhoId, an opportunity or account ("Acme Corp Deal") as WhatId. A Task has no
 * Name; its Subject says what it is about.
 */
final class Activities {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LOG =
      Pattern.compile(
          "^(?:please\\s+)?(?:log|record|note|add)\\s+(?:an?\\s+)?(call|phone call|email|e-mail)"
              + "\\s+(?:with|to|from)\\s+(.+?)(?:\\s+(?:about|re|regarding|on|:)\\s*(.+))?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern REMIND =
      Pattern.compile(
          "^(?:please\\s+)?(?:remind me to|create a (?:task|reminder|to-do|todo) to|add a"
              + " (?:task|reminder|to-do|todo) to|new task to|set a reminder to|i need to"
              + "|schedule a (?:task|reminder) to)\\s+(.+)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PERSON_AFTER =
      Pattern.compile("\\b(?:with|call|email|e-mail|ping|contact|phone|meet)\\s+(?=[A-Z\"])");

  private Activities() {}

  static Optional<ToolCall> interpret(String text, Vocabulary v, LocalDate today) {
    Optional<ObjectTerm> task = v.object("Task");
    if (task.isEmpty()) {
      return Optional.empty();
    }
    String said = text.strip().replaceAll("[.!]+$", "");
    Matcher log = LOG.matcher(said);
    if (log.matches()) {
      String kind = log.group(1).toLowerCase(Locale.ROOT).contains("mail") ? "Email" : "Call";
      String who = cleanName(log.group(2));
      String topic = log.group(3) == null ? null : log.group(3).trim();
      ObjectNode values = JSON.createObjectNode();
      values.put("Subject", kind + (topic == null ? " with " + who : ": " + topic));
      putIf(task.get(), values, "TaskSubtype", kind);
      values.put("Status", "Completed");
      putIf(task.get(), values, "ActivityDate", today.toString());
      link(task.get(), values, who, v);
      return Optional.of(create(values));
    }
    Matcher remind = REMIND.matcher(said);
    if (remind.matches()) {
      String rest = remind.group(1);
      Optional<DueDates.Due> due = DueDates.find(rest.toLowerCase(Locale.ROOT), today);
      String subject =
          due.map(d -> rest.substring(0, d.start()) + rest.substring(d.end())).orElse(rest);
      subject = subject.replaceAll("\\s+", " ").trim();
      ObjectNode values = JSON.createObjectNode();
      values.put("Subject", Character.toUpperCase(subject.charAt(0)) + subject.substring(1));
      values.put("Status", "Not Started");
      due.ifPresent(d -> putIf(task.get(), values, "ActivityDate", d.date().toString()));
      Matcher person = PERSON_AFTER.matcher(subject);
      if (person.find()) {
        NameSpans.at(new Utterance(subject), person.end())
            .ifPresent(n -> link(task.get(), values, n.text(), v));
      }
      if (subject.toLowerCase(Locale.ROOT).startsWith("call ")) {
        putIf(task.get(), values, "TaskSubtype", "Call");
      }
      return Optional.of(create(values));
    }
    return Optional.empty();
  }

  /** A contact or lead is who the task is with; an opportunity or account what it relates to. */
  private static void link(ObjectTerm task, ObjectNode values, String name, Vocabulary v) {
    Optional<ObjectTerm> hinted = Mentions.nameHint(new Utterance(name), v);
    boolean record =
        hinted.isPresent() && !Set.of("Contact", "Lead").contains(hinted.get().apiName());
    putIf(task, values, record ? "WhatId" : "WhoId", name);
  }

  private static void putIf(ObjectTerm task, ObjectNode values, String field, String value) {
    if (task.field(field).isPresent()) {
      values.put(field, value);
    }
  }

  private static String cleanName(String name) {
    return name.trim().replaceAll("^(?i)(the|a|an)\\s+", "").replaceAll("^[\"“']|[\"”']$", "");
  }

  private static ToolCall create(ObjectNode values) {
    ObjectNode args = JSON.createObjectNode();
    args.put("object", "Task");
    args.set("values", values);
    return new ToolCall("create_record", args);
  }
}
