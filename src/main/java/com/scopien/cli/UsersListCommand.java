package com.scopien.cli;

import com.scopien.security.User;
import com.scopien.security.UserAdmin;
import com.scopien.security.UserProfile;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code scopien users list}: every user with role, state and manager. */
@Command(name = "list", description = "List the users.")
final class UsersListCommand extends UsersSubcommand {

  @Override
  void run(UserAdmin admin, User operator, PrintWriter out) {
    List<UserProfile> users = admin.list(operator);
    Map<String, String> emails = new HashMap<>();
    users.forEach(p -> emails.put(p.user().id(), p.user().email()));
    String format = "%-32s %-24s %-8s %-11s %-32s %s%n";
    out.printf(format, "EMAIL", "NAME", "ROLE", "STATE", "MANAGER", "ID");
    for (UserProfile p : users) {
      out.printf(
          format,
          p.user().email(),
          p.user().name(),
          p.user().role().name().toLowerCase(Locale.ROOT),
          p.active() ? "active" : "deactivated",
          p.managerId() == null ? "" : emails.getOrDefault(p.managerId(), p.managerId()),
          p.user().id());
    }
  }
}
