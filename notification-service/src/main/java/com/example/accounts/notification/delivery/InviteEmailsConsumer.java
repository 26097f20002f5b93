package com.example.accounts.notification.delivery;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.KafkaClients;
import com.example.accounts.eventstore.KafkaTopics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reacts to session-service's invite email requests ({@value Topics#INVITE_EMAILS}), kept only while invites live. */
@ApplicationScoped
public class InviteEmailsConsumer {

    static final String CHANNEL = "invite-emails";

    private final Intake intake;
    private final Notifications notifications;
    private final KafkaClients kafka;
    private final Duration retention;

    public InviteEmailsConsumer(Intake intake, Notifications notifications, KafkaClients kafka,
                                @ConfigProperty(name = "platform.invite-emails.retention", defaultValue = "2h") Duration retention) {
        this.intake = intake;
        this.notifications = notifications;
        this.kafka = kafka;
        this.retention = retention;
    }

    /** The topic may not be there yet when session-service has not run; reading it would wait for it otherwise. */
    void ensureTopic(@Observes @Priority(20) StartupEvent event) {
        KafkaTopics.ensure(kafka, KafkaTopics.inviteEmails(retention));
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return intake.take(record, this::read);
    }

    private Intake.Work read(String json) {
        InviteEmail request;
        try {
            request = EventJson.MAPPER.readValue(json, InviteEmail.class);
        } catch (java.io.IOException | RuntimeException e) {
            throw new Unprocessable("not an invite email request: " + e.getMessage());
        }
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("accountId", request.accountId());
        required.put("inviteId", request.inviteId());
        required.put("inviterMemberId", request.inviterMemberId());
        required.put("email", request.email());
        required.put("externalName", request.externalName());
        required.put("policyName", request.policyName());
        required.put("expiresAt", request.expiresAt());
        required.put("url", request.url());
        List<String> missing = required.entrySet().stream()
                .filter(field -> field.getValue() == null || field.getValue() instanceof String text && text.isBlank()).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            throw new Unprocessable("an invite email request without " + String.join(", ", missing));
        }
        return (c, live) -> notifications.invite(c, request, live);
    }
}
