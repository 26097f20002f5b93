package com.example.accounts.kit;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture every service keeps: a domain of plain Java (decide and evolve import no framework) that knows
 * nothing of the layers around it. Each service's ArchitectureTest applies these to its own packages.
 */
public final class DomainRules {

    public static final ArchRule DOMAIN_IMPORTS_NO_FRAMEWORK = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..", "org.apache.kafka..",
                    "com.fasterxml.jackson..", "io.vertx..", "io.smallrye..", "org.eclipse.microprofile..",
                    "com.example.accounts.eventstore..", "com.example.accounts.kit..");

    public static final ArchRule DOMAIN_KNOWS_NOTHING_OF_THE_LAYERS_AROUND = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..", "..api..",
                    "..projection..", "..delivery..");

    private DomainRules() {
    }
}
