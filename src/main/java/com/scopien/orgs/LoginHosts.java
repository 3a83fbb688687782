package com.scopien.orgs;

/**
 * Salesforce's generic login hosts, used when an admin picks Production or Sandbox without giving a
 * My Domain URL.
 */
public final class LoginHosts {
  public static final String PRODUCTION = "https://login.salesforce.com";
  public static final String SANDBOX = "https://test.salesforce.com";

  private LoginHosts() {}

  /** The generic login host of an environment. */
  public static String of(Environment environment) {
    return environment == Environment.SANDBOX ? SANDBOX : PRODUCTION;
  }

  /** {@code url} trimmed and without trailing slashes, or the generic host when it is blank. */
  static String orDefault(String url, Environment environment) {
    return url == null || url.isBlank() ? of(environment) : url.trim().replaceAll("/+$", "");
  }
}
