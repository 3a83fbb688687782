package com.scopien.agent;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.security.User;
import java.util.List;

/**
 * What the assistant needs from the sync engine: start a sync, report health, list recent errors.
 * The sync package implements it; each method returns a short Markdown report that names the org
 * and is shown to the model as the tool result.
 *
 * <p>Implementations check nothing about roles (the assistant has already checked the tool's role)
 * and throw {@link ScopienException} with a safe message when they cannot do what was asked.
 * Thread-safe.
 *
 * @see #unavailable()
 */
public interface SyncTools {

  /** Starts a sync of {@code org} now; {@code objects} empty means every synced object. */
  String syncNow(User user, Org org, List<String> objects);

  /** Sync health of {@code org}; {@code objects} empty means all. */
  String status(Org org, List<String> objects);

  /** Recent sync errors of {@code org} within {@code sinceHours}, newest first, at most limit. */
  String errors(Org org, List<String> objects, int sinceHours, int limit);

  /** The stand-in used until the sync engine is wired: says plainly that sync is not there yet. */
  static SyncTools unavailable() {
    return new SyncTools() {
      @Override
      public String syncNow(User user, Org org, List<String> objects) {
        throw notYet();
      }

      @Override
      public String status(Org org, List<String> objects) {
        throw notYet();
      }

      @Override
      public String errors(Org org, List<String> objects, int sinceHours, int limit) {
        throw notYet();
      }

      private ScopienException notYet() {
        return new ScopienException(
            ScopienException.Kind.RETRIABLE,
            "sync_unavailable",
            "Sync is not available yet in this Scopien; records are read live from Salesforce.");
      }
    };
  }
}
