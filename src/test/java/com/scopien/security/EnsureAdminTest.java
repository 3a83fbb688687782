package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.config.Secret;
import com.scopien.store.Database;
import com.scopien.store.TestDatabases;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Bootstrap needs an empty database for every test, on both engines. */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabases.Engine.class)
class EnsureAdminTest {

  @Parameter TestDatabases.Engine engine;

  private Database database;
  private UserService users;

  @BeforeEach
  void openEmptyDatabase() {
    database = TestDatabases.open(engine);
    users = new UserService(database.jdbc(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  /** A new service over the same database, as after a restart. */
  private UserService restarted() {
    return new UserService(database.jdbc(), Clock.systemUTC());
  }

  @Test
  void withoutAConfiguredKeyTheFirstStartCreatesAnAdminAndReturnsItsKeyOnce() {
    Optional<Secret> key = users.ensureAdmin(Optional.empty());

    assertThat(key).isPresent();
    Optional<User> admin = users.authenticate(key.get().reveal());
    assertThat(admin).map(User::role).contains(Role.ADMIN);
    assertThat(admin).map(User::email).contains(UserService.BOOTSTRAP_ADMIN_EMAIL);

    assertThat(restarted().ensureAdmin(Optional.empty())).isEmpty();
    assertThat(users.list()).hasSize(1);
    assertThat(users.authenticate(key.get().reveal())).isEqualTo(admin);
  }

  @Test
  void anExistingAdminMeansNothingIsCreated() {
    users.createUser("Ada", "ada@acme.com", Role.ADMIN);

    assertThat(users.ensureAdmin(Optional.empty())).isEmpty();
    assertThat(users.list()).hasSize(1);
  }

  @Test
  void aConfiguredKeyAuthenticatesAnAdminAndIsIdempotentAcrossRestarts() {
    Secret configured = Secret.of("my-configured-admin-key-123");

    assertThat(users.ensureAdmin(Optional.of(configured))).isEmpty();
    assertThat(restarted().ensureAdmin(Optional.of(configured))).isEmpty();

    assertThat(users.authenticate(configured.reveal())).map(User::role).contains(Role.ADMIN);
    assertThat(users.list()).hasSize(1);
    User admin = users.list().get(0);
    assertThat(users.keysOf(admin.id()))
        .singleElement()
        .satisfies(k -> assertThat(k.prefix()).isEqualTo(ApiKeys.CONFIGURED_LABEL));
  }

  @Test
  void aConfiguredKeyIsAttachedToTheExistingAdmin() {
    User ada = users.createUser("Ada", "ada@acme.com", Role.ADMIN);

    users.ensureAdmin(Optional.of(Secret.of("configured-key-for-ada")));

    assertThat(users.authenticate("configured-key-for-ada")).contains(ada);
    assertThat(users.list()).containsExactly(ada);
  }

  @Test
  void changingTheConfiguredKeyRevokesTheOldOne() {
    users.ensureAdmin(Optional.of(Secret.of("first-configured-key")));

    restarted().ensureAdmin(Optional.of(Secret.of("second-configured-key")));

    assertThat(users.authenticate("first-configured-key")).isEmpty();
    assertThat(users.authenticate("second-configured-key")).map(User::role).contains(Role.ADMIN);
  }

  @Test
  void aRevokedConfiguredKeyIsReinstatedWhileItIsStillConfigured() {
    users.ensureAdmin(Optional.of(Secret.of("configured-admin-key")));
    User admin = users.authenticate("configured-admin-key").orElseThrow();
    users.revokeKey(users.keysOf(admin.id()).get(0).id());
    assertThat(users.authenticate("configured-admin-key")).isEmpty();

    restarted().ensureAdmin(Optional.of(Secret.of("configured-admin-key")));

    assertThat(users.authenticate("configured-admin-key")).contains(admin);
  }

  @Test
  void aConfiguredKeyTooShortToBeSafeIsRefused() {
    assertThatThrownBy(() -> users.ensureAdmin(Optional.of(Secret.of("short"))))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo("weak_admin_key");
              assertThat(e.getMessage()).doesNotContain("short");
            });
    assertThat(users.list()).isEmpty();
  }
}
