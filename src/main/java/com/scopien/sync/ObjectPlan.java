package com.scopien.sync;

import com.scopien.sync.SyncSettings.ConflictPolicy;
import java.util.List;

/**
 * What a run does with one object: its API name, the fields it reads (Id, SystemModstamp and
 * IsDeleted first when the object has it), the conflict policy that applies to it, and which
 * directions are on.
 */
record ObjectPlan(
    String object,
    List<String> fields,
    boolean softDeletes,
    ConflictPolicy policy,
    boolean inbound,
    boolean outbound) {
  ObjectPlan {
    fields = List.copyOf(fields);
  }
}
