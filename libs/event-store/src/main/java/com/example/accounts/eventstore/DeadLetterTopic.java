package com.example.accounts.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A service's dead-letter topic: the records it could not act on, kept for good, each as it came (key and value)
 * with headers {@code source-topic}, {@code source-partition}, {@code source-offset} and {@code reason}. Every letter
 * Kafka has taken counts in {@value #METER} (tag {@code topic}, this one), registered at 0 so an alert sees it move.
 */
public final class DeadLetterTopic implements AutoCloseable {

    public static final String METER = "platform.dead.letters";

    private final KafkaClients kafka;
    private final String topic;
    private final Counter published;
    private KafkaProducer<String, String> producer;

    /** Counted in memory only. */
    public DeadLetterTopic(KafkaClients kafka, String topic) {
        this(kafka, topic, new SimpleMeterRegistry());
    }

    public DeadLetterTopic(KafkaClients kafka, String topic, MeterRegistry meters) {
        this.kafka = kafka;
        this.topic = topic;
        this.published = Counter.builder(METER).description("records dead-lettered: those the service could not act on")
                .tag("topic", topic).register(meters);
    }

    /** Creates the topic (one partition, kept forever) unless it exists. */
    public void ensure() {
        KafkaTopics.ensure(kafka, KafkaTopics.keptForever(topic));
    }

    /** Publishes the letter and waits (up to 30 s) until Kafka has it: never on an event loop. */
    public synchronized void publish(String sourceTopic, int sourcePartition, long sourceOffset, String key, String value, String reason) {
        if (producer == null) {
            producer = kafka.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        }
        ProducerRecord<String, String> letter = new ProducerRecord<>(topic, key, value);
        letter.headers().add("source-topic", sourceTopic.getBytes(StandardCharsets.UTF_8))
                .add("source-partition", Integer.toString(sourcePartition).getBytes(StandardCharsets.UTF_8))
                .add("source-offset", Long.toString(sourceOffset).getBytes(StandardCharsets.UTF_8))
                .add("reason", reason.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(letter).get(30, TimeUnit.SECONDS);
            published.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish a dead letter to " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
