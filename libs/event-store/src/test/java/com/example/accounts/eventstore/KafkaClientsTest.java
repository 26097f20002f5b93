package com.example.accounts.eventstore;

import com.example.accounts.launcher.KafkaServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every client the event store builds by hand (the relay's producer, topic creation, dead letters) takes the shared
 * Kafka configuration, so TLS or SASL is configuration only; the topics get the configured replication.
 */
class KafkaClientsTest {

    private final StoreFixture fixture = new StoreFixture();

    @AfterEach
    void close() {
        fixture.close();
        SeenClients.CONFIGS.clear();
    }

    /**
     * Kafka hands each client's whole configuration to its metrics reporters when the client starts: the reporter
     * below, set in the shared configuration like {@code security.protocol}, sees every client the store builds.
     */
    public static final class SeenClients implements MetricsReporter {
        static final Map<String, Map<String, ?>> CONFIGS = new ConcurrentHashMap<>();

        @Override
        public void configure(Map<String, ?> configs) {
            CONFIGS.put(String.valueOf(configs.get("client.id")), Map.copyOf(configs));
        }

        @Override
        public void init(List<KafkaMetric> metrics) {
        }

        @Override
        public void metricChange(KafkaMetric metric) {
        }

        @Override
        public void metricRemoval(KafkaMetric metric) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void EVT3_securitySettingsReachTheRelaysProducerTopicCreationAndDeadLettersAndTheRelayStillPublishes() {
        // what an operator sets for SASL; the test broker speaks PLAINTEXT, where the SASL settings are carried but unused
        Map<String, Object> shared = new HashMap<>(Map.of("bootstrap.servers", fixture.bootstrap(), "security.protocol", "PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "metric.reporters", SeenClients.class.getName()));
        KafkaClients kafka = new KafkaClients(shared, 1, 1);

        UUID account = UUID.randomUUID();
        NewEvent event = StoreFixture.userAdded(account);
        fixture.store.append(StoreFixture.stream(account), account, 0, List.of(event), StoreFixture.metadata()).await().indefinitely();
        try (OutboxRelay relay = new OutboxRelay(fixture.pool, OutboxRelay.dedicatedConnections(StoreFixture.VERTX, fixture.connectOptions()),
                fixture.topic, kafka, 3, 100, Duration.ofMillis(50))) {
            relay.start();
            StoreFixture.assertEveryEventOnceInAccountOrder(Set.of(event.eventId()), fixture.readAll(1, Duration.ofSeconds(30)));
        }
        try (DeadLetterTopic letters = new DeadLetterTopic(kafka, fixture.topic + "-dead-letters")) {
            letters.ensure();
            letters.publish(fixture.topic, 0, 0, "key", "value", "a test");
        }

        Map<String, Map<String, ?>> seen = Map.copyOf(SeenClients.CONFIGS);
        assertTrue(seen.keySet().stream().anyMatch(id -> id.startsWith("producer-relay:" + fixture.topic)), "the relay's producer: " + seen.keySet());
        assertTrue(seen.keySet().stream().filter(id -> id.startsWith("adminclient-")).count() >= 2, "the two topic creations: " + seen.keySet());
        assertTrue(seen.values().stream().anyMatch(c -> !c.containsKey("transactional.id") && "all".equals(String.valueOf(c.get("acks")))
                && c.get("client.id").toString().startsWith("producer-")), "the dead letters' producer: " + seen.keySet());
        for (Map.Entry<String, Map<String, ?>> client : seen.entrySet()) {
            for (String key : List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config")) {
                assertEquals(String.valueOf(shared.get(key)), String.valueOf(client.getValue().get(key)), client.getKey() + "'s " + key);
            }
        }
    }

    @Test
    void EVT3_overASaslListenerTheRelayPublishesAndAConsumerOfTheSameConfigurationReadsWhileAWrongPasswordIsRefused() {
        KafkaServer broker = fixture.platform.kafka();
        KafkaClients secured = new KafkaClients(broker.saslClientConfig(KafkaServer.SASL_USER, KafkaServer.SASL_PASSWORD), 1, 1);
        KafkaClients wrong = new KafkaClients(broker.saslClientConfig(KafkaServer.SASL_USER, "not-the-password"), 1, 1);
        UUID account = UUID.randomUUID();
        NewEvent event = StoreFixture.userAdded(account);
        fixture.store.append(StoreFixture.stream(account), account, 0, List.of(event), StoreFixture.metadata()).await().indefinitely();

        // a relay with the wrong password publishes nothing and says why
        try (OutboxRelay relay = new OutboxRelay(fixture.pool, OutboxRelay.dedicatedConnections(StoreFixture.VERTX, fixture.connectOptions()),
                fixture.topic, wrong, 3, 100, Duration.ofMillis(50))) {
            relay.start();
            RelayStatus status = await().atMost(Duration.ofSeconds(60)).until(() -> relay.status().await().indefinitely(), s -> s.lastFailure() != null);
            assertTrue(status.lastFailure().toLowerCase().contains("authentication"), status.lastFailure());
            assertEquals(1, status.unpublished());
        }
        try (KafkaConsumer<String, String> refused = wrong.consumer(Map.of("group.id", "test-" + account))) {
            assertThrows(SaslAuthenticationException.class, () -> refused.partitionsFor(fixture.topic, Duration.ofSeconds(30)));
        }

        try (OutboxRelay relay = new OutboxRelay(fixture.pool, OutboxRelay.dedicatedConnections(StoreFixture.VERTX, fixture.connectOptions()),
                fixture.topic, secured, 3, 100, Duration.ofMillis(50));
                KafkaConsumer<String, String> consumer = secured.consumer(Map.of("group.id", "test-" + account, "auto.offset.reset", "earliest",
                        "isolation.level", "read_committed"))) {
            relay.start();
            consumer.subscribe(List.of(fixture.topic));
            List<String> read = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> read.add(record.key()));
                return !read.isEmpty();
            });
            assertEquals(List.of(account.toString()), read, "the event, published and read over SASL");
        }
    }

    @Test
    void EVT4_topicsAreCreatedWithTheConfiguredReplicationAndMinInsyncReplicas() {
        NewTopic events = new KafkaClients(Map.of("bootstrap.servers", fixture.bootstrap()), 3, 2).topic(OutboxRelay.eventTopic("account-events", 12));
        assertEquals(3, events.replicationFactor());
        assertEquals(12, events.numPartitions());
        assertEquals("2", events.configs().get("min.insync.replicas"));
        assertEquals("-1", events.configs().get("retention.ms"), "the shape's own settings stay");

        // the test platform has one broker: two replicas are refused, which they are only when they are asked for
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> KafkaTopics.ensure(
                new KafkaClients(Map.of("bootstrap.servers", fixture.bootstrap()), 2, 1), KafkaTopics.keptForever(fixture.topic + "-two")));
        assertTrue(refused.getMessage().toLowerCase().contains("replication factor"), refused.getMessage());
        KafkaTopics.ensure(fixture.kafka(), KafkaTopics.keptForever(fixture.topic + "-one"));
    }
}
