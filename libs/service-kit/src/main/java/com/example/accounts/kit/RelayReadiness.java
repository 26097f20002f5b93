package com.example.accounts.kit;

import com.example.accounts.eventstore.OutboxRelay;
import com.example.accounts.eventstore.RelayStatus;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * EVT-3: a service that stores events is ready while its events reach Kafka: DOWN once the oldest committed and
 * unpublished event waited longer than {@code platform.event-store.relay.max-lag}, saying how far behind the relay
 * is and why (the open transaction that holds it back, or its last failure to publish). Every instance says the
 * same, leader or not, since it reads the store.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "platform.event-store.enabled", stringValue = "true")
public class RelayReadiness implements AsyncHealthCheck {

    static final String NAME = "event relay";

    private final OutboxRelay relay;
    private final Duration maxLag;

    public RelayReadiness(OutboxRelay relay, KitConfig.EventStore config) {
        this.relay = relay;
        this.maxLag = config.relay().maxLag();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return relay.status()
                .map(this::response)
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", String.valueOf(failure.getMessage())).build());
    }

    private HealthCheckResponse response(RelayStatus status) {
        var response = HealthCheckResponse.named(NAME).status(status.within(maxLag))
                .withData("topic", status.topic())
                .withData("leading", status.leading())
                .withData("unpublished", status.unpublished())
                .withData("oldestUnpublishedSeconds", status.oldestUnpublished().toSeconds())
                .withData("maxLagSeconds", maxLag.toSeconds())
                .withData("reason", status.reason());
        if (status.heldBackBy() != null) {
            response.withData("heldBackBy", status.heldBackBy());
        }
        if (status.lastFailure() != null) {
            response.withData("lastFailure", status.lastFailure());
        }
        return response.build();
    }
}
