package com.scopien.sync;

import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.salesforce.ClientOptions;
import com.scopien.salesforce.OAuthClient;
import com.scopien.salesforce.OAuthSessionProvider;
import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.RetryPolicy;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.salesforce.SalesforceClients;
import com.scopien.store.Jdbc;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the mirror of an org with the org itself, read over REST: the same live Ids per object,
 * and for each the same value of every field the mirror holds. Used by the fault, crash and
 * convergence tests to say "both sides are equal" with evidence.
 */
final class MirrorComparison {
  private static final int SHOWN = 20;

  private MirrorComparison() {}

  /** A REST client signed in to the local org by client credentials, with the given retries. */
  static SalesforceClient client(LocalOrg org, int pageSize, RetryPolicy retries) {
    HttpClient http = SalesforceClients.newHttpClient();
    return SalesforceClients.create(
        http,
        OAuthSessionProvider.clientCredentials(
            new OAuthClient(http),
            org.baseUrl(),
            org.options().clientId(),
            Secret.of(org.options().clientSecret()),
            null,
            renewed -> {}),
        ClientOptions.defaults().withQueryBatchSize(pageSize).withRetryPolicy(retries));
  }

  /** The mirror's live rows of one object: Id to synced field values. */
  static Map<String, Map<String, Object>> mirror(Jdbc jdbc, String orgId, String object) {
    JsonCodec json = new JsonCodec();
    Map<String, Map<String, Object>> rows = new HashMap<>();
    jdbc.query(
        "SELECT record_id, fields FROM sync_records WHERE org_id = ? AND object_name = ?"
            + " AND is_deleted = FALSE",
        row -> rows.put(row.getString("record_id"), json.readMap(row.getString("fields"))),
        orgId,
        object);
    return rows;
  }

  /** The org's live records of one object, read over REST: Id to the given fields. */
  static Map<String, Map<String, Object>> org(
      SalesforceClient client, String object, Set<String> fields) {
    Set<String> select = new LinkedHashSet<>(List.of("Id"));
    select.addAll(fields);
    QueryPage page =
        client.query("SELECT " + String.join(", ", select) + " FROM " + object + " ORDER BY Id");
    Map<String, Map<String, Object>> rows = new HashMap<>();
    while (true) {
      for (SObjectRecord r : page.records()) {
        rows.put(r.id(), r.fields());
      }
      if (page.done()) {
        return rows;
      }
      page = client.queryMore(page.nextRecordsUrl());
    }
  }

  /**
   * What differs between the mirror and the org for these objects (empty when both sides are
   * equal); at most a few lines per object, with the counts.
   */
  static List<String> differences(
      Jdbc jdbc, String orgId, SalesforceClient client, List<String> objects) {
    List<String> out = new ArrayList<>();
    for (String object : objects) {
      Map<String, Map<String, Object>> local = mirror(jdbc, orgId, object);
      Set<String> fields = new TreeSet<>();
      local.values().forEach(f -> fields.addAll(f.keySet()));
      fields.remove("attributes");
      Map<String, Map<String, Object>> remote = org(client, object, fields);
      List<String> lines = new ArrayList<>();
      for (String id : new TreeSet<>(remote.keySet())) {
        if (!local.containsKey(id)) {
          lines.add(object + " " + id + " is in the org but not in the mirror");
        }
      }
      for (String id : new TreeSet<>(local.keySet())) {
        Map<String, Object> mine = local.get(id);
        Map<String, Object> theirs = remote.get(id);
        if (theirs == null) {
          lines.add(object + " " + id + " is in the mirror but not (live) in the org");
          continue;
        }
        for (String field : mine.keySet()) {
          if (!same(mine.get(field), theirs.get(field))) {
            lines.add(
                object
                    + " "
                    + id
                    + "."
                    + field
                    + ": mirror "
                    + mine.get(field)
                    + " / org "
                    + theirs.get(field));
          }
        }
      }
      if (!lines.isEmpty()) {
        out.add(
            object
                + ": "
                + lines.size()
                + " difference(s); mirror "
                + local.size()
                + " rows, org "
                + remote.size());
        out.addAll(lines.subList(0, Math.min(SHOWN, lines.size())));
      }
    }
    return out;
  }

  /** Values equal as the mirror keeps them (numbers by value, whatever their Java type). */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return a == null ? b == null : a.equals(b);
  }
}
