package com.example.accounts.account;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain is plain Java: decide and evolve import no framework. */
@AnalyzeClasses(packages = "com.example.accounts.account", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainImportsNoFramework = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..", "org.apache.kafka..",
                    "com.fasterxml.jackson..", "io.vertx..", "io.smallrye..", "org.eclipse.microprofile..", "com.example.accounts.eventstore..");

    @ArchTest
    static final ArchRule domainKnowsNothingOfTheLayersAround = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..", "..api..");
}
