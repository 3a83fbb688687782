package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  private final AccessPolicy policy = new AccessPolicy();

  @Test
  void everyoneReadsButGuestsNeverWrite() {
    assertThat(policy.canRead(Role.GUEST)).isTrue();
    assertThat(policy.canWrite(Role.GUEST)).isFalse();
    assertThat(policy.canWrite(Role.USER)).isTrue();
    assertThat(policy.canWrite(Role.MANAGER)).isTrue();
    assertThat(policy.canWrite(Role.ADMIN)).isTrue();
    assertThat(policy.canRead(null)).isFalse();
    assertThat(policy.canWrite(null)).isFalse();
  }

  @Test
  void onlyAdminsAdminister() {
    assertThat(policy.canAdminister(Role.ADMIN)).isTrue();
    assertThat(policy.canAdminister(Role.MANAGER)).isFalse();
  }

  @Test
  void scopeWidensWithTheRoleAndGuestsReadEverything() {
    assertThat(policy.scope(Role.GUEST)).isEqualTo(AccessPolicy.Scope.ALL);
    assertThat(policy.scope(Role.USER)).isEqualTo(AccessPolicy.Scope.OWN);
    assertThat(policy.scope(Role.MANAGER)).isEqualTo(AccessPolicy.Scope.TEAM);
    assertThat(policy.scope(Role.ADMIN)).isEqualTo(AccessPolicy.Scope.ALL);
  }

  @Test
  void requirePassesForTheRoleAndAboveAndSaysWhatIsMissingBelow() {
    assertThatCode(() -> policy.require(Role.ADMIN, Role.MANAGER)).doesNotThrowAnyException();
    assertThatCode(() -> policy.require(Role.MANAGER, Role.MANAGER)).doesNotThrowAnyException();

    assertThatThrownBy(() -> policy.require(Role.USER, Role.MANAGER))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ScopienException.Kind.FORBIDDEN);
              assertThat(e.code()).isEqualTo("forbidden");
              assertThat(e.getMessage())
                  .isEqualTo("This needs the manager role or higher; you have the user role.");
            });
    assertThatThrownBy(() -> policy.require(null, Role.GUEST))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(403));
  }

  @Test
  void requireWriteRefusesGuests() {
    assertThatCode(() -> policy.requireWrite(Role.USER)).doesNotThrowAnyException();
    assertThatThrownBy(() -> policy.requireWrite(Role.GUEST))
        .isInstanceOfSatisfying(
            ScopienException.class, e -> assertThat(e.code()).isEqualTo("forbidden"))
        .hasMessageContaining("read");
  }
}
