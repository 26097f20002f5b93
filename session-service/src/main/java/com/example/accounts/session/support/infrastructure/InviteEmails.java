package com.example.accounts.session.support.infrastructure;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.InviteEmailRequest;
import com.example.accounts.contract.InviteUrlSeal;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.KafkaClients;
import com.example.accounts.eventstore.KafkaTopics;
import com.example.accounts.kit.Traces;
import com.example.accounts.session.application.SessionConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * SERVER_EMAIL delivery (INV-1, NTF-3): the invite URL goes to the notification-service on a short-lived command
 * topic, never in an event (EVT-5), and sealed for the notification-service alone ({@link InviteUrlSeal}, INV-2): whoever
 * else reads the topic, or a copy of it, learns no URL. The topic keeps a message only as long as an invite lives; a
 * send is acknowledged by every in-sync replica before the inviter is told it is on its way.
 */
@ApplicationScoped
public class InviteEmails {

    /**
     * What the email needs, the URL in clear: it is sealed on the way out. The notification-service knows names and the
     * account's language from the account events.
     * {@code language}: the technician's, when the inviter gave it (null: the account's).
     */
    public record InviteEmail(UUID accountId, UUID sessionId, UUID inviteId, UUID inviterMemberId, String email, String externalName,
            String comments, String policyName, Instant expiresAt, String url, String language) {
    }

    private final KafkaClients kafka;
    private final Duration retention;
    private final InviteUrlSeal seal;
    private KafkaProducer<String, String> producer;

    public InviteEmails(KafkaClients kafka, SessionConfig.InviteEmails config, SessionConfig.Invites invites) {
        this.kafka = kafka;
        this.retention = config.retention();
        this.seal = InviteUrlSeal.of(invites.urlKeys());
    }

    void start(@Observes StartupEvent event) {
        KafkaTopics.ensure(kafka, KafkaTopics.inviteEmails(retention));
        producer = kafka.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000));
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Completes once Kafka has the request; fails when it could not be handed on. Keyed by account, like the events. */
    public Uni<Void> send(InviteEmail email) {
        ObjectNode message = EventJson.MAPPER.valueToTree(new InviteEmailRequest(email.accountId(), email.sessionId(), email.inviteId(),
                email.inviterMemberId(), email.email(), email.externalName(), email.comments(), email.policyName(), email.expiresAt(),
                seal.seal(email.url(), email.accountId(), email.inviteId(), email.email()), email.language()));
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INVITE_EMAILS, email.accountId().toString(), message.toString());
        // notification-service's email joins the inviter's trace
        Traces.propagate(record.headers());
        return Uni.createFrom().item(() -> {
            try {
                producer.send(record).get(15, TimeUnit.SECONDS);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not take the invite email: " + e.getMessage(), e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }
}
