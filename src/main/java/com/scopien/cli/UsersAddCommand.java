package com.scopien.cli;

import com.scopien.security.User;
import com.scopien.security.UserAdmin;
import com.scopien.security.UserProfile;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scopien users add}: a new user and their first API key. */
@Command(name = "add", description = "Add a user and print their first API key (shown once).")
final class UsersAddCommand extends UsersSubcommand {

  @Option(names = "--email", required = true, description = "Their email; unique.")
  String email;

  @Option(names = "--name", required = true, description = "Their name as people see it.")
  String name;

  @Option(names = "--role", required = true, description = "admin, manager, user or guest.")
  String role;

  @Option(names = "--manager", description = "The email of their manager (optional).")
  String manager;

  @Override
  void run(UserAdmin admin, User operator, PrintWriter out) {
    String managerId = manager == null ? null : admin.byEmail(operator, manager).user().id();
    UserProfile created =
        admin.create(operator, new UserAdmin.NewUser(email, name, role, managerId));
    User user = created.user();
    out.println(
        "Added "
            + user.name()
            + " <"
            + user.email()
            + "> as "
            + user.role().name().toLowerCase(Locale.ROOT)
            + ", id "
            + user.id());
    printKey(out, admin.issueKey(operator, user.id(), "first key", null));
  }
}
