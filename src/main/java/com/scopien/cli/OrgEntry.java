package com.scopien.cli;

import com.scopien.config.Secret;
import com.scopien.orgs.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One org to connect without a browser, from the command line or an orgs file, before validation:
 * client credentials (a client secret) or JWT bearer (a key file and a username). {@link
 * #problems()} lists everything wrong with it at once; {@code where} says which entry, for the
 * messages.
 */
record OrgEntry(
    String where,
    String name,
    String environment,
    String loginUrl,
    String clientId,
    Optional<Secret> clientSecret,
    String username,
    Path jwtKeyFile) {

  boolean jwt() {
    return jwtKeyFile != null;
  }

  Environment parsedEnvironment() {
    return Environment.parse(environment).orElseThrow();
  }

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (blank(name)) {
      problems.add(where + ": the name is missing");
    }
    if (blank(environment)) {
      problems.add(where + ": the environment is missing (production or sandbox)");
    } else if (Environment.parse(environment).isEmpty()) {
      problems.add(
          where + ": the environment must be production or sandbox, not '" + environment + "'");
    }
    if (blank(clientId)) {
      problems.add(where + ": the connected app's client id is missing");
    }
    boolean secret = clientSecret.isPresent();
    if (secret && jwt()) {
      problems.add(
          where + ": give a client secret (client credentials) or a JWT key file, not both");
    } else if (!secret && !jwt()) {
      problems.add(
          where
              + ": give a client secret (client credentials flow) or a JWT key file and a"
              + " username (JWT bearer flow)");
    }
    if (secret && blank(loginUrl)) {
      problems.add(
          where
              + ": the client credentials flow needs the org's My Domain login URL, such as"
              + " https://acme.my.salesforce.com");
    }
    if (jwt()) {
      if (blank(username)) {
        problems.add(where + ": the JWT bearer flow needs the Salesforce username to sign in as");
      }
      if (!Files.isRegularFile(jwtKeyFile) || !Files.isReadable(jwtKeyFile)) {
        problems.add(where + ": the JWT key file " + jwtKeyFile + " cannot be read");
      }
    } else if (!blank(username)) {
      problems.add(where + ": a username is only used with a JWT key file");
    }
    return problems;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "OrgEntry[" + where + ", name=" + name + ", environment=" + environment + "]";
  }
}
