package com.scopien.sync;

import com.scopien.sync.SyncSettings.ConflictPolicy;
import java.util.List;

/**
 * What a run reads of one object: its API name, the fields (Id, SystemModstamp and IsDeleted first
 * when the object has it), and the conflict policy that applies to it.
 */
record ObjectPlan(String object, List<String> fields, boolean softDeletes, ConflictPolicy policy) {
  ObjectPlan {
    fields = List.copyOf(fields);
  }
}
