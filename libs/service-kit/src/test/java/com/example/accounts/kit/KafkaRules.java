package com.example.accounts.kit;

import com.example.accounts.eventstore.KafkaClients;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Every Kafka client a service builds by hand comes from {@link KafkaClients}, so it reaches Kafka as configured (TLS, SASL). */
public final class KafkaRules {

    public static final ArchRule KAFKA_CLIENTS_COME_FROM_THE_SHARED_CONFIGURATION = noClasses()
            .should().callConstructorWhere(target(owner(or(assignableTo(KafkaProducer.class), assignableTo(KafkaConsumer.class)))))
            .orShould().callMethodWhere(target(owner(assignableTo(Admin.class))).and(target(name("create"))))
            .because("a client built past KafkaClients misses the service's kafka.* settings (security.protocol, sasl.*, ssl.*)");

    private KafkaRules() {
    }
}
