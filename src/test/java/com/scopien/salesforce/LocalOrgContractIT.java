package com.scopien.salesforce;

import com.scopien.config.Secret;
import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;

/** The contract suite against the full-size local production org, started in-process. */
class LocalOrgContractIT extends SalesforceClientContractIT {
  private LocalOrg org;

  @Override
  Target target() {
    org = LocalOrg.start(LocalOrgOptions.production());
    return new Target(
        org.baseUrl(),
        LocalOrgOptions.DEMO_CLIENT_ID,
        Secret.of(LocalOrgOptions.DEMO_CLIENT_SECRET),
        true);
  }

  @Override
  void stopTarget() {
    if (org != null) {
      org.close();
    }
  }
}
