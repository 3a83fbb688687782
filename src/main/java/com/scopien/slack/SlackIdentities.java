package com.scopien.slack;

import com.scopien.security.User;
import com.scopien.security.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a Slack user is in Scopien: the Scopien user an admin linked them to, or else the Scopien
 * user with their Slack profile's email address. Anyone else is nobody: they get no data, and their
 * role never defaults to anything. Emails are remembered for a few minutes so that a busy thread
 * does not ask Slack for the same profile each time. Thread-safe.
 */
final class SlackIdentities {
  static final Duration EMAIL_TTL = Duration.ofMinutes(10);
  private static final int MAX_CACHED = 10_000;

  private record CachedEmail(Optional<String> email, Instant fetchedAt) {}

  private final SlackStore store;
  private final SlackClient slack;
  private final UserService users;
  private final Clock clock;
  private final Map<String, CachedEmail> emails = new ConcurrentHashMap<>();
  private final Map<String, CachedZone> zones = new ConcurrentHashMap<>();

  private record CachedZone(java.time.ZoneId zone, Instant fetchedAt) {}

  SlackIdentities(SlackStore store, SlackClient slack, UserService users, Clock clock) {
    this.store = store;
    this.slack = slack;
    this.users = users;
    this.clock = clock;
  }

  /** The active Scopien user behind a Slack user id, if there is one; deactivated users are not. */
  Optional<User> resolve(String slackUserId) {
    if (slackUserId == null || slackUserId.isBlank()) {
      return Optional.empty();
    }
    Optional<SlackStore.Link> link = store.link(slackUserId);
    if (link.isPresent()) {
      return users.findActive(link.get().userId());
    }
    return email(slackUserId).flatMap(users::findActiveByEmail);
  }

  /**
   * The time zone of the Slack user's profile, for times in replies; UTC when Slack gives none.
   * Remembered as long as an email is.
   */
  java.time.ZoneId zoneOf(String slackUserId) {
    Instant now = clock.instant();
    CachedZone cached = zones.get(slackUserId);
    if (cached != null && cached.fetchedAt().plus(EMAIL_TTL).isAfter(now)) {
      return cached.zone();
    }
    java.time.ZoneId zone = slack.timeZoneOf(slackUserId).orElse(java.time.ZoneId.of("UTC"));
    if (zones.size() >= MAX_CACHED) {
      zones.clear();
    }
    zones.put(slackUserId, new CachedZone(zone, now));
    return zone;
  }

  private Optional<String> email(String slackUserId) {
    Instant now = clock.instant();
    CachedEmail cached = emails.get(slackUserId);
    if (cached != null && cached.fetchedAt().plus(EMAIL_TTL).isAfter(now)) {
      return cached.email();
    }
    Optional<String> email = slack.emailOf(slackUserId);
    if (emails.size() >= MAX_CACHED) {
      emails.clear();
    }
    emails.put(slackUserId, new CachedEmail(email, now));
    return email;
  }
}
