package com.example.accounts.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the live positions are fixed: an event published after that is live and emailed, whenever it is read. */
@Readiness
@ApplicationScoped
public class ReadingHealth implements HealthCheck {

    private final Positions positions;

    public ReadingHealth(Positions positions) {
        this.positions = positions;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event positions").status(positions.ready()).build();
    }
}
