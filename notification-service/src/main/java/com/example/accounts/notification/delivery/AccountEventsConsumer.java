package com.example.accounts.notification.delivery;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.MalformedEventException;
import com.example.accounts.notification.domain.Email;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Reacts to {@code account-events}: one record at a time, in each partition's order. */
@ApplicationScoped
public class AccountEventsConsumer {

    static final String CHANNEL = "account-events";

    private final Intake intake;
    private final Notifications notifications;
    private final AppliedEvents applied;

    public AccountEventsConsumer(Intake intake, Notifications notifications, AppliedEvents applied) {
        this.intake = intake;
        this.notifications = notifications;
        this.applied = applied;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return intake.take(record, this::read);
    }

    private Intake.Work read(String json) {
        EventEnvelope event;
        try {
            event = EventJson.read(json);
        } catch (MalformedEventException | IllegalArgumentException e) {
            throw new Unprocessable("not an event: " + e.getMessage());
        }
        if (event == null || event.type() == null || event.accountId() == null || event.streamId() == null || event.data() == null) {
            throw new Unprocessable("not an event: an envelope with type, accountId, streamId and data is required");
        }
        Notifications.check(event);
        // the same event again does nothing; another at a version read here is a dead letter (EVT-1)
        return (c, live) -> applied.first(c, event)
                .chain(first -> first ? notifications.apply(c, event, live) : Uni.createFrom().item(List.<Email>of()));
    }
}
