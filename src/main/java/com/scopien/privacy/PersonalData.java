package com.scopien.privacy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopien.ScopienException;
import com.scopien.security.AuditLog;
import com.scopien.security.FieldSecurity;
import com.scopien.security.User;
import com.scopien.store.Jdbc;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Scopien holds about one person (GDPR/CCPA requests): mirror rows whose fields hold their
 * email (or that are their Salesforce record), chat messages that contain the email or the name of
 * such a row, and pending changes and queued creates that name them. An admin can export it or
 * erase it from Scopien; Salesforce itself is never touched, so a later sync brings the records
 * back unless they are erased there too. Both are audited, with counts and never the data.
 */
public final class PersonalData {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
  private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Who a request is about: an email address or a Salesforce record id. */
  public record Subject(String email, String recordId) {
    public Subject {
      if ((email == null) == (recordId == null)) {
        throw ScopienException.invalid(
            "missing_subject", "Say whom: give either an email or a Salesforce recordId.");
      }
      if (email != null && !EMAIL.matcher(email.trim()).matches()) {
        throw ScopienException.invalid("invalid_email", "'" + email + "' is not an email address.");
      }
      if (recordId != null && !RECORD_ID.matcher(recordId.trim()).matches()) {
        throw ScopienException.invalid(
            "invalid_record_id", "'" + recordId + "' is not a 15- or 18-character record id.");
      }
      email = email == null ? null : email.trim();
      recordId = recordId == null ? null : recordId.trim();
    }
  }

  /** A mirror row about the person. */
  public record MirrorRow(String org, String object, String id, Map<String, Object> fields) {}

  /** A chat message that names the person. */
  public record Message(String conversationId, int seq, String message) {}

  /**
   * A change waiting for confirmation, or a create queued for Salesforce, that names the person.
   */
  public record Pending(String kind, String key, String object, String text) {}

  /** Everything found. */
  public record Found(
      Subject subject,
      List<String> names,
      List<MirrorRow> mirrorRows,
      List<Message> messages,
      List<Pending> pending) {

    /** How many of each were found, for the audit log and the erase answer. */
    public Map<String, Integer> counts() {
      Map<String, Integer> out = new LinkedHashMap<>();
      out.put("mirrorRows", mirrorRows.size());
      out.put("messages", messages.size());
      out.put("pending", pending.size());
      return out;
    }
  }

  private final Jdbc jdbc;
  private final FieldSecurity security;
  private final AuditLog audit;

  public PersonalData(Jdbc jdbc, FieldSecurity security, AuditLog audit) {
    this.jdbc = jdbc;
    this.security = security;
    this.audit = audit;
  }

  /** What Scopien holds about {@code subject}; audited as {@code privacy.export}. */
  public Found export(User actor, Subject subject) {
    Found found = find(subject);
    audit.record(actor, "privacy.export", "person", null, null, null, found.counts());
    return found;
  }

  /**
   * Removes from Scopien what it holds about {@code subject}, in one transaction, and says what was
   * removed; audited as {@code privacy.erase}.
   */
  public Found erase(User actor, Subject subject) {
    return jdbc.inTransaction(
        () -> {
          Found found = find(subject);
          for (MirrorRow row : found.mirrorRows()) {
            jdbc.update(
                "DELETE FROM sync_records WHERE org_id = ? AND object_name = ? AND record_id = ?",
                row.org(),
                row.object(),
                row.id());
            typedTable(row)
                .ifPresent(t -> jdbc.update("DELETE FROM " + t + " WHERE sf_id = ?", row.id()));
          }
          for (Message m : found.messages()) {
            jdbc.update(
                "DELETE FROM chat_messages WHERE conversation_id = ? AND seq = ?",
                m.conversationId(),
                m.seq());
          }
          for (Pending p : found.pending()) {
            if (p.kind().equals("pendingWrite")) {
              jdbc.update("DELETE FROM pending_writes WHERE conversation_id = ?", p.key());
            } else {
              jdbc.update(
                  "DELETE FROM sync_pending_creates WHERE seq = ?", Long.parseLong(p.key()));
            }
          }
          audit.record(actor, "privacy.erase", "person", null, null, null, found.counts());
          return found;
        });
  }

