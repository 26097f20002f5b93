package com.example.accounts.kit;

import com.example.accounts.eventstore.EventStore;
import com.example.accounts.eventstore.KafkaClients;
import com.example.accounts.eventstore.OutboxRelay;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * For a service that stores events ({@code platform.event-store.enabled=true} at build time): the event store on
 * the service's own database (its tables migrated by Flyway before any bean starts, {@code db/event-store}), and its
 * relay to the service's topic.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.event-store.enabled", stringValue = "true")
public class EventStoreLifecycle {

    private final EventStore store;
    private final OutboxRelay relay;

    // the datasource's own properties are Quarkus's, read as it names them
    public EventStoreLifecycle(Pool pool, Vertx vertx, KitConfig.EventStore config, KafkaClients kafka,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        String topic = config.topic().orElseThrow(() -> new IllegalStateException("platform.event-store.topic names no topic to publish to"));
        this.store = new EventStore(pool, topic, config.writerTimeout());
        // EVT-3: the relay's lead lives on a connection of its own, to the pool's database as the pool reaches it
        PgConnectOptions lead = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url);
        user.ifPresent(lead::setUser);
        password.ifPresent(lead::setPassword);
        this.relay = new OutboxRelay(pool, OutboxRelay.dedicatedConnections(vertx, lead), topic, kafka, config.partitions());
    }

    void onStart(@Observes StartupEvent event) {
        relay.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        relay.close();
    }

    @Produces
    @Singleton
    EventStore eventStore() {
        return store;
    }

    @Produces
    @Singleton
    OutboxRelay relay() {
        return relay;
    }
}
