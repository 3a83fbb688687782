package com.scopien.cli;

import com.scopien.ScopienException;
import com.scopien.security.User;
import com.scopien.security.UserAdmin;
import com.scopien.security.UserProfile;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scopien users key}: a new API key for a user; their other keys stay valid. */
@Command(name = "key", description = "Issue a new API key for a user (shown once).")
final class UsersKeyCommand extends UsersSubcommand {

  @Option(names = "--email", required = true, description = "The user's email.")
  String email;

  @Option(names = "--name", description = "What the key is for, such as 'laptop' (optional).")
  String name;

  @Option(
      names = "--expires",
      description = "When the key stops working, such as 2027-01-31T00:00:00Z (optional).")
  String expires;

  @Override
  void run(UserAdmin admin, User operator, PrintWriter out) {
    Instant expiresAt = null;
    if (expires != null) {
      try {
        expiresAt = Instant.parse(expires.trim());
      } catch (DateTimeParseException e) {
        throw ScopienException.invalid(
            "invalid_key", "--expires must be a time such as 2027-01-31T00:00:00Z.");
      }
    }
    UserProfile user = admin.byEmail(operator, email);
    printKey(out, admin.issueKey(operator, user.user().id(), name, expiresAt));
  }
}
