package com.scopien.cli;

import com.scopien.security.User;
import com.scopien.security.UserAdmin;
import com.scopien.security.UserProfile;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scopien users role}: changes a user's role. */
@Command(name = "role", description = "Change a user's role.")
final class UsersRoleCommand extends UsersSubcommand {

  @Option(names = "--email", required = true, description = "The user's email.")
  String email;

  @Option(names = "--role", required = true, description = "admin, manager, user or guest.")
  String role;

  @Override
  void run(UserAdmin admin, User operator, PrintWriter out) {
    UserProfile user = admin.byEmail(operator, email);
    UserProfile changed =
        admin.update(
            operator, user.user().id(), new UserAdmin.Change(null, role, false, null, null));
    out.println(
        changed.user().email()
            + " is now "
            + changed.user().role().name().toLowerCase(Locale.ROOT)
            + ".");
  }
}
