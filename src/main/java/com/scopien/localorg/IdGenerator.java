package com.scopien.localorg;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out new 18-character Ids for one org: key prefix, a two-character pod that differs between
 * production and sandbox, a reserved {@code 0}, and a per-prefix sequence in base 62. Sequences
 * start at 1, so a generated org gets the same Ids every time. Thread-safe.
 */
final class IdGenerator {

  private final String pod;
  private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

  IdGenerator(String pod) {
    if (pod.length() != 2) {
      throw new IllegalArgumentException("pod must be two characters");
    }
    this.pod = pod;
  }

  String next(String keyPrefix) {
    long n = sequences.computeIfAbsent(keyPrefix, k -> new AtomicLong()).incrementAndGet();
    return SalesforceIds.to18(keyPrefix + pod + "0" + SalesforceIds.base62(n, 9));
  }
}
