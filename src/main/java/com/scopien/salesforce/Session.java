package com.scopien.salesforce;

import com.scopien.config.Secret;
import java.util.Objects;

/**
 * What a REST call needs: the access token and the org's {@code instance_url} (never the login
 * host). The instance URL must be https, or http on a loopback address for the local org.
 */
public record Session(Secret accessToken, String instanceUrl) {
  public Session {
    Objects.requireNonNull(accessToken, "accessToken");
    instanceUrl = LoginUrls.requireSafeBase(instanceUrl, "Instance URL", "INVALID_INSTANCE_URL");
  }
}
