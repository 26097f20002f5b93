package com.example.accounts.session;

import com.example.accounts.eventstore.EventStore;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the session event store answers: its table exists in this service's own database. */
@Readiness
@ApplicationScoped
public class EventRelayHealth implements AsyncHealthCheck {

    private final EventStore store;

    public EventRelayHealth(EventStore store) {
        this.store = store;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return store.pool().query("SELECT count(*) FROM events").execute()
                .map(rows -> HealthCheckResponse.named("session event store").up()
                        .withData("topic", store.topic()).withData("events", rows.iterator().next().getLong(0)).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("session event store").down()
                        .withData("error", failure.getMessage()).build());
    }
}
