package com.scopien.sync;

import com.scopien.sync.SyncSettings.ConflictPolicy;
import com.scopien.sync.SyncSettings.Frequency;

/**
 * A change to an org's sync settings; a null component leaves that setting as it is.
 *
 * @param inbound Salesforce to Scopien on or off
 * @param outbound Scopien to Salesforce on or off
 */
public record SettingsChange(
    Frequency frequency, Boolean inbound, Boolean outbound, ConflictPolicy conflictPolicy) {

  SyncSettings applyTo(SyncSettings current) {
    return new SyncSettings(
        current.orgId(),
        frequency == null ? current.frequency() : frequency,
        inbound == null ? current.inbound() : inbound,
        outbound == null ? current.outbound() : outbound,
        conflictPolicy == null ? current.conflictPolicy() : conflictPolicy);
  }
}
