package com.scopien.sync;

import java.time.Instant;
import java.util.List;

/**
 * A record changed on both sides under the manual-review policy, with a field-by-field diff:
 * nothing was overwritten, and it waits for someone to choose a side per field.
 */
public record SyncConflict(
    String id,
    String object,
    String recordId,
    Instant detectedAt,
    boolean open,
    List<FieldDiff> fields) {
  public SyncConflict {
    fields = List.copyOf(fields);
  }

  /**
   * One field changed in Scopien: its value before either change ({@code base}, null when not
   * known), Scopien's value, and Salesforce's current value.
   */
  public record FieldDiff(String field, Object base, Object scopien, Object salesforce) {}

  /** The side whose value a field keeps. */
  public enum Side {
    SCOPIEN,
    SALESFORCE;

    /**
     * {@code scopien} or {@code salesforce}, any case.
     *
     * @throws com.scopien.ScopienException INVALID_INPUT {@code invalid_side}
     */
    public static Side parse(String text) {
      if ("scopien".equalsIgnoreCase(text)) {
        return SCOPIEN;
      }
      if ("salesforce".equalsIgnoreCase(text)) {
        return SALESFORCE;
      }
      throw com.scopien.ScopienException.invalid(
          "invalid_side", "Choose 'scopien' or 'salesforce', not '" + text + "'.");
    }
  }
}
