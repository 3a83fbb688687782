package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.orgs.AuthorizationRequest;
import com.scopien.orgs.AuthorizationStart;
import com.scopien.orgs.Disconnection;
import com.scopien.orgs.Environment;
import com.scopien.orgs.OrgAdmin;
import com.scopien.orgs.Reconnection;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.regex.Pattern;

/**
 * The admin's org routes behind Settings → Integrations: start a browser sign-in, read how it
 * ended, the verification card, reconnect, disconnect and remove. Routes are {@link Access#ADMIN};
 * {@link OrgAdmin} checks the role again and writes the audit log.
 */
final class OrgAdminHandler {

  /** Org and request ids are UUIDs; anything else is refused before it reaches the store. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

  private final OrgAdmin admin;
  private final JsonBodyReader reader;

  OrgAdminHandler(OrgAdmin admin, JsonBodyReader reader) {
    this.admin = admin;
    this.reader = reader;
  }

  /**
   * {@code POST /api/orgs/connect} with {@code {"name","environment","loginUrl"?,"clientId",
   * "clientSecret"?}}.
   */
  void connect(Context ctx) {
    JsonBodyReader.Body body = reader.read(ctx);
    String environment = body.requiredText("environment");
    AuthorizationRequest request =
        new AuthorizationRequest(
            body.requiredText("name"),
            Environment.parse(environment)
                .orElseThrow(
                    () ->
                        ScopienException.invalid(
                            "invalid_environment",
                            "Field 'environment' must be production or sandbox.")),
            body.optionalText("loginUrl").orElse(null),
            body.requiredText("clientId"),
            body.optionalText("clientSecret").map(Secret::of),
            callbackUrl(ctx));
    AuthorizationStart start = admin.startAuthorization(ApiKeyAuthHandler.user(ctx), request);
    ctx.status(HttpStatus.CREATED).json(ConnectWire.authorization(start, callbackUrl(ctx)));
  }

  /** {@code GET /api/orgs/connect/{requestId}}. */
  void outcome(Context ctx) {
    String id = id(ctx, "requestId");
    ctx.json(ConnectWire.outcome(admin.outcome(ApiKeyAuthHandler.user(ctx), id)));
  }

  /** {@code GET /api/orgs/{id}}: the verification card. */
  void card(Context ctx) {
    ctx.json(ConnectWire.card(admin.org(ApiKeyAuthHandler.user(ctx), id(ctx, "id"))));
  }

  /** {@code POST /api/orgs/{id}/reconnect}. */
  void reconnect(Context ctx) {
    String callback = callbackUrl(ctx);
    Reconnection reconnection =
        admin.reconnect(ApiKeyAuthHandler.user(ctx), id(ctx, "id"), callback);
    ctx.json(
        new ConnectWire.Reconnect(
            reconnection.authorization() == null
                ? null
                : ConnectWire.authorization(reconnection.authorization(), callback),
            ConnectWire.card(reconnection.org())));
  }

  /**
   * {@code DELETE /api/orgs/{id}}: disconnects (revokes, forgets the tokens, keeps the org listed);
   * with {@code ?remove=true} deletes the org too.
   */
  void disconnect(Context ctx) {
    String id = id(ctx, "id");
    if ("true".equalsIgnoreCase(ctx.queryParam("remove"))) {
      admin.remove(ApiKeyAuthHandler.user(ctx), id);
      ctx.status(HttpStatus.NO_CONTENT);
      return;
    }
    Disconnection done = admin.disconnect(ApiKeyAuthHandler.user(ctx), id);
    ctx.json(new ConnectWire.Disconnect(ConnectWire.card(done.org()), done.tokenRevoked()));
  }

  /**
   * Where the org sends the browser back: this server as the browser reached it. The connected app
   * must list this exact URL as a callback.
   */
  static String callbackUrl(Context ctx) {
    String host = ctx.host();
    if (host == null || !HOST.matcher(host).matches()) {
      throw ScopienException.invalid("invalid_host", "The request's Host header is not usable.");
    }
    return ctx.scheme() + "://" + host + "/oauth/callback";
  }

  private static String id(Context ctx, String name) {
    String value = ctx.pathParam(name);
    if (!ID.matcher(value).matches()) {
      throw ScopienException.notFound("unknown_org", "There is no such org.");
    }
    return value;
  }
}
