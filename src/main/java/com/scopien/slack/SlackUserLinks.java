package com.scopien.slack;

import com.scopien.ScopienException;
import com.scopien.security.AuditLog;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.security.UserService;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Admins' explicit links from Slack users to Scopien users, for people whose Slack email differs
 * from their Scopien one. Only admins may list or change links; each change is in the audit log.
 * Thread-safe.
 */
final class SlackUserLinks {
  /** Slack user ids: U… in a workspace, W… across an Enterprise Grid. */
  static final Pattern SLACK_USER_ID = Pattern.compile("[UW][A-Z0-9]{2,30}");

  /** A link as the admin API shows it. */
  record LinkView(
      String slackUserId, String userId, String email, String name, String role, String linkedAt) {}

  private final SlackStore store;
  private final UserService users;
  private final AuditLog audit;
  private final Clock clock;

  SlackUserLinks(SlackStore store, UserService users, AuditLog audit, Clock clock) {
    this.store = store;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  List<LinkView> list(User actor) {
    requireAdmin(actor);
    return store.links().stream().map(this::view).toList();
  }

  /**
   * Links a Slack user to the Scopien user with {@code email} (or id {@code userId}).
   *
   * @throws ScopienException {@code INVALID_INPUT/invalid_slack_user}, {@code
   *     NOT_FOUND/unknown_user}, {@code FORBIDDEN/admin_only}
   */
  LinkView link(User actor, String slackUserId, String email, String userId) {
    requireAdmin(actor);
    String id = slackUserId(slackUserId);
    Optional<User> target = userId != null ? users.find(userId) : users.findByEmail(email);
    User user =
        target.orElseThrow(
            () ->
                ScopienException.notFound(
                    "unknown_user", "There is no Scopien user with that email or id."));
    Optional<SlackStore.Link> before = store.link(id);
    SlackStore.Link link = new SlackStore.Link(id, user.id(), actor.id(), clock.instant());
    store.saveLink(link);
    audit.record(
        actor,
        "slack_user.link",
        "slack_user",
        id,
        null,
        before.map(b -> Map.of("userId", b.userId())).orElse(null),
        Map.of("userId", user.id()));
    return view(link);
  }

  /**
   * Removes a link; the Slack user falls back to the email match.
   *
   * @throws ScopienException {@code NOT_FOUND/unknown_slack_link}, {@code FORBIDDEN/admin_only}
   */
  void unlink(User actor, String slackUserId) {
    requireAdmin(actor);
    String id = slackUserId(slackUserId);
    Optional<SlackStore.Link> before = store.link(id);
    if (before.isEmpty() || !store.deleteLink(id)) {
      throw ScopienException.notFound(
          "unknown_slack_link", "That Slack user is not linked to anyone.");
    }
    audit.record(
        actor,
        "slack_user.unlink",
        "slack_user",
        id,
        null,
        Map.of("userId", before.get().userId()),
        null);
  }

  private LinkView view(SlackStore.Link link) {
    Optional<User> user = users.find(link.userId());
    return new LinkView(
        link.slackUserId(),
        link.userId(),
        user.map(User::email).orElse(null),
        user.map(User::name).orElse(null),
        user.map(u -> u.role().name().toLowerCase(Locale.ROOT)).orElse(null),
        link.linkedAt().toString());
  }

  private static String slackUserId(String raw) {
    String id = raw == null ? "" : raw.trim();
    if (!SLACK_USER_ID.matcher(id).matches()) {
      throw ScopienException.invalid(
          "invalid_slack_user",
          "A Slack user id looks like U0123ABCD (from the person's profile).");
    }
    return id;
  }

  private static void requireAdmin(User actor) {
    if (actor == null || actor.role() != Role.ADMIN) {
      throw ScopienException.forbidden("admin_only", "Only an admin may manage Slack user links.");
    }
  }
}
