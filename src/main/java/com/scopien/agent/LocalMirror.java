package com.scopien.agent;

import com.scopien.orgs.Org;
import com.scopien.soql.SoqlQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the assistant needs from the sync engine's local mirror: the answer to a read, when the
 * mirror can give it exactly and is fresh. The sync package implements it; reads fall back to the
 * org's live API whenever the answer is empty.
 *
 * <p>An implementation answers only what it can answer exactly: the object is synced, its initial
 * sync is finished and its last successful sync is recent enough, every field the query names is in
 * the mirror, and the query uses nothing it cannot evaluate (relationship paths outside SELECT or
 * deeper than one parent, aggregates other than {@code COUNT()}, semi-joins, FIELDS()). A parent
 * path in SELECT comes back as Salesforce shapes it: a nested record, or null. It checks no roles
 * or field security: callers build the query with those already applied. Thread-safe.
 */
public interface LocalMirror {

  /**
   * One page of a read from the mirror.
   *
   * @param rows the selected fields of the page's records (at most the query's LIMIT, and at most
   *     2,000), keyed by the field names as the query wrote them; empty for {@code COUNT()}
   * @param matched how many records match the WHERE clause in all, ignoring LIMIT and OFFSET
   * @param asOf when the mirror of the object last matched Salesforce: its last successful sync, or
   *     the real-time watermark when the org streams changes
   */
  record Answer(List<Map<String, Object>> rows, long matched, Instant asOf) {
    public Answer {
      rows = List.copyOf(rows);
    }
  }

  /**
   * The answer from the mirror of {@code org}, or empty when the mirror cannot answer exactly or is
   * not fresh; never throws for a query it does not support.
   */
  Optional<Answer> read(Org org, SoqlQuery query);

  /**
   * The answer to an aggregate query ({@code SUM(Amount) total ... GROUP BY StageName}) computed in
   * the mirror's store, or empty when it cannot compute it there (the default: aggregates are then
   * answered live). Rows are keyed by the aliases the query gives its group fields and aggregates;
   * {@code matched} is the number of groups. An implementation must never load the object's rows
   * into memory to aggregate them, and answers only when the object is fresh, as for {@link #read}.
   */
  default Optional<Answer> aggregate(Org org, SoqlQuery query) {
    return Optional.empty();
  }

  /** No mirror: every read goes live. */
  static LocalMirror none() {
    return (org, query) -> Optional.empty();
  }
}
