package com.example.accounts.session;

import com.example.accounts.kit.DomainRules;
import com.example.accounts.kit.KafkaRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/** The shape every service keeps (DomainRules), held to this service's classes. */
@AnalyzeClasses(packages = "com.example.accounts.session", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platformShape = ArchTests.in(DomainRules.class);

    @ArchTest
    static final ArchRule kafkaClientsComeFromTheSharedConfiguration = KafkaRules.KAFKA_CLIENTS_COME_FROM_THE_SHARED_CONFIGURATION;
}
