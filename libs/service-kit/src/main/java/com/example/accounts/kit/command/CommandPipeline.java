package com.example.accounts.kit.command;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.eventstore.AppendResult;
import com.example.accounts.eventstore.EventStore;
import com.example.accounts.eventstore.OutboxRelay;
import com.example.accounts.eventstore.Snapshots;
import com.example.accounts.kit.IdempotencyKeys;
import com.example.accounts.kit.KitConfig;
import com.example.accounts.kit.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The one way a service runs a command on one of its streams: load it (from its newest snapshot and the events
 * after it), decide, append at the version it was decided on with whatever belongs in the same transaction (the
 * request's Idempotency-Key, SEC-3; the command's own writes), then wake the relay. Each stream has one writer in this
 * instance, which groups the commands that wait for it into one transaction ({@link StreamWriters}).
 *
 * <p>A stream is snapshotted again once {@link #SNAPSHOT_EVERY} events had to be folded after its snapshot, so a long
 * stream (an account of 10,000 members, a training of a thousand participants) is not replayed whole.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.event-store.enabled", stringValue = "true")
public class CommandPipeline {

    /** At most this many events are folded after a snapshot before a new one is taken. */
    public static final int SNAPSHOT_EVERY = 100;

    private final EventStore store;
    private final IdempotencyKeys idempotencyKeys;
    private final StreamWriters writers;
    private final Map<String, Snapshots<?>> snapshots = new ConcurrentHashMap<>();

    public CommandPipeline(EventStore store, OutboxRelay relay, IdempotencyKeys idempotencyKeys, MeterRegistry meters,
            KitConfig.Commands config) {
        this.store = store;
        this.idempotencyKeys = idempotencyKeys;
        this.writers = new StreamWriters(new Store(store, relay), config.queuePerStream(), config.group(), config.streamsKept(),
                new CommandMetrics(meters));
    }

    public String topic() {
        return store.topic();
    }

    /** The stream as stored now, from its newest snapshot; snapshotted anew when too many events had to be folded. */
    public <S, E> Uni<Loaded<S>> load(StreamKind<S, E> kind, String stream) {
        return load(kind, stream, null);
    }

    /**
     * Runs {@code command} on the stream, after the commands of the stream queued before it; the Idempotency-Key the
     * request claimed (SEC-3) commits with its events.
     */
    public <S, E> Uni<Done<S, E>> run(StreamKind<S, E> kind, String stream, UUID accountId, Command<S, E> command) {
        // the claim is the request's as it runs (IdempotentRequests builds the request's Uni before it claims the key)
        return Uni.createFrom().deferred(() -> writers.submit(kind, stream, accountId, command.tracedBy(Traces.traceparent()),
                idempotencyKeys.claimOfThisRequest()));
    }

    @SuppressWarnings("unchecked")
    private <S, E> Snapshots<S> snapshotsOf(StreamKind<S, E> kind) {
        return (Snapshots<S>) snapshots.computeIfAbsent(kind.snapshotTable() + "/" + kind.name(),
                name -> new Snapshots<>(store.pool(), kind.snapshotTable(), kind.stateType(), kind.fold()));
    }

    private <S, E> Uni<Loaded<S>> load(StreamKind<S, E> kind, String stream, Loaded<S> cached) {
        Snapshots<S> kept = snapshotsOf(kind);
        Uni<Loaded<S>> from = cached != null
                ? Uni.createFrom().item(cached)
                : kept.find(stream).map(snapshot -> snapshot
                        .map(s -> new Loaded<>(s.state(), s.version(), s.accountId(), s.position(), 0, false))
                        .orElse(new Loaded<>(kind.initial(), 0, null, 0)));
        return from.chain(start -> store.readStream(stream, start.version()).map(events -> fold(kind, start, events)))
                .chain(loaded -> loaded.replayed() >= SNAPSHOT_EVERY && !loaded.foreign()
                        ? kept.save(stream, new Snapshots.Snapshot<>(loaded.state(), loaded.version(), loaded.lastPosition(), loaded.accountId()))
                                .replaceWith(loaded)
                        : Uni.createFrom().item(loaded));
    }

    /** The events folded onto {@code start}; at the first event of another kind of stream the stream is foreign, its state the empty one. */
    static <S, E> Loaded<S> fold(StreamKind<S, E> kind, Loaded<S> start, List<EventEnvelope> events) {
        S state = start.state();
        long version = start.version();
        long position = start.lastPosition();
        UUID accountId = start.accountId() != null || events.isEmpty() ? start.accountId() : events.get(0).accountId();
        boolean foreign = start.foreign();
        for (EventEnvelope envelope : events) {
            foreign |= !kind.codec().knows(envelope.type());
            if (!foreign) {
                state = kind.evolve().apply(state, kind.codec().decode(envelope));
            }
            version = envelope.version();
            position = envelope.position();
        }
        return new Loaded<>(foreign ? kind.initial() : state, version, accountId, position, start.replayed() + events.size(), foreign);
    }

    /** The event store as the writers use it: one transaction per group, the relay woken after it. */
    private final class Store implements StreamStore {
        private final EventStore events;
        private final OutboxRelay relay;

        Store(EventStore events, OutboxRelay relay) {
            this.events = events;
            this.relay = relay;
        }

        @Override
        public <S, E> Uni<Loaded<S>> load(StreamKind<S, E> kind, String stream, Loaded<S> cached) {
            // the writer keeps the state: what was folded since the snapshot just taken counts from none
            return CommandPipeline.this.load(kind, stream, cached).map(loaded -> loaded.replayed() >= SNAPSHOT_EVERY && !loaded.foreign()
                    ? new Loaded<>(loaded.state(), loaded.version(), loaded.accountId(), loaded.lastPosition(), 0, false)
                    : loaded);
        }

        @Override
        public <S, E> Uni<List<AppendResult>> commit(StreamKind<S, E> kind, String stream, List<Append<E>> appends,
                BiFunction<SqlConnection, List<AppendResult>, Uni<Void>> alongside) {
            return events.pool().withTransaction(connection -> {
                List<AppendResult> results = new ArrayList<>();
                Uni<Void> appended = Uni.createFrom().voidItem();
                for (Append<E> append : appends) {
                    // every append of the group before any other write of its transaction
                    appended = appended.chain(() -> events.append(connection, stream, append.accountId(), append.expectedVersion(),
                            append.events().stream().map(kind.codec()::encode).toList(), append.metadata()).invoke(results::add).replaceWithVoid());
                }
                return appended.chain(() -> alongside.apply(connection, results)).replaceWith(results);
            })
                    .invoke(relay::wake);
        }

        @Override
        public String topic() {
            return events.topic();
        }
    }
}
