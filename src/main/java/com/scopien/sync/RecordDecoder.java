package com.scopien.sync;

import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a record as Salesforce returned it into a mirror row, refusing what the mirror cannot key
 * or order: a missing or malformed Id, a missing or unreadable SystemModstamp. A refused record is
 * parked, never dropped.
 */
final class RecordDecoder {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

  /** Why a record could not be decoded; safe to show (names the field, not its value). */
  static final class BadRecord extends Exception {
    private final String recordId;

    BadRecord(String recordId, String message) {
      super(message, null, false, false);
      this.recordId = recordId;
    }

    /** The Id when it was readable, else null. */
    String recordId() {
      return recordId;
    }
  }

  MirrorRow decode(String object, SObjectRecord record) throws BadRecord {
    Object id = record.fields().get("Id");
    if (!(id instanceof String text) || !ID.matcher(text).matches()) {
      throw new BadRecord(null, object + " record without a valid Id");
    }
    Object stamp = record.fields().get("SystemModstamp");
    if (stamp == null) {
      throw new BadRecord(text, object + " " + text + " has no SystemModstamp");
    }
    Instant modstamp;
    try {
      modstamp = SalesforceTime.parseDateTime(String.valueOf(stamp));
    } catch (IllegalArgumentException e) {
      throw new BadRecord(text, object + " " + text + " has no readable SystemModstamp");
    }
    Object deleted = record.fields().get("IsDeleted");
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : record.fields().entrySet()) {
      Object value = e.getValue();
      if (value instanceof SObjectRecord) {
        // Only plain fields are read; a relationship here would be a reply we did not ask for.
        continue;
      }
      fields.put(e.getKey(), value);
    }
    return new MirrorRow(object, text, modstamp, Boolean.TRUE.equals(deleted), fields);
  }
}
