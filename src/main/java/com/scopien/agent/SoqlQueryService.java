package com.scopien.agent;

import com.scopien.ScopienException;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.QueryPage;
import com.scopien.salesforce.SObjectRecord;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.security.FieldSecurity;
import com.scopien.security.User;
import com.scopien.soql.Condition;
import com.scopien.soql.Soql;
import com.scopien.soql.SoqlQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SOQL through Scopien, for developers: the text is parsed by the shared soql package (a malformed
 * query fails here with its position, before anything reaches Salesforce), every name is checked
 * against the org's describe and the field-level security rules, and the query sent is the
 * canonical re-print of what was parsed. A query that mentions a hidden field anywhere, semi-join
 * and anti-join subqueries and parent paths included, is refused ({@link QueryMentions}).
 *
 * <p>Only records the caller's role may see are read ({@link RecordVisibility}: an {@code OwnerId}
 * condition is added to the query and to each semi-join on an owned object). A query the local
 * mirror can answer exactly while fresh is answered there, and the result says so.
 */
public final class SoqlQueryService {
  private static final int MAX_LENGTH = 20_000;

  private final OrgDirectory orgs;
  private final FieldSecurity fieldSecurity;
  private final RecordVisibility visibility;
  private final LocalMirror mirror;

  /** Always live, with visibility over the orgs' users matched by email. */
  public SoqlQueryService(OrgDirectory orgs, FieldSecurity fieldSecurity) {
    this(
        orgs,
        fieldSecurity,
        new RecordVisibility(orgs, null, Clock.systemUTC()),
        LocalMirror.none());
  }

  public SoqlQueryService(
      OrgDirectory orgs,
      FieldSecurity fieldSecurity,
      RecordVisibility visibility,
      LocalMirror mirror) {
    this.orgs = orgs;
    this.fieldSecurity = fieldSecurity;
    this.visibility = visibility;
    this.mirror = mirror;
  }

  /**
   * One page of results (up to 2,000 records) and the org they came from.
   *
   * @param asOf null when read live; else when the local mirror last matched the org
   */
  public record Result(
      Org org, long totalSize, boolean done, List<Map<String, Object>> records, Instant asOf) {}

  /**
   * Runs {@code soql} on the org named by {@code orgReference}, or the user's default org when
   * null.
   *
   * @throws ScopienException INVALID_INPUT for malformed SOQL or unknown names, FORBIDDEN for a
   *     hidden field, NOT_FOUND for an unknown org
   */
  public Result query(User user, String orgReference, String soql) {
    if (soql == null || soql.isBlank()) {
      throw ScopienException.invalid("missing_soql", "Give the SOQL query in the field 'soql'.");
    }
    if (soql.length() > MAX_LENGTH) {
      throw ScopienException.invalid(
          "soql_too_long", "A query may be at most " + MAX_LENGTH + " characters long.");
    }
    SoqlQuery query = Soql.parse(soql);
    Org org =
        orgReference == null ? orgs.activeOrg("api:" + user.id()) : orgs.resolve(orgReference);
    SalesforceClient client = orgs.client(org);
    ObjectDescribe object = describe(client, query.from());
    new QueryMentions(fieldSecurity, name -> describe(client, name)).check(user, object, query);
    SoqlQuery visible = restrict(query, object, visibility.of(user, org), client);
    Optional<LocalMirror.Answer> local = mirror.read(org, visible);
    if (local.isPresent()) {
      return fromMirror(user, org, object.name(), visible, local.get());
    }
    QueryPage page = client.query(Soql.print(visible));
    List<Map<String, Object>> records =
        page.records().stream()
            .map(r -> fieldSecurity.strip(user.role(), r.type(), plain(r)))
            .toList();
    return new Result(org, page.totalSize(), page.done(), records, null);
  }

  private Result fromMirror(
      User user, Org org, String object, SoqlQuery query, LocalMirror.Answer answer) {
    if (query.isCount()) {
      return new Result(org, answer.matched(), true, List.of(), answer.asOf());
    }
    long offset = query.offset() == null ? 0 : query.offset();
    long total = Math.max(0, answer.matched() - offset);
    if (query.limit() != null) {
      total = Math.min(total, query.limit());
    }
    List<Map<String, Object>> records = new java.util.ArrayList<>();
    for (Map<String, Object> row : answer.rows()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("attributes", Map.of("type", object));
      out.putAll(fieldSecurity.strip(user.role(), object, plain(new SObjectRecord(object, row))));
      records.add(out);
    }
    return new Result(org, total, records.size() >= total, records, answer.asOf());
  }

  /** The query limited to what the caller may see, semi-joins on owned objects included. */
  private SoqlQuery restrict(
      SoqlQuery query, ObjectDescribe object, VisibleOwners who, SalesforceClient client) {
    if (who.all()) {
      return query;
    }
    Condition where = query.where() == null ? null : restrictJoins(query.where(), who, client);
    Optional<Condition> own = who.condition(object);
    if (own.isPresent()) {
      where = where == null ? own.get() : Condition.and(where, own.get());
    }
    return new SoqlQuery(
        query.select(),
        query.from(),
        query.alias(),
        where,
        query.groupBy(),
        query.orderBy(),
        query.limit(),
        query.offset());
  }

  private Condition restrictJoins(Condition c, VisibleOwners who, SalesforceClient client) {
    if (c instanceof Condition.And and) {
      return new Condition.And(
          and.conditions().stream().map(x -> restrictJoins(x, who, client)).toList());
    } else if (c instanceof Condition.Or or) {
      return new Condition.Or(
          or.conditions().stream().map(x -> restrictJoins(x, who, client)).toList());
    } else if (c instanceof Condition.Not not) {
      return new Condition.Not(restrictJoins(not.condition(), who, client));
    } else if (c instanceof Condition.SemiJoin join) {
      ObjectDescribe inner = describe(client, join.query().from());
      SoqlQuery limited = restrict(join.query(), inner, who, client);
      return new Condition.SemiJoin(join.field(), join.negated(), limited);
    }
    return c;
  }

  private static ObjectDescribe describe(SalesforceClient client, String name) {
    boolean known =
        client.describeGlobal().stream()
            .anyMatch(o -> o.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    if (!known) {
      throw ScopienException.invalid(
          "unknown_object", "sObject type '" + name + "' is not supported in this org.");
    }
    return client.describe(name);
  }

  private static Map<String, Object> plain(SObjectRecord record) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("attributes", Map.of("type", record.type()));
    record
        .fields()
        .forEach((key, value) -> out.put(key, value instanceof SObjectRecord r ? plain(r) : value));
    return out;
  }
}
