package com.example.accounts.kit;

import com.example.accounts.eventstore.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Every service is ready only while it reaches Kafka: its writers publish there, its readers read there. One
 * metadata request (the cluster's nodes) on an admin client of the service's own Kafka configuration (security
 * included, {@link KafkaClients}), made at the first check and kept; DOWN with the error when the brokers do not answer
 * within {@link #TIMEOUT}. Nothing is read from any topic.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements AsyncHealthCheck {

    static final String NAME = "kafka";
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final KafkaClients kafka;
    private Admin admin;

    public KafkaReadiness(KafkaClients kafka) {
        this.kafka = kafka;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().deferred(() -> Uni.createFrom()
                .completionStage(admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis())).nodes().toCompletionStage()))
                .map(nodes -> HealthCheckResponse.named(NAME).up().withData("brokers", nodes.size()).build())
                .ifNoItem().after(TIMEOUT.plusSeconds(1)).fail()
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", failure.getClass().getSimpleName() + ": " + failure.getMessage()).build());
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = kafka.admin();
        }
        return admin;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
