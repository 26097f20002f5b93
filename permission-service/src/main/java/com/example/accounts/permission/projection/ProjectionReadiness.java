package com.example.accounts.permission.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;

/**
 * PRM-4: the instance that leads the projection is ready while the live read model keeps up: DOWN once a partition
 * of the event topics holds more than {@code platform.projection.max-lag} records it has not applied, as its
 * consumer last saw the partition's end (no request to Kafka or the database: the figure the lag gauges read). The
 * other instances apply nothing and answer from the read model the leader keeps: they say so and stay UP.
 */
@Readiness
@ApplicationScoped
public class ProjectionReadiness implements HealthCheck {

    static final String NAME = "projection";

    private final ProjectionLeader leader;
    private final long maxLag;

    public ProjectionReadiness(ProjectionLeader leader, ProjectionConfig.Projection projection) {
        long maxLag = projection.maxLag();
        if (maxLag < 0) {
            throw new IllegalArgumentException("platform.projection.max-lag must be a number of records, at least 0, not " + maxLag);
        }
        this.leader = leader;
        this.maxLag = maxLag;
    }

    @Override
    public HealthCheckResponse call() {
        Projector projector = leader.liveProjector();
        if (projector == null) {
            return HealthCheckResponse.named(NAME).up().withData("leading", false)
                    .withData("reason", "another instance projects; this one answers from the read model it keeps").build();
        }
        long lag = 0;
        String behind = "none";
        for (Map.Entry<TopicPartition, Long> partition : projector.lag().entrySet()) {
            if (partition.getValue() > lag) {
                lag = partition.getValue();
                behind = partition.getKey().toString();
            }
        }
        var response = HealthCheckResponse.named(NAME).status(lag <= maxLag).withData("leading", true)
                .withData("maxLagRecords", maxLag).withData("lagRecords", lag).withData("mostBehind", behind);
        String retrying = projector.stats().retrying();
        if (retrying != null) {
            response.withData("retrying", retrying);
        }
        return response.build();
    }
}
