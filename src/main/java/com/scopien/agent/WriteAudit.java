package com.scopien.agent;

import com.scopien.orgs.Org;
import com.scopien.security.AuditLog;
import com.scopien.security.User;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every write made through the assistant is recorded: who, what, where, before and after. In
 * the product this is the store's {@link AuditLog}; without a store, a log line that names the
 * fields but never their values.
 */
@FunctionalInterface
interface WriteAudit {
  void record(Entry entry);

  /** One write. {@code before} is empty for a create. */
  record Entry(
      User user,
      Org org,
      String action,
      String object,
      String recordId,
      Map<String, Object> before,
      Map<String, Object> after,
      Instant at) {}

  static WriteAudit to(AuditLog log) {
    return e ->
        log.record(
            e.user(),
            "record." + e.action(),
            e.object(),
            e.recordId(),
            e.org().id(),
            e.before(),
            e.after());
  }

  static WriteAudit logging() {
    Logger log = LoggerFactory.getLogger(WriteAudit.class);
    return e ->
        log.info(
            "audit {} {} {} in org {} by user {} fields {}",
            e.action(),
            e.object(),
            e.recordId(),
            e.org().id(),
            e.user().id(),
            e.after().keySet());
  }
}
