package com.scopien.localorg;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The identity URL ({@code GET /id/{orgId}/{userId}}) and OIDC userinfo. Both take a Bearer token
 * (or {@code oauth_token}), answer {@code 403 Bad_OAuth_Token} for a dead one, and do not count
 * against the REST allocation.
 */
final class IdentityHandler {

  private final OrgIdentity org;
  private final SessionStore sessions;
  private final RecordStore store;

  IdentityHandler(OrgIdentity org, SessionStore sessions, RecordStore store) {
    this.org = org;
    this.sessions = sessions;
    this.store = store;
  }

  void identity(Context ctx) {
    if (authenticated(ctx).isEmpty()) {
      ctx.status(403).result("Bad_OAuth_Token");
      return;
    }
    Optional<StoredRecord> user =
        SalesforceIds.normalize(ctx.pathParam("userId")).flatMap(store::find);
    boolean sameOrg =
        SalesforceIds.normalize(ctx.pathParam("orgId")).map(org.orgId()::equals).orElse(false);
    if (!sameOrg || user.isEmpty() || !user.get().object().name().equals("User")) {
      ctx.status(404).result("Bad_Id");
      return;
    }
    String version = ctx.queryParam("version");
    String v =
        version == null ? "{version}" : version.equals("latest") ? ApiVersions.LATEST : version;
    ctx.json(identityJson(user.get(), v));
  }

  void userInfo(Context ctx) {
    Optional<SessionStore.Session> session = authenticated(ctx);
    if (session.isEmpty()) {
      ctx.status(403).result("Bad_OAuth_Token");
      return;
    }
    StoredRecord user = store.find(session.get().userId()).orElseThrow();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("sub", org.identityUrl(user.id()));
    info.put("user_id", user.id());
    info.put("organization_id", org.orgId());
    info.put("preferred_username", user.get("Username"));
    info.put("nickname", user.get("Alias"));
    info.put("name", user.get("Name"));
    info.put("email", user.get("Email"));
    info.put("email_verified", true);
    info.put("given_name", user.get("FirstName"));
    info.put("family_name", user.get("LastName"));
    info.put("zoneinfo", user.get("TimeZoneSidKey"));
    info.put("active", user.get("IsActive"));
    info.put("user_type", "STANDARD");
    info.put("language", user.get("LanguageLocaleKey"));
    info.put("locale", user.get("LocaleSidKey"));
    info.put("utcOffset", 0);
    info.put("updated_at", WireFormat.formatDateTime((Instant) user.get("LastModifiedDate")));
    info.put("urls", urls(ApiVersions.LATEST));
    ctx.json(info);
  }

  private Optional<SessionStore.Session> authenticated(Context ctx) {
    String token = RestGate.bearer(ctx);
    if (token == null) {
      token = ctx.queryParam("oauth_token");
    }
    return sessions.touch(token);
  }

  private Map<String, Object> identityJson(StoredRecord user, String version) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", org.identityUrl(user.id()));
    json.put("asserted_user", true);
    json.put("user_id", user.id());
    json.put("organization_id", org.orgId());
    json.put("username", user.get("Username"));
    json.put("nick_name", user.get("Alias"));
    json.put("display_name", user.get("Name"));
    json.put("email", user.get("Email"));
    json.put("email_verified", true);
    json.put("first_name", user.get("FirstName"));
    json.put("last_name", user.get("LastName"));
    json.put("timezone", user.get("TimeZoneSidKey"));
    Map<String, Object> photos = new LinkedHashMap<>();
    photos.put("picture", org.baseUrl() + "/profilephoto/005/F");
    photos.put("thumbnail", org.baseUrl() + "/profilephoto/005/T");
    json.put("photos", photos);
    json.put("addr_street", null);
    json.put("addr_city", null);
    json.put("addr_state", null);
    json.put("addr_country", "US");
    json.put("addr_zip", null);
    json.put("mobile_phone", null);
    json.put("mobile_phone_verified", false);
    json.put("is_lightning_login_user", false);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("created_date", null);
    status.put("body", null);
    json.put("status", status);
    json.put("urls", urls(version));
    json.put("active", user.get("IsActive"));
    json.put("user_type", "STANDARD");
    json.put("language", user.get("LanguageLocaleKey"));
    json.put("locale", user.get("LocaleSidKey"));
    json.put("utcOffset", 0);
    json.put(
        "last_modified_date", WireFormat.formatDateTime((Instant) user.get("LastModifiedDate")));
    json.put("is_app_installed", true);
    return json;
  }

  private Map<String, Object> urls(String version) {
    String data = org.baseUrl() + "/services/data/v" + version + "/";
    Map<String, Object> urls = new LinkedHashMap<>();
    urls.put("enterprise", org.baseUrl() + "/services/Soap/c/" + version + "/" + org.orgId());
    urls.put("metadata", org.baseUrl() + "/services/Soap/m/" + version + "/" + org.orgId());
    urls.put("partner", org.baseUrl() + "/services/Soap/u/" + version + "/" + org.orgId());
    urls.put("rest", data);
    urls.put("sobjects", data + "sobjects/");
    urls.put("search", data + "search/");
    urls.put("query", data + "query/");
    urls.put("recent", data + "recent/");
    urls.put("tooling_rest", data + "tooling/");
    urls.put("profile", org.baseUrl() + "/" + org.userId());
    urls.put("users", data + "chatter/users");
    urls.put("custom_domain", org.baseUrl());
    return urls;
  }
}
