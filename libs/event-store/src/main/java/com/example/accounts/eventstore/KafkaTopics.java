package com.example.accounts.eventstore;

import com.example.accounts.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics a service publishes to, as it needs them; the brokers do not create topics on their own. The
 * shapes here name partitions and retention; the replication comes from the configuration ({@link KafkaClients#topic}).
 */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /** Creates the topic unless it exists (then as it is); blocks up to 15 seconds for Kafka's answer. */
    public static void ensure(KafkaClients kafka, NewTopic shape) {
        NewTopic topic = kafka.topic(shape);
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topic " + topic.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
        }
    }

    /**
     * session-service's invite email requests (NTF-3), kept only as long as an invite lives: created by whichever of
     * session-service (which writes it) and notification-service (which reads it) starts first.
     */
    public static NewTopic inviteEmails(Duration retention) {
        return new NewTopic(Topics.INVITE_EMAILS, Optional.of(3), Optional.empty()).configs(Map.of("retention.ms", Long.toString(retention.toMillis())));
    }

    /** A topic of records nobody may lose (dead letters): one partition, kept for good. */
    public static NewTopic keptForever(String topic) {
        return new NewTopic(topic, Optional.of(1), Optional.empty()).configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
    }
}
