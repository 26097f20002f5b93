package com.example.accounts.notification.delivery;

import com.example.accounts.eventstore.DeadLetterTopic;
import com.example.accounts.eventstore.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Records this service cannot act on go to {@value #TOPIC} as they came, with their source topic, partition,
 * offset and the reason (headers), kept for good; the consumer then goes on with the next record.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String TOPIC = "notification-service.dead-letters";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final DeadLetterTopic topic;

    public DeadLetters(KafkaClients kafka, MeterRegistry meters) {
        this.topic = new DeadLetterTopic(kafka, TOPIC, meters);
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        topic.ensure();
    }

    void stop(@Observes ShutdownEvent event) {
        topic.close();
    }

    /** Completes once Kafka has the letter; waits on a worker thread, never on an event loop. */
    Uni<Void> publish(ConsumerRecord<String, String> record, String reason) {
        return Uni.createFrom().item(() -> {
            topic.publish(record.topic(), record.partition(), record.offset(), record.key(), record.value(), reason);
            LOG.errorf("%s[%d]@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(), reason);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }
}
