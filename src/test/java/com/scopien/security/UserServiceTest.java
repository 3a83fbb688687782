package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.store.DatabaseTestBase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserServiceTest extends DatabaseTestBase {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private UserService users;

  @BeforeEach
  void setUp() {
    users = new UserService(jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static String uniqueEmail() {
    return "user-" + UUID.randomUUID() + "@acme.com";
  }

  @Test
  void createsUsersWithNormalisedEmailsAndFindsThem() {
    String email = uniqueEmail();

    User jane = users.createUser("  Jane Roe ", "  " + email.toUpperCase() + " ", Role.MANAGER);

    assertThat(jane.name()).isEqualTo("Jane Roe");
    assertThat(jane.email()).isEqualTo(email);
    assertThat(jane.role()).isEqualTo(Role.MANAGER);
    assertThat(users.find(jane.id())).contains(jane);
    assertThat(users.findByEmail(email.toUpperCase())).contains(jane);
    assertThat(users.list()).contains(jane);
  }

  @Test
  void aSecondUserWithTheSameEmailIsAConflict() {
    String email = uniqueEmail();
    users.createUser("Jane", email, Role.USER);

    assertThatThrownBy(() -> users.createUser("Other Jane", email.toUpperCase(), Role.GUEST))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ScopienException.Kind.CONFLICT);
              assertThat(e.code()).isEqualTo("email_taken");
            });
  }

  @Test
  void invalidUsersAreRefusedAndNothingIsStored() {
    int before = users.list().size();

    for (Runnable bad :
        new Runnable[] {
          () -> users.createUser("", uniqueEmail(), Role.USER),
          () -> users.createUser("Jane", "not-an-email", Role.USER),
          () -> users.createUser("Jane", uniqueEmail(), null)
        }) {
      assertThatThrownBy(bad::run)
          .isInstanceOfSatisfying(
              ScopienException.class, e -> assertThat(e.code()).isEqualTo("invalid_user"));
    }
    assertThat(users.list()).hasSize(before);
  }

  @Test
  void issuedKeyAuthenticatesItsUserAndIsStoredOnlyHashed() {
    User jane = users.createUser("Jane", uniqueEmail(), Role.USER);

    UserService.IssuedKey issued = users.issueKey(jane.id());
    String key = issued.key().reveal();

    assertThat(key).matches("scp_[0-9A-Za-z]{43}");
    assertThat(issued.prefix()).isEqualTo(key.substring(0, 10));
    assertThat(issued.key().toString()).doesNotContain(key);
    assertThat(users.authenticate(key)).contains(jane);
    assertThat(users.keysOf(jane.id()))
        .singleElement()
        .satisfies(
            info -> {
              assertThat(info.id()).isEqualTo(issued.id());
              assertThat(info.createdAt()).isEqualTo(NOW);
              assertThat(info.active()).isTrue();
            });
    long rowsHoldingTheKey =
        jdbc()
            .queryOne(
                "SELECT COUNT(*) FROM api_keys WHERE key_hash = ? OR prefix = ?",
                r -> r.getLong(1),
                key,
                key)
            .orElseThrow();
    assertThat(rowsHoldingTheKey).isZero();
  }

  @Test
  void keysAreRandomAndEachOneIsItsOwn() {
    User jane = users.createUser("Jane", uniqueEmail(), Role.USER);
    User john = users.createUser("John", uniqueEmail(), Role.ADMIN);

    String janes = users.issueKey(jane.id()).key().reveal();
    String johns = users.issueKey(john.id()).key().reveal();

    assertThat(janes).isNotEqualTo(johns);
    assertThat(users.authenticate(janes)).contains(jane);
    assertThat(users.authenticate(johns)).contains(john);
  }

  @Test
  void revokedKeysNoLongerAuthenticateButOtherKeysDo() {
    User jane = users.createUser("Jane", uniqueEmail(), Role.USER);
    UserService.IssuedKey first = users.issueKey(jane.id());
    UserService.IssuedKey second = users.issueKey(jane.id());

    users.revokeKey(first.id());
    users.revokeKey(first.id());

    assertThat(users.authenticate(first.key().reveal())).isEmpty();
    assertThat(users.authenticate(second.key().reveal())).contains(jane);
    assertThat(users.keysOf(jane.id()))
        .filteredOn(k -> k.id().equals(first.id()))
        .singleElement()
        .satisfies(k -> assertThat(k.revokedAt()).isEqualTo(NOW));
    assertThatThrownBy(() -> users.revokeKey("no-such-key"))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.code()).isEqualTo("unknown_api_key"));
  }

  @Test
  void anExpiredKeyAndTheKeysOfADeactivatedUserNoLongerAuthenticate() {
    User jane = users.createUser("Jane", uniqueEmail(), Role.USER);
    String expired = users.issueKey(jane.id(), "old", NOW).key().reveal();
    String later = users.issueKey(jane.id(), "ci", NOW.plusSeconds(1)).key().reveal();

    assertThat(users.authenticate(expired)).isEmpty();
    assertThat(users.authenticate(later)).contains(jane);
    assertThat(users.keysOf(jane.id()))
        .filteredOn(k -> "ci".equals(k.name()))
        .singleElement()
        .satisfies(k -> assertThat(k.lastUsedAt()).isEqualTo(NOW));

    jdbc().update("UPDATE users SET active = FALSE WHERE id = ?", jane.id());
    assertThat(users.authenticate(later)).isEmpty();
    jdbc().update("UPDATE users SET active = TRUE WHERE id = ?", jane.id());
    assertThat(users.authenticate(later)).contains(jane);
  }

  @Test
  void unknownAndMalformedKeysAreEmptyNeverErrors() {
    User jane = users.createUser("Jane", uniqueEmail(), Role.USER);
    String key = users.issueKey(jane.id()).key().reveal();

    String[] bad = {
      null,
      "",
      " ",
      "short",
      key + " ",
      key.substring(0, key.length() - 1),
      key.substring(0, key.length() - 1) + (key.endsWith("a") ? "b" : "a"),
      "scp_" + "x".repeat(5000),
      "scp_\u0000\u0001",
      "scp_ünïcødé-key-value",
      "' OR 1=1 --"
    };
    for (String candidate : bad) {
      assertThat(users.authenticate(candidate)).as("%s", candidate).isEmpty();
    }
  }

  @Test
  void issuingForAnUnknownUserIsNotFound() {
    assertThatThrownBy(() -> users.issueKey("no-such-user"))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ScopienException.Kind.NOT_FOUND);
              assertThat(e.code()).isEqualTo("unknown_user");
            });
  }

  @Test
  void managersHaveTeams() {
    User boss = users.createUser("Boss", uniqueEmail(), Role.MANAGER);
    User ann = users.createUser("Ann", uniqueEmail(), Role.USER);
    User bob = users.createUser("Bob", uniqueEmail(), Role.USER);

    users.assignManager(ann.id(), boss.id());
    users.assignManager(bob.id(), boss.id());
    assertThat(users.teamOf(boss.id())).containsExactly(ann, bob);

    users.assignManager(bob.id(), null);
    assertThat(users.teamOf(boss.id())).containsExactly(ann);
    assertThatThrownBy(() -> users.assignManager(ann.id(), ann.id()))
        .isInstanceOf(ScopienException.class);
    assertThatThrownBy(() -> users.assignManager(ann.id(), "no-such-user"))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.code()).isEqualTo("unknown_user"));
  }
}
