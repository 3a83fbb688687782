package com.scopien.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scopien users ...}: people and their API keys, for the first setup without a browser. Like
 * {@code orgs}, the commands open the store of {@code SCOPIEN_DATA_DIR} / {@code SCOPIEN_DB_URL}
 * directly, act as the bootstrap admin and leave every change in the audit log.
 */
@Command(
    name = "users",
    description = "Add users, list them, change roles, deactivate them and issue API keys.",
    subcommands = {
      UsersAddCommand.class,
      UsersListCommand.class,
      UsersRoleCommand.class,
      UsersDeactivateCommand.class,
      UsersKeyCommand.class
    })
final class UsersCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
