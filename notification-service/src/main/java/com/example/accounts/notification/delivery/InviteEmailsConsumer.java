package com.example.accounts.notification.delivery;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reacts to session-service's invite email requests ({@value Topics#INVITE_EMAILS}), kept only while invites live. */
@ApplicationScoped
public class InviteEmailsConsumer {

    static final String CHANNEL = "invite-emails";

    private final Deliveries deliveries;

    public InviteEmailsConsumer(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        try {
            return deliveries.inviteEmail(EventJson.MAPPER.readValue(json, InviteEmail.class));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an invite email request: " + e.getMessage(), e);
        }
    }
}
