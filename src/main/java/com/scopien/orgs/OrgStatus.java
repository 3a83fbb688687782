package com.scopien.orgs;

/** The health of a connection to an org. */
public enum OrgStatus {
  /** Connected and usable. */
  ACTIVE("Active"),
  /** The refresh failed with invalid_grant: an admin must authorise again; jobs are stopped. */
  NEEDS_REAUTH("Needs re-authorisation"),
  /** Disconnected by an admin; its token was revoked. */
  DISCONNECTED("Disconnected");

  private final String label;

  OrgStatus(String label) {
    this.label = label;
  }

  /** The text people see. */
  public String label() {
    return label;
  }
}
