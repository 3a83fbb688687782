package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.store.DatabaseTestBase;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuestAccessTest extends DatabaseTestBase {
  private final Clock clock = Clock.systemUTC();

  @Test
  void aNewStoreOpensAccountNamesOnlyAndAChangeIsSharedStoredAndAudited() {
    GuestAccess access = GuestAccess.stored(jdbc(), clock);
    Map<String, List<String>> before = access.opened();
    assertThat(GuestAccess.stored(jdbc(), clock).opened()).isEqualTo(before);
    AuditLog audit = new AuditLog(jdbc(), FieldSecurity.defaults(), Redactor.standard(), clock);
    User admin = new UserService(jdbc(), clock).createUser("Ada", "ada-ga@x.test", Role.ADMIN);

    access.replace(
        admin,
        Map.of("Account", List.of("Id", "Name", "Industry"), "Case", List.of("Subject")),
        audit);

    assertThat(access.fieldOpen("account", "industry")).isTrue();
    assertThat(access.objectOpen("Case")).isTrue();
    GuestAccess other = GuestAccess.stored(jdbc(), clock);
    assertThat(other.fieldOpen("Case", "Subject")).isTrue();
    assertThat(other.fieldOpen("Case", "Description")).isFalse();
    assertThat(audit.recent(5))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("guest_access.update");
              assertThat(e.actorUserId()).isEqualTo(admin.id());
            });

    access.replace(admin, before, audit);
    assertThat(GuestAccess.stored(jdbc(), clock).opened()).isEqualTo(before);
  }

  @Test
  void badNamesAreAllListedAndChangeNothing() {
    GuestAccess access = GuestAccess.stored(jdbc(), clock);
    Map<String, List<String>> before = access.opened();
    AuditLog audit = new AuditLog(jdbc(), FieldSecurity.defaults(), Redactor.standard(), clock);
    Map<String, List<String>> bad = new LinkedHashMap<>();
    bad.put("Account", List.of("Name", "Drop table"));
    bad.put("1nvalid", List.of("Id"));
    bad.put("Case", List.of());

    assertThatThrownBy(() -> access.replace(null, bad, audit))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_guest_access");
              assertThat(e.getMessage()).contains("Drop table", "1nvalid", "'Case' needs");
            });
    assertThat(GuestAccess.stored(jdbc(), clock).opened()).isEqualTo(before);
    assertThat(GuestAccess.defaults().opened()).containsOnlyKeys("account");
  }
}
