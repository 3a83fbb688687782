package com.scopien.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.Core;
import com.scopien.config.ConfigLoader;
import com.scopien.security.AuditLog;
import com.scopien.security.Role;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scopien users ...} against a real data folder (H2), as an operator runs it. */
class UsersCommandTest {
  private static final Pattern KEY = Pattern.compile("scp_[0-9A-Za-z]{43}");

  @TempDir Path dataDir;
  private Map<String, String> env;

  @BeforeEach
  void environment() {
    env = new HashMap<>(Map.of("SCOPIEN_DATA_DIR", dataDir.toString()));
  }

  @Test
  void addPrintsTheFirstKeyWhichAuthenticatesTheNewUser() {
    Run boss =
        run("users", "add", "--email", "Boss@Acme.test", "--name", "Bo Boss", "--role", "manager");
    assertThat(boss.code).as(boss.err).isZero();
    assertThat(boss.out).contains("Added Bo Boss <boss@acme.test> as manager");

    Run rep =
        run(
            "users",
            "add",
            "--email",
            "rep@acme.test",
            "--name",
            "Rae Rep",
            "--role",
            "user",
            "--manager",
            "boss@acme.test");
    assertThat(rep.code).as(rep.err).isZero();
    String key = key(rep.out);

    try (Core core = Core.open(ConfigLoader.load(env))) {
      assertThat(core.users().authenticate(key))
          .hasValueSatisfying(u -> assertThat(u.email()).isEqualTo("rep@acme.test"));
      String bossId = core.users().findByEmail("boss@acme.test").orElseThrow().id();
      assertThat(core.users().teamOf(bossId))
          .extracting(u -> u.email())
          .containsExactly("rep@acme.test");
      AuditLog.Entry last = core.audit().recent(1).get(0);
      assertThat(last.action()).isEqualTo("api_key.create");
      assertThat(last.actorUserId()).isEqualTo(core.operator().id());
      assertThat(last.toString()).doesNotContain(key);
    }
    Run list = run("users", "list");
    assertThat(list.out).contains("rep@acme.test", "Rae Rep", "user", "active", "boss@acme.test");
  }

  @Test
  void roleDeactivateAndKeyChangeWhatTheyShould() {
    run("users", "add", "--email", "sam@acme.test", "--name", "Sam", "--role", "guest");
    Run role = run("users", "role", "--email", "sam@acme.test", "--role", "user");
    assertThat(role.code).as(role.err).isZero();
    assertThat(role.out).contains("sam@acme.test is now user.");

    Run second = run("users", "key", "--email", "sam@acme.test", "--name", "ci");
    assertThat(second.code).as(second.err).isZero();
    String key = key(second.out);
    try (Core core = Core.open(ConfigLoader.load(env))) {
      assertThat(core.users().authenticate(key))
          .hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.USER));
    }

    Run off = run("users", "deactivate", "--email", "sam@acme.test");
    assertThat(off.code).as(off.err).isZero();
    try (Core core = Core.open(ConfigLoader.load(env))) {
      assertThat(core.users().authenticate(key)).isEmpty();
    }
    assertThat(run("users", "list").out).contains("deactivated");
  }

  @Test
  void badInputIsOneClearErrorAndChangesNothing() {
    Run bad = run("users", "add", "--email", "nope", "--name", "X", "--role", "boss");
    assertThat(bad.code).isEqualTo(1);
    assertThat(bad.err).contains("'email'").contains("'role'").doesNotContain("Exception");
    assertThat(run("users", "list").out).doesNotContain("nope");

    run("users", "add", "--email", "one@acme.test", "--name", "One", "--role", "user");
    Run twice = run("users", "add", "--email", "ONE@acme.test", "--name", "One", "--role", "user");
    assertThat(twice.code).isEqualTo(1);
    assertThat(twice.err).contains("already exists");

    Run missing = run("users", "role", "--email", "ghost@acme.test", "--role", "user");
    assertThat(missing.code).isEqualTo(1);
    assertThat(missing.err).contains("no user with that email");

    Run lastAdmin = run("users", "role", "--email", "admin@scopien.local", "--role", "user");
    assertThat(lastAdmin.code).isEqualTo(1);
    assertThat(lastAdmin.err).contains("last active admin");
  }

  private static String key(String out) {
    Matcher m = KEY.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    String key = m.group();
    // The first key of a new data folder's admin may also be printed; the user's is the last one.
    while (m.find()) {
      key = m.group();
    }
    return key;
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ScopienCommand.run(
            args,
            env,
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
