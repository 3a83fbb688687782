package com.scopien;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds the dependency rules of architecture.md; each failure says what to do instead. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.scopien");
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    check(
        slices()
            .matching("com.scopien.(*)..")
            .should()
            .beFreeOfCycles()
            .because("dependencies point one way: edges -> services -> client/store"));
  }

  @Test
  void onlyTheCompositionRootKnowsTheLocalOrg() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages("com.scopien", "com.scopien.localorg..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.scopien.localorg..")
            .because(
                "the product talks to the local org only over HTTP, like to any real org;"
                    + " start it from App and hand over its URL"));
  }

  @Test
  void theLocalOrgStandsApartFromTheProduct() {
    check(
        classes()
            .that()
            .resideInAPackage("com.scopien.localorg..")
            .should()
            .onlyDependOnClassesThat()
            .resideOutsideOfPackages(
                "com.scopien.agent..",
                "com.scopien.orgs..",
                "com.scopien.sync..",
                "com.scopien.monitoring..",
                "com.scopien.web..",
                "com.scopien.store..",
                "com.scopien.salesforce..",
                "com.scopien.security..",
                "com.scopien.slack..",
                "com.scopien.webhooks..",
                "com.scopien.cli..")
            .because("the local org plays Salesforce; it may share only the soql package"));
  }

  @Test
  void nothingBelowCallsUpIntoTheEdges() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(
                "com.scopien.agent..",
                "com.scopien.orgs..",
                "com.scopien.sync..",
                "com.scopien.monitoring..",
                "com.scopien.security..",
                "com.scopien.store..",
                "com.scopien.salesforce..",
                "com.scopien.soql..",
                "com.scopien.webhooks..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.scopien.web..", "com.scopien.slack..", "com.scopien.cli..")
            .because(
                "edges call services, never the other way; publish an event or return a value"));
  }

  @Test
  void theClientAndTheQueryLanguageKnowNoServices() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(
                "com.scopien.salesforce..", "com.scopien.soql..", "com.scopien.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "com.scopien.agent..",
                "com.scopien.orgs..",
                "com.scopien.sync..",
                "com.scopien.monitoring..",
                "com.scopien.webhooks..")
            .because("the client, soql and the store sit at the bottom; pass what they need in"));
  }

  @Test
  void handlersGoThroughServicesNotTheStore() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage("com.scopien.web..", "com.scopien.slack..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.scopien.store..", "com.scopien.salesforce..")
            .because("a handler parses, calls one service and renders; checks live in services"));
  }

  @Test
  void noOneReadsTheEnvironmentButConfigAndTheEntryPoint() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages("com.scopien.config..")
            .and()
            .doNotHaveFullyQualifiedName("com.scopien.Main")
            .should()
            .callMethod(System.class, "getenv")
            .orShould()
            .callMethod(System.class, "getenv", String.class)
            .because("configuration is read once into ScopienConfig and passed down"));
  }
}
