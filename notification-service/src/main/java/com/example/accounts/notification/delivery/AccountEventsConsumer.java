package com.example.accounts.notification.delivery;

import com.example.accounts.contract.EventJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reacts to {@code account-events}: one event at a time in each partition's order. */
@ApplicationScoped
public class AccountEventsConsumer {

    static final String CHANNEL = "account-events";

    private final Deliveries deliveries;

    public AccountEventsConsumer(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return deliveries.handle(EventJson.read(json));
    }
}
