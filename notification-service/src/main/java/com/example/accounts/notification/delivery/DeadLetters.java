package com.example.accounts.notification.delivery;

import com.example.accounts.eventstore.KafkaTopics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Records this service cannot act on go to {@value #TOPIC} as they came, with their source topic, partition,
 * offset and the reason (headers), kept for good; the consumer then goes on with the next record.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String TOPIC = "notification-service.dead-letters";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final String bootstrapServers;
    private KafkaProducer<String, String> producer;

    private final Duration inviteEmailsRetention;

    public DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "platform.invite-emails.retention", defaultValue = "2h") Duration inviteEmailsRetention) {
        this.bootstrapServers = bootstrapServers;
        this.inviteEmailsRetention = inviteEmailsRetention;
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        KafkaTopics.ensure(bootstrapServers, KafkaTopics.keptForever(TOPIC));
        // the invite requests' topic may not be there yet when session-service has not run; reading waits for it otherwise
        KafkaTopics.ensure(bootstrapServers, KafkaTopics.inviteEmails(inviteEmailsRetention));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Completes once Kafka has the letter; waits on a worker thread, never on an event loop. */
    Uni<Void> publish(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(TOPIC, record.key(), record.value());
        letter.headers().add("source-topic", record.topic().getBytes(StandardCharsets.UTF_8))
                .add("source-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8))
                .add("source-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8))
                .add("reason", reason.getBytes(StandardCharsets.UTF_8));
        return Uni.createFrom().item(() -> {
            try {
                producer.send(letter).get(30, TimeUnit.SECONDS);
                LOG.errorf("%s[%d]@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(), reason);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot publish a dead letter: " + e.getMessage(), e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }
}
