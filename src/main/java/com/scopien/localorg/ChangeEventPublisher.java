package com.scopien.localorg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Turns committed writes into Change Data Capture events, shaped as Salesforce sends them on {@code
 * /data/<Object>ChangeEvent}: a {@code ChangeEventHeader} (entityName, recordIds, changeType,
 * changedFields, commitTimestamp, commitUser, transactionKey, sequenceNumber ...) and the values:
 * every populated field on CREATE, the changed ones on UPDATE (null when cleared), none on DELETE.
 * Like Salesforce, bodies leave out IsDeleted, SystemModstamp and computed fields. Objects listed
 * as without change events publish nothing. Thread-safe.
 */
final class ChangeEventPublisher {

  /** One written row: {@code before} is null for a create. */
  record Change(StoredRecord before, StoredRecord after, String userId) {}

  private static final Set<String> OMITTED = Set.of("Id", "IsDeleted", "SystemModstamp");

  private final ChangeEventLog log;
  private final Set<String> withoutEvents;
  private final Clock clock;
  private final AtomicLong commitNumber = new AtomicLong(10_960_768_000L);

  /** {@code withoutEvents}: object names (any case) that have Change Data Capture off. */
  ChangeEventPublisher(ChangeEventLog log, Set<String> withoutEvents, Clock clock) {
    this.log = log;
    this.withoutEvents =
        withoutEvents.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    this.clock = clock;
  }

  boolean publishes(ObjectDef object) {
    return !withoutEvents.contains(object.name().toLowerCase(Locale.ROOT));
  }

  /** The object's channel: {@code /data/AccountChangeEvent}, {@code /data/Project__ChangeEvent}. */
  static String channelOf(ObjectDef object) {
    String name = object.name();
    return object.custom()
        ? "/data/" + name.substring(0, name.length() - 1) + "ChangeEvent"
        : "/data/" + name + "ChangeEvent";
  }

  /** The object a per-object channel is about, if it names one with change events. */
  Optional<ObjectDef> objectOf(String channel, OrgSchema schema) {
    return schema.objects().stream()
        .filter(o -> channelOf(o).equalsIgnoreCase(channel) && publishes(o))
        .findFirst();
  }

  /** Publishes the rows one transaction wrote, in order, under one transaction key. */
  void publish(List<Change> changes) {
    String transactionKey = UUID.randomUUID().toString();
    long commit = commitNumber.incrementAndGet();
    long commitTimestamp = clock.millis();
    int sequence = 0;
    for (Change change : changes) {
      ObjectDef object = change.after().object();
      if (!publishes(object)) {
        continue;
      }
      int sequenceNumber = ++sequence;
      log.publish(
          object.name(),
          replayId ->
              data(change, replayId, transactionKey, sequenceNumber, commit, commitTimestamp));
    }
  }

  private ObjectNode data(
      Change change,
      long replayId,
      String transactionKey,
      int sequenceNumber,
      long commit,
      long commitTimestamp) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    StoredRecord after = change.after();
    StoredRecord before = change.before();
    ObjectDef object = after.object();
    String changeType;
    if (before == null) {
      changeType = "CREATE";
    } else if (after.deleted() && !before.deleted()) {
      changeType = "DELETE";
    } else if (!after.deleted() && before.deleted()) {
      changeType = "UNDELETE";
    } else {
      changeType = "UPDATE";
    }
    ObjectNode payload = nodes.objectNode();
    ObjectNode header = payload.putObject("ChangeEventHeader");
    header.put("entityName", object.name());
    header.putArray("recordIds").add(after.id());
    header.put("changeType", changeType);
    header.put("changeOrigin", "com/salesforce/api/rest/" + ApiVersions.LATEST);
    header.put("transactionKey", transactionKey);
    header.put("sequenceNumber", sequenceNumber);
    header.put("commitTimestamp", commitTimestamp);
    header.put("commitNumber", commit);
    header.put("commitUser", change.userId());
    ArrayNode changed = header.putArray("changedFields");
    header.putArray("nulledFields");
    header.putArray("diffFields");
    List<FieldDef> body = new ArrayList<>();
    for (FieldDef field : object.fields()) {
      if (OMITTED.contains(field.name()) || field.calculated()) {
        continue;
      }
      Object value = after.get(field.name());
      switch (changeType) {
        case "CREATE", "UNDELETE" -> {
          if (value != null) {
            body.add(field);
          }
        }
        case "UPDATE" -> {
          if (!Objects.equals(value, before.get(field.name()))) {
            body.add(field);
            changed.add(field.name());
          }
        }
        default -> {}
      }
    }
    for (FieldDef field : body) {
      payload.set(field.name(), WireFormat.toJson(after.get(field.name())));
    }
    ObjectNode data = nodes.objectNode();
    data.put("schema", "scopien-" + object.name() + "-v1");
    data.set("payload", payload);
    data.putObject("event").put("replayId", replayId);
    return data;
  }
}
