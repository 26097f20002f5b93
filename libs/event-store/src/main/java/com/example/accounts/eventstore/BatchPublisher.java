package com.example.accounts.eventstore;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import io.vertx.mutiny.sqlclient.Row;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The leading relay's Kafka side (EVT-3): one transactional producer, each batch of events one Kafka transaction,
 * keyed by account id, so that read_committed consumers see a batch whole or not at all and each account's order
 * survives a failed send. The transactional id fences a relay that lost its lead.
 */
final class BatchPublisher implements AutoCloseable {

    private final Producer<String, String> producer;
    private final String topic;

    private BatchPublisher(Producer<String, String> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /**
     * A failure anywhere closes this producer: the next one's {@code initTransactions} aborts what the failed
     * batch left open, and the batch is sent again from the checkpoint.
     */
    static BatchPublisher open(KafkaClients kafka, String topic, String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        Producer<String, String> producer = kafka.producer(config);
        try {
            producer.initTransactions();
            return new BatchPublisher(producer, topic);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /** The batch as one transaction; returns once Kafka committed it whole, throws when any of it failed. */
    void publish(List<Row> batch) {
        producer.beginTransaction();
        for (Row row : batch) {
            EventEnvelope envelope = EventStore.envelope(row);
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, envelope.accountId().toString(), EventJson.write(envelope));
            record.headers().add("event-id", envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("event-type", envelope.type().getBytes(StandardCharsets.UTF_8));
            // the command's trace continues in the consumers, though the record is sent after its request ended
            String traceparent = row.getJsonObject("metadata").getString(EventStore.TRACEPARENT);
            if (traceparent != null) {
                record.headers().add(EventStore.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record);
        }
        producer.flush();
        // Throws when any send of the batch failed; nothing of the batch is then visible to read_committed consumers.
        producer.commitTransaction();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
