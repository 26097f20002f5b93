package com.example.accounts.session;

import com.example.accounts.kit.DomainRules;
import com.example.accounts.kit.KafkaRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.example.accounts.session", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainImportsNoFramework = DomainRules.DOMAIN_IMPORTS_NO_FRAMEWORK;

    @ArchTest
    static final ArchRule domainKnowsNothingOfTheLayersAround = DomainRules.DOMAIN_KNOWS_NOTHING_OF_THE_LAYERS_AROUND;

    @ArchTest
    static final ArchRule kafkaClientsComeFromTheSharedConfiguration = KafkaRules.KAFKA_CLIENTS_COME_FROM_THE_SHARED_CONFIGURATION;

    @ArchTest
    static final ArchRule domainImportsOnlyJavaAndTheVocabulary = DomainRules.DOMAIN_IMPORTS_ONLY_JAVA_AND_THE_VOCABULARY;

    @ArchTest
    static final ArchRule domainReadsNoClockAndDrawsNoChance = DomainRules.DOMAIN_READS_NO_CLOCK_AND_DRAWS_NO_CHANCE;

    @ArchTest
    static final ArchRule apiReachesNoInfrastructure = DomainRules.API_REACHES_NO_INFRASTRUCTURE;

    @ArchTest
    static final ArchRule exceptionMappersOnlyInTheKit = DomainRules.EXCEPTION_MAPPERS_ONLY_IN_THE_KIT;

    @ArchTest
    static final ArchRule noExceptionMapperClassesOutsideTheKit = DomainRules.NO_EXCEPTION_MAPPER_CLASSES_OUTSIDE_THE_KIT;
}
