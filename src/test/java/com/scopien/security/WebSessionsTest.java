package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.store.DatabaseTestBase;
import com.scopien.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebSessionsTest extends DatabaseTestBase {

  private MutableClock clock;
  private UserService users;
  private WebSessions sessions;
  private User sarah;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    users = new UserService(jdbc(), clock);
    sessions =
        new WebSessions(
            jdbc(), users, clock, new SecureRandom(), Duration.ofHours(8), Duration.ofDays(7));
    sarah = users.createUser("Sarah Chen", "sarah-" + UUID.randomUUID() + "@acme.com", Role.USER);
  }

  @Test
  void aSessionNamesItsUserAndOnlyItsHashIsStored() {
    WebSessions.Opened opened = sessions.open(sarah, null);
    assertThat(opened.sessionId()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(sessions.find(opened.sessionId()))
        .hasValueSatisfying(
            live -> {
              assertThat(live.user().id()).isEqualTo(sarah.id());
              assertThat(live.csrfToken()).isEqualTo(opened.csrfToken());
            });
    long plain =
        jdbc()
            .queryOne(
                "SELECT COUNT(*) FROM web_sessions WHERE id_hash = ?",
                rs -> rs.getLong(1),
                opened.sessionId())
            .orElseThrow();
    assertThat(plain).isZero();
    assertThat(sessions.find("not-a-session")).isEmpty();
    assertThat(WebSessions.csrfMatches(opened.sessionId(), opened.csrfToken())).isTrue();
    assertThat(WebSessions.csrfMatches(opened.sessionId(), "forged")).isFalse();
    assertThat(WebSessions.csrfMatches(opened.sessionId(), null)).isFalse();
  }

  @Test
  void aSessionEndsAfterEightIdleHours() {
    WebSessions.Opened opened = sessions.open(sarah, null);
    clock.advance(Duration.ofHours(7));
    assertThat(sessions.find(opened.sessionId())).isPresent();
    clock.advance(Duration.ofHours(7));
    assertThat(sessions.find(opened.sessionId())).isPresent();
    clock.advance(Duration.ofHours(8));
    assertThat(sessions.find(opened.sessionId())).isEmpty();
  }

  @Test
  void aSessionInUseStillEndsAfterSevenDays() {
    WebSessions.Opened opened = sessions.open(sarah, null);
    for (int i = 0; i < 6 * 24 / 4; i++) {
      clock.advance(Duration.ofHours(4));
      assertThat(sessions.find(opened.sessionId())).isPresent();
    }
    clock.advance(Duration.ofDays(1));
    assertThat(sessions.find(opened.sessionId())).isEmpty();
  }

  @Test
  void expiredSessionsAreSweptWhenANewOneOpens() {
    sessions.open(sarah, null);
    clock.advance(Duration.ofHours(9));
    sessions.open(sarah, null);
    long left =
        jdbc()
            .queryOne(
                "SELECT COUNT(*) FROM web_sessions WHERE user_id = ?",
                rs -> rs.getLong(1),
                sarah.id())
            .orElseThrow();
    assertThat(left).isEqualTo(1);
  }

  @Test
  void signOutAndDeactivationEndSessions() {
    WebSessions.Opened first = sessions.open(sarah, null);
    WebSessions.Opened second = sessions.open(sarah, null);
    assertThat(sessions.end(first.sessionId())).hasValue(sarah.id());
    assertThat(sessions.find(first.sessionId())).isEmpty();
    assertThat(sessions.find(second.sessionId())).isPresent();

    new UserStore(jdbc()).setActive(sarah.id(), false, clock.instant());
    assertThat(sessions.find(second.sessionId())).isEmpty();
    long left =
        jdbc()
            .queryOne(
                "SELECT COUNT(*) FROM web_sessions WHERE user_id = ?",
                rs -> rs.getLong(1),
                sarah.id())
            .orElseThrow();
    assertThat(left).isZero();
  }
}