  /**
   * The typed mirror table that holds the row's object in its org, if the sync engine made one; its
   * name comes from the engine's own catalogue and is checked to be a plain identifier before it
   * goes into SQL.
   */
  private Optional<String> typedTable(MirrorRow row) {
    return jdbc.queryOne(
            "SELECT table_name FROM mirror_tables WHERE org_id = ? AND object_name = ?",
            r -> r.getString("table_name"),
            row.org(),
            row.object())
        .filter(name -> name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"));
  }

  /** Finds without changing or auditing anything. */
  Found find(Subject subject) {
    List<MirrorRow> rows = mirrorRows(subject);
    Set<String> needles = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    if (subject.email() != null) {
      needles.add(subject.email().toLowerCase(Locale.ROOT));
    }
    for (MirrorRow row : rows) {
      String name = nameOf(row.fields());
      if (name != null && name.trim().contains(" ") && !names.contains(name)) {
        names.add(name);
        needles.add(name.toLowerCase(Locale.ROOT));
      }
      if (row.fields().get("Email") instanceof String email && !email.isBlank()) {
        needles.add(email.toLowerCase(Locale.ROOT));
      }
    }
    List<String> ids = rows.stream().map(MirrorRow::id).toList();
    Map<String, Message> messages = new LinkedHashMap<>();
    Map<String, Pending> pending = new LinkedHashMap<>();
    for (String needle : needles) {
      String like = like(needle);
      jdbc.query(
              "SELECT conversation_id, seq, message FROM chat_messages"
                  + " WHERE LOWER(message) LIKE ? ESCAPE '!' ORDER BY conversation_id, seq",
              r -> new Message(r.getString(1), r.getInt(2), r.getString(3)),
              like)
          .forEach(m -> messages.putIfAbsent(m.conversationId() + "#" + m.seq(), m));
      jdbc.query(
              "SELECT conversation_id, object_name, summary FROM pending_writes"
                  + " WHERE LOWER(field_values) LIKE ? ESCAPE '!'"
                  + " OR LOWER(arguments) LIKE ? ESCAPE '!'"
                  + " OR LOWER(COALESCE(record_label, '')) LIKE ? ESCAPE '!'",
              r -> new Pending("pendingWrite", r.getString(1), r.getString(2), r.getString(3)),
              like,
              like,
              like)
          .forEach(p -> pending.putIfAbsent("w" + p.key(), p));
      jdbc.query(
              "SELECT seq, object_name, fields FROM sync_pending_creates"
                  + " WHERE LOWER(fields) LIKE ? ESCAPE '!'",
              r -> new Pending("pendingCreate", r.getString(1), r.getString(2), r.getString(3)),
              like)
          .forEach(p -> pending.putIfAbsent("c" + p.key(), p));
    }
    for (String id : ids) {
      jdbc.query(
              "SELECT conversation_id, object_name, summary FROM pending_writes WHERE record_id = ?",
              r -> new Pending("pendingWrite", r.getString(1), r.getString(2), r.getString(3)),
              id)
          .forEach(p -> pending.putIfAbsent("w" + p.key(), p));
    }
    return new Found(
        subject, names, rows, List.copyOf(messages.values()), List.copyOf(pending.values()));
  }

  private List<MirrorRow> mirrorRows(Subject subject) {
    List<MirrorRow> out = new ArrayList<>();
    if (subject.recordId() != null) {
      String id = subject.recordId();
      jdbc.query(
              "SELECT org_id, object_name, record_id, fields FROM sync_records"
                  + " WHERE record_id = ? OR record_id LIKE ?",
              r -> row(r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
              id,
              id.length() == 15 ? id + "___" : id)
          .forEach(out::add);
      return out;
    }
    String email = subject.email().toLowerCase(Locale.ROOT);
    jdbc
        .query(
            "SELECT org_id, object_name, record_id, fields FROM sync_records"
                + " WHERE LOWER(fields) LIKE ? ESCAPE '!'",
            r -> row(r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
            like(email))
        .stream()
        // The text matched; keep rows where a field's whole value is the address.
        .filter(
            row ->
                row.fields().values().stream()
                    .anyMatch(v -> v instanceof String s && s.equalsIgnoreCase(subject.email())))
        .forEach(out::add);
    return out;
  }

  private MirrorRow row(String org, String object, String id, String fields) {
    Map<String, Object> values;
    try {
      values = JSON.readValue(fields, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      values = Map.of();
    }
    return new MirrorRow(org, object, id, security.mask(object, values));
  }

  private static String nameOf(Map<String, Object> fields) {
    if (fields.get("Name") instanceof String name && !name.isBlank()) {
      return name;
    }
    Object first = fields.get("FirstName");
    Object last = fields.get("LastName");
    if (first instanceof String f && last instanceof String l) {
      return f + " " + l;
    }
    return null;
  }

  private static String like(String needle) {
    return "%" + needle.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
