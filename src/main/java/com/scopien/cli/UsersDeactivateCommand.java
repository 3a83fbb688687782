package com.scopien.cli;

import com.scopien.security.User;
import com.scopien.security.UserAdmin;
import com.scopien.security.UserProfile;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scopien users deactivate}: the user's keys stop working at once. */
@Command(name = "deactivate", description = "Deactivate a user; their API keys stop at once.")
final class UsersDeactivateCommand extends UsersSubcommand {

  @Option(names = "--email", required = true, description = "The user's email.")
  String email;

  @Override
  void run(UserAdmin admin, User operator, PrintWriter out) {
    UserProfile user = admin.byEmail(operator, email);
    admin.update(operator, user.user().id(), new UserAdmin.Change(null, null, false, null, false));
    out.println(user.user().email() + " is deactivated; their API keys no longer work.");
  }
}
