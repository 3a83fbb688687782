package com.scopien.sync;

import com.scopien.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the parent records a page of mirror rows points to ({@code Account.Name} of contacts), by
 * Id, in as few queries as the page needs: one per parent object and batch of Ids. A parent that is
 * missing, deleted or without one of the fields asked for makes the whole answer go live ({@link
 * MirrorScan.NotInMirror}), since Salesforce would show it and the mirror cannot.
 */
final class MirrorParents {
  private static final int BATCH = 500;

  private final Jdbc jdbc;

  MirrorParents(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The {@code fields} of each record of {@code object} in {@code ids}, keyed by Id, each field
   * under the name the caller gave.
   *
   * @throws MirrorScan.NotInMirror when a record or one of its fields is not in the mirror
   */
  Map<String, Map<String, Object>> read(
      String orgId, String object, Collection<String> ids, List<String> fields) {
    Set<String> wanted = new HashSet<>();
    fields.forEach(f -> wanted.add(f.toLowerCase(Locale.ROOT)));
    List<String> all = List.copyOf(new HashSet<>(ids));
    Map<String, Map<String, Object>> found = new HashMap<>();
    for (int from = 0; from < all.size(); from += BATCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      found.putAll(batch(orgId, object, batch, wanted, fields));
    }
    if (found.size() != all.size()) {
      throw new MirrorScan.NotInMirror();
    }
    return found;
  }

  private Map<String, Map<String, Object>> batch(
      String orgId, String object, List<String> ids, Set<String> wanted, List<String> fields) {
    String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
    return jdbc.withConnection(
        c -> {
          Map<String, Map<String, Object>> out = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT record_id, fields FROM sync_records WHERE org_id = ?"
                      + " AND object_name = ? AND is_deleted = FALSE AND record_id IN ("
                      + marks
                      + ")")) {
            ps.setString(1, orgId);
            ps.setString(2, object);
            for (int i = 0; i < ids.size(); i++) {
              ps.setString(3 + i, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(
                    rs.getString("record_id"),
                    asWritten(MirrorScan.pick(rs.getString("fields"), wanted), fields));
              }
            }
          }
          return out;
        });
  }

  /** The stored fields under the names the query wrote, or NotInMirror when one is not stored. */
  private static Map<String, Object> asWritten(Map<String, Object> stored, List<String> fields) {
    Map<String, Object> out = new HashMap<>();
    for (String field : fields) {
      String key =
          stored.keySet().stream()
              .filter(field::equalsIgnoreCase)
              .findFirst()
              .orElseThrow(MirrorScan.NotInMirror::new);
      out.put(field, stored.get(key));
    }
    return out;
  }
}
