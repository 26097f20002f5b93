package com.example.accounts.eventstore;

import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.TestPlatform;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A fresh database and topic on the real PostgreSQL and Kafka of the test platform. */
final class StoreFixture implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    static final Vertx VERTX = Vertx.vertx();

    final Platform platform = TestPlatform.get();
    final String database = "store_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    final String topic = "events-" + database.replace('_', '-');
    final Pool pool;
    final EventStore store;

    StoreFixture() {
        platform.postgres().createDatabase(database);
        pool = pool(20);
        store = new EventStore(pool, topic);
        migrate(platform.postgres().jdbcUrl(database));
    }

    /** The event store's tables from its migrations, as a service's start creates them (its other owners' aside). */
    static void migrate(String jdbcUrl) {
        Flyway.configure().dataSource(jdbcUrl, "postgres", "").locations("classpath:db/event-store").load().migrate();
    }

    Pool pool(int size) {
        return PgBuilder.pool().connectingTo(connectOptions()).with(new PoolOptions().setMaxSize(size)).using(VERTX).build();
    }

    PgConnectOptions connectOptions() {
        return new PgConnectOptions().setHost("127.0.0.1").setPort(platform.postgres().port()).setDatabase(database).setUser("postgres");
    }

    /** A relay of this store, polling often, taking its lead on a connection of its own; started by the caller. */
    OutboxRelay relay(Pool pool) {
        return new OutboxRelay(pool, OutboxRelay.dedicatedConnections(VERTX, connectOptions()), topic, kafka(), 6, 100, Duration.ofMillis(50));
    }

    String bootstrap() {
        return platform.kafka().bootstrapServers();
    }

    KafkaClients kafka() {
        return KafkaClients.plain(bootstrap());
    }

    static NewEvent userAdded(UUID accountId) {
        return new NewEvent(UUID.randomUUID(), "UserAdded", 1, PublishedEvents.userAddedData(UUID.randomUUID(), "login-" + accountId,
                "Test Member", "member@example.com", "STANDARD", false));
    }

    static EventMetadata metadata() {
        return new EventMetadata("system", UUID.randomUUID().toString(), UUID.randomUUID().toString(), Instant.now());
    }

    static String stream(UUID account) {
        return "account-" + account;
    }

    /** Reads the topic from the beginning until {@code expected} distinct events arrived, or fails. */
    List<ConsumerRecord<String, String>> readAll(int expected, Duration timeout) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (distinct.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    distinct.add(PublishedEvents.read(record.value()).eventId().toString());
                }
            }
        }
        if (distinct.size() < expected) {
            fail("only " + distinct.size() + " of " + expected + " events reached Kafka within " + timeout);
        }
        return records;
    }

    /**
     * EVT-3's guarantees on what reached the topic: every appended event, a repeat only as the very same event,
     * and each account's events in version order (counting each event at its first delivery).
     */
    static void assertEveryEventOnceInAccountOrder(Set<UUID> appended, List<ConsumerRecord<String, String>> records) {
        Map<String, String> firstDelivery = new LinkedHashMap<>();
        Map<String, Long> lastVersionPerAccount = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            var event = PublishedEvents.read(record.value());
            assertEquals(event.accountId().toString(), record.key(), "keyed by account");
            String id = event.eventId().toString();
            String earlier = firstDelivery.putIfAbsent(id, record.value());
            if (earlier != null) {
                assertEquals(earlier, record.value(), "a repeat is the same event");
                continue;
            }
            Long previous = lastVersionPerAccount.put(record.key(), event.version());
            if (previous != null) {
                assertTrue(event.version() > previous, "account " + record.key() + ": version " + event.version() + " after " + previous);
            }
        }
        Set<UUID> delivered = new HashSet<>();
        firstDelivery.keySet().forEach(id -> delivered.add(UUID.fromString(id)));
        assertEquals(appended, delivered, "exactly the appended events");
    }

    @Override
    public void close() {
        pool.close().await().indefinitely();
    }
}
