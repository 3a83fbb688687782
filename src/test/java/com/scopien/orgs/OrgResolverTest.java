package com.scopien.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgResolverTest {
  private static final Org PROD =
      org("1", "Acme Production", Environment.PRODUCTION, "https://acme.my.salesforce.com");
  private static final Org SANDBOX =
      org("2", "Acme Sandbox", Environment.SANDBOX, "https://acme--uat.sandbox.my.salesforce.com");
  private static final List<Org> ORGS = List.of(PROD, SANDBOX);

  @Test
  void findsByExactNameIgnoringCase() {
    assertThat(OrgResolver.resolve(ORGS, "acme SANDBOX")).isEqualTo(SANDBOX);
  }

  @Test
  void findsByEnvironmentWords() {
    assertThat(OrgResolver.resolve(ORGS, "prod")).isEqualTo(PROD);
    assertThat(OrgResolver.resolve(ORGS, "production org")).isEqualTo(PROD);
    assertThat(OrgResolver.resolve(ORGS, "the sandbox")).isEqualTo(SANDBOX);
  }

  @Test
  void findsByAShortFormOfTheNameWithOrWithoutItsEnvironment() {
    Org uat =
        org("3", "Acme UAT", Environment.SANDBOX, "https://acme--uat2.sandbox.my.salesforce.com");
    List<Org> three = List.of(PROD, SANDBOX, uat);
    assertThat(OrgResolver.resolve(three, "UAT")).isEqualTo(uat);
    assertThat(OrgResolver.resolve(three, "uat sandbox")).isEqualTo(uat);
    assertThat(OrgResolver.resolve(three, "the UAT org")).isEqualTo(uat);
    assertThat(OrgResolver.resolve(three, "prod")).isEqualTo(PROD);
  }

  @Test
  void anEnvironmentSeveralOrgsShareIsAskedAboutNeverGuessed() {
    Org uat =
        org("3", "Acme UAT", Environment.SANDBOX, "https://acme--uat2.sandbox.my.salesforce.com");
    assertThatThrownBy(() -> OrgResolver.resolve(List.of(PROD, SANDBOX, uat), "sandbox"))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo("ambiguous_org");
              assertThat(e.getMessage()).contains("Acme Sandbox", "Acme UAT", "which one");
            });
  }

  @Test
  void aNameThatIsNoConnectedOrgIsNotAnsweredByAnotherOrgOfItsEnvironment() {
    assertThatThrownBy(() -> OrgResolver.resolve(ORGS, "UAT Sandbox"))
        .extracting(e -> ((ScopienException) e).code())
        .isEqualTo("unknown_org");
  }

  @Test
  void findsByDomain() {
    assertThat(OrgResolver.resolve(ORGS, "acme--uat.sandbox.my.salesforce.com")).isEqualTo(SANDBOX);
    assertThat(OrgResolver.resolve(ORGS, "acme.my.salesforce.com")).isEqualTo(PROD);
  }

  @Test
  void unknownNamesListTheOrgsThereAre() {
    assertThatThrownBy(() -> OrgResolver.resolve(ORGS, "staging-eu"))
        .isInstanceOfSatisfying(
            ScopienException.class,
            e -> {
              assertThat(e.code()).isEqualTo("unknown_org");
              assertThat(e.kind()).isEqualTo(ScopienException.Kind.NOT_FOUND);
              assertThat(e.getMessage())
                  .contains("staging-eu", "Acme Production (production)", "Acme Sandbox (sandbox)");
            });
  }

  @Test
  void blankReferenceIsInvalid() {
    assertThatThrownBy(() -> OrgResolver.resolve(ORGS, "  "))
        .extracting(e -> ((ScopienException) e).code())
        .isEqualTo("missing_org");
  }

  @Test
  void theDefaultIsTheFirstActiveProductionOrg() {
    Org stale =
        new Org(
            "0",
            "Old Prod",
            Environment.PRODUCTION,
            "https://x",
            null,
            null,
            null,
            null,
            null,
            OrgStatus.NEEDS_REAUTH,
            Instant.EPOCH,
            null);
    assertThat(OrgResolver.defaultOrg(List.of(SANDBOX, stale, PROD))).isEqualTo(PROD);
    assertThat(OrgResolver.defaultOrg(List.of(SANDBOX))).isEqualTo(SANDBOX);
    assertThatThrownBy(() -> OrgResolver.defaultOrg(List.of()))
        .extracting(e -> ((ScopienException) e).code())
        .isEqualTo("no_orgs");
  }

  private static Org org(String id, String name, Environment env, String instanceUrl) {
    return new Org(
        id,
        name,
        env,
        instanceUrl,
        instanceUrl,
        null,
        "Acme Corporation",
        "Enterprise Edition",
        "john.doe@acme.com",
        OrgStatus.ACTIVE,
        Instant.EPOCH,
        null);
  }
}
