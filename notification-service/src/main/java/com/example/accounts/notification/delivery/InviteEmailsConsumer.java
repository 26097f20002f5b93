package com.example.accounts.notification.delivery;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.InviteEmailRequest;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.KafkaClients;
import com.example.accounts.eventstore.KafkaTopics;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.List;

/** Reacts to session-service's invite email requests ({@value Topics#INVITE_EMAILS}), kept only while invites live. */
@ApplicationScoped
public class InviteEmailsConsumer {

    static final String CHANNEL = "invite-emails";

    private final Intake intake;
    private final Notifications notifications;
    private final KafkaClients kafka;
    private final Duration retention;

    public InviteEmailsConsumer(Intake intake, Notifications notifications, KafkaClients kafka, NotificationConfig.InviteEmails inviteEmails) {
        this.intake = intake;
        this.notifications = notifications;
        this.kafka = kafka;
        this.retention = inviteEmails.retention();
    }

    /** The topic may not be there yet when session-service has not run; reading it would wait for it otherwise. */
    void ensureTopic(@Observes @Priority(20) StartupEvent event) {
        KafkaTopics.ensure(kafka, KafkaTopics.inviteEmails(retention));
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return intake.take(record, this::read);
    }

    /** A request that breaks its schema (a URL in clear among what does) is refused here, before anything is kept. */
    private Intake.Work read(String json) {
        JsonNode message;
        try {
            message = EventJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new Unprocessable("not an invite email request: " + e.getMessage());
        }
        if (message == null || !message.isObject()) {
            throw new Unprocessable("not an invite email request: not a JSON object");
        }
        List<String> problems = InviteEmailRequest.problems(message);
        if (!problems.isEmpty()) {
            throw new Unprocessable("an invite email request that breaks its schema: " + String.join("; ", problems));
        }
        InviteEmailRequest request = EventJson.MAPPER.convertValue(message, InviteEmailRequest.class);
        return (c, live) -> notifications.invite(c, request, live);
    }
}
