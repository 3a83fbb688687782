package com.scopien.web;

import com.scopien.ScopienException;
import com.scopien.agent.RecordVisibility;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Admins link a Scopien user to their Salesforce user in an org when the emails differ: {@code PUT
 * /api/orgs/{id}/users/{userId}} with {@code {"salesforceUserId": "005..."}}, and {@code DELETE} to
 * fall back to the email match. Routes are {@link Access#ADMIN}.
 */
final class UserLinkHandler {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final RecordVisibility visibility;
  private final Predicate<String> userExists;
  private final JsonBodyReader reader;

  UserLinkHandler(
      RecordVisibility visibility, Predicate<String> userExists, JsonBodyReader reader) {
    this.visibility = visibility;
    this.userExists = userExists;
    this.reader = reader;
  }

  void link(Context ctx) {
    String orgId = id(ctx, "id");
    String userId = user(ctx);
    String salesforceUserId = reader.read(ctx).requiredText("salesforceUserId");
    String linked = visibility.link(orgId, userId, salesforceUserId);
    ctx.json(Map.of("orgId", orgId, "userId", userId, "salesforceUserId", linked));
  }

  void unlink(Context ctx) {
    String orgId = id(ctx, "id");
    if (!visibility.unlink(orgId, user(ctx))) {
      throw ScopienException.notFound("unknown_link", "That user has no link in this org.");
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private String user(Context ctx) {
    String userId = id(ctx, "userId");
    if (!userExists.test(userId)) {
      throw ScopienException.notFound("unknown_user", "No Scopien user with that id.");
    }
    return userId;
  }

  private static String id(Context ctx, String name) {
    String value = ctx.pathParam(name);
    if (!ID.matcher(value).matches()) {
      throw ScopienException.notFound("not_found", "No such " + name + ".");
    }
    return value;
  }
}
