package com.example.accounts.eventstore;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.EventSchemas;
import com.example.accounts.contract.MalformedEventException;
import com.example.accounts.contract.Topics;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Account events as account-service's relay publishes them, for the tests of the services that consume them:
 * each test decides exactly what arrives on the real Kafka, and how often. And {@link #read}, through which the
 * producers' tests read what their relay published, so that each suite holds its own events to the contract.
 */
public final class PublishedEvents implements AutoCloseable {

    private static final AtomicLong POSITION = new AtomicLong(System.currentTimeMillis());

    private static PublishedEvents onTestPlatform;

    private final KafkaProducer<String, String> producer;

    /** One publisher per test JVM, to the test platform's Kafka; closed when the JVM exits. */
    public static synchronized PublishedEvents onTestPlatform() {
        if (onTestPlatform == null) {
            onTestPlatform = new PublishedEvents(com.example.accounts.launcher.TestPlatform.get().kafka().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(onTestPlatform::close));
        }
        return onTestPlatform;
    }

    public PublishedEvents(String bootstrapServers) {
        for (String topic : Topics.ALL) {
            KafkaTopics.ensure(KafkaClients.plain(bootstrapServers), OutboxRelay.eventTopic(topic, 12));
        }
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));
    }

    /** An event of a session's stream, as the session-service publishes it to session-events. */
    public static EventEnvelope sessionEvent(UUID account, UUID session, long version, String type, String actor, ObjectNode data) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, account, "session-" + session, version, POSITION.incrementAndGet(),
                Instant.now(), actor, "correlation", "causation", data);
    }

    public static EventEnvelope event(UUID account, long version, String type, String actor, ObjectNode data) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, account, "account-" + account, version, POSITION.incrementAndGet(),
                Instant.now(), actor, "correlation", "causation", data);
    }

    public static EventEnvelope accountOpened(UUID account, String name, UUID billingContact, String actor) {
        ObjectNode data = EventJson.MAPPER.createObjectNode().put("accountId", account.toString()).put("name", name)
                .put("billingContactMemberId", billingContact.toString());
        ObjectNode plan = data.putObject("plan");
        plan.putArray("modules");
        plan.putArray("seats");
        return event(account, 1, "AccountOpened", actor, data);
    }

    public static EventEnvelope userAdded(UUID account, long version, String actor, UUID member, String login, String name,
            String email, String role, boolean loginCreated) {
        return event(account, version, "UserAdded", actor, userAddedData(member, login, name, email, role, loginCreated));
    }

    public static ObjectNode userAddedData(UUID member, String login, String name, String email, String role, boolean loginCreated) {
        ObjectNode data = EventJson.MAPPER.createObjectNode().put("memberId", member.toString()).put("loginId", login)
                .put("name", name).put("email", email).put("role", role).put("loginCreated", loginCreated).putNull("language");
        data.putObject("companyAccess").put("all", true).putArray("companies");
        data.putArray("supportFeatures");
        return data;
    }

    /**
     * EVT-2: a record a relay published, read as a consumer reads it, after checking it against the contract with the
     * standard validator: a type of the catalog, written at the catalog's current version, its data valid under that
     * version's schema. Every test that reads a producer's topic reads through here.
     */
    public static EventEnvelope read(String recordValue) {
        EventEnvelope published;
        try {
            published = EventJson.MAPPER.readValue(recordValue, EventEnvelope.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("EVT-2: a published record is not an event envelope: " + recordValue, e);
        }
        List<String> problems = EventSchemas.INSTANCE.validatePublished(published);
        if (!problems.isEmpty()) {
            throw new AssertionError("EVT-2: a published event breaks the contract: " + problems + " in " + recordValue);
        }
        try {
            return EventJson.read(recordValue);
        } catch (MalformedEventException e) {
            throw new AssertionError("EVT-2: a published event cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * EVT-2 over a whole topic: every record a relay published to it in this run (the test platform's Kafka starts
     * empty), from the beginning to its end now, read committed, each through {@link #read}.
     */
    public static List<EventEnvelope> readTopic(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                com.example.accounts.launcher.TestPlatform.get().kafka().bootstrapServers(), "isolation.level", "read_committed",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<EventEnvelope> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("EVT-2: " + topic + " could not be read to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(read(record.value()));
                }
            }
            return events;
        }
    }

    public void publish(EventEnvelope... events) {
        publishTo(Topics.ACCOUNT_EVENTS, events);
    }

    public void publishTo(String topic, EventEnvelope... events) {
        for (EventEnvelope e : events) {
            publishRaw(topic, e.accountId().toString(), EventJson.write(e));
        }
    }

    /** The event as the relay publishes it when its command ran within the trace {@code traceparent} names. */
    public void publishTraced(EventEnvelope event, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ACCOUNT_EVENTS, event.accountId().toString(), EventJson.write(event));
        record.headers().add("event-id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", event.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the test event", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any record, also one that is not an event at all: what a consumer must survive. */
    public void publishRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the test event", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The reasons (header {@code reason}) of the records keyed by the account on a one-partition dead-letter topic, from its beginning. */
    public static List<String> deadLetterReasons(String topic, UUID account) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                com.example.accounts.launcher.TestPlatform.get().kafka().bootstrapServers(),
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> reasons = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (account.toString().equals(record.key())) {
                        reasons.add(new String(record.headers().lastHeader("reason").value(), StandardCharsets.UTF_8));
                    }
                }
            }
            return reasons;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
