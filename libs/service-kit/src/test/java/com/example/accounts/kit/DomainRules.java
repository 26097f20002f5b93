package com.example.accounts.kit;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * The architecture every service keeps: a domain of plain Java (decide and evolve import no framework) that knows
 * nothing of the layers around it, decides the same way every time it is given the same events and command, and
 * resources that reach the servers only through the application. Each service's ArchitectureTest applies these to
 * its own packages, all of them at once: {@code @ArchTest static final ArchTests shape = ArchTests.in(DomainRules.class)}.
 */
public final class DomainRules {

    /**
     * What a domain may use: Java itself, the contract's vocabulary, the typed refusal and its own kind. So no
     * framework (Quarkus, Jakarta, Jackson, Kafka, Vert.x, the event store, the kit) and none of the layers around it
     * (application, infrastructure, api, projection, delivery).
     */
    @ArchTest
    public static final ArchRule DOMAIN_IMPORTS_ONLY_JAVA_AND_THE_VOCABULARY = classes().that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.example.accounts..domain..", "com.example.accounts.contract.vocabulary..",
                    "com.example.accounts.rules..")
            .because("decide and evolve are pure functions of the contract's words (style.md 3)");

    /** Time and chance come in with the command (its {@code now}, the ids it carries), so a replay decides the same. */
    @ArchTest
    public static final ArchRule DOMAIN_READS_NO_CLOCK_AND_DRAWS_NO_CHANCE = noClasses().that().resideInAPackage("..domain..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().dependOnClassesThat().areAssignableTo(Random.class)
            .orShould().dependOnClassesThat().areAssignableTo(SecureRandom.class)
            .because("a decision that read the clock or drew a number would differ when its events are replayed");

    @ArchTest
    public static final ArchRule API_REACHES_NO_INFRASTRUCTURE = noClasses().that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAPackage("..infrastructure..")
            .because("a resource translates HTTP to a command or a query; the application reaches the servers");

    /** One problem+json mapper for every service (style.md 10): the kit's ProblemMapper. */
    @ArchTest
    public static final ArchRule EXCEPTION_MAPPERS_ONLY_IN_THE_KIT = noMethods().that().areDeclaredInClassesThat()
            .resideOutsideOfPackage("com.example.accounts.kit..")
            .should().beAnnotatedWith(ServerExceptionMapper.class)
            .because("refusals are mapped once, by the kit's ProblemMapper");

    @ArchTest
    public static final ArchRule NO_EXCEPTION_MAPPER_CLASSES_OUTSIDE_THE_KIT = noClasses().that().resideOutsideOfPackage("com.example.accounts.kit..")
            .should().implement(ExceptionMapper.class)
            .because("refusals are mapped once, by the kit's ProblemMapper");

    private DomainRules() {
    }
}
