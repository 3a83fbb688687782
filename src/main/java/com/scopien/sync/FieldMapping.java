package com.scopien.sync;

/**
 * A Salesforce field shown in Scopien under another name ({@code Account.AnnualRevenue} as
 * "Revenue"). Mapped fields are always read, whatever the object's field selection.
 *
 * @param custom false for the built-in defaults
 * @param status {@link Status#NEEDS_ATTENTION} when the field has vanished from the org; such a
 *     mapping is skipped until the field returns or the mapping is removed
 */
public record FieldMapping(
    String object, String salesforceField, String scopienField, boolean custom, Status status) {

  /** Whether the mapping can be applied. */
  public enum Status {
    ACTIVE,
    NEEDS_ATTENTION
  }
}
