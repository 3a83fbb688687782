package com.scopien.sync;

import com.scopien.salesforce.ObjectDescribe;
import com.scopien.sync.SyncSettings.ConflictPolicy;
import java.util.List;

/**
 * What a run does with one object: its API name, the fields it reads (Id, SystemModstamp and
 * IsDeleted first when the object has it), the conflict policy that applies to it, which directions
 * are on, and the describe the plan was made from (null when the plan was built without one), whose
 * field types a bulk read needs to type its CSV values.
 */
record ObjectPlan(
    String object,
    List<String> fields,
    boolean softDeletes,
    ConflictPolicy policy,
    boolean inbound,
    boolean outbound,
    ObjectDescribe describe) {
  ObjectPlan {
    fields = List.copyOf(fields);
  }

  ObjectPlan(
      String object,
      List<String> fields,
      boolean softDeletes,
      ConflictPolicy policy,
      boolean inbound,
      boolean outbound) {
    this(object, fields, softDeletes, policy, inbound, outbound, null);
  }

  /** This plan under other settings: policy and directions. */
  ObjectPlan withSettings(ConflictPolicy policy, boolean inbound, boolean outbound) {
    return new ObjectPlan(object, fields, softDeletes, policy, inbound, outbound, describe);
  }
}
