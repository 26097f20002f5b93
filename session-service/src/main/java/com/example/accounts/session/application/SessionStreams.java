package com.example.accounts.session.application;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.eventstore.ConcurrencyConflict;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.eventstore.EventStore;
import com.example.accounts.eventstore.OutboxRelay;
import com.example.accounts.eventstore.Snapshots;
import com.example.accounts.kit.IdempotencyKeys;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.session.infrastructure.Passes;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs commands on the session service's streams: load, decide, append with the version decided on. A conflicting
 * append is decided again on the new state, so two commands racing on one stream cannot both win (EVT-1): of twenty
 * redemptions of one invite, one appends and the others are decided on a state where it is used (INV-2).
 *
 * <p>A stream is read from its newest snapshot and the events after it (the event store's {@link Snapshots}, as
 * account-service reads accounts), and snapshotted again once {@link #SNAPSHOT_EVERY} events had to be folded, so a
 * training session of a thousand participants is not replayed whole on each action. A command that ends a session
 * lapses its codes with its events ({@link Passes#close}).
 */
@ApplicationScoped
public class SessionStreams {

    private static final int ATTEMPTS = 25;

    /** At most this many events are folded after a snapshot before a new one is taken. */
    public static final int SNAPSHOT_EVERY = 100;

    /** Raise when a fold changes outside the classes {@link Aggregate#fold} names: every snapshot is then folded again. */
    static final int FOLD_REVISION = 1;

    /**
     * A stream as read: its state, its version, its account (null when empty), the position of its last event, and
     * how many events were folded after the snapshot it started from.
     */
    public record Loaded<S>(S state, long version, UUID accountId, long lastPosition, int replayed) {
        public Loaded(S state, long version, UUID accountId, long lastPosition) {
            this(state, version, accountId, lastPosition, 0);
        }

        public boolean exists() {
            return version > 0;
        }
    }

    /** What the store holds of a stream, folded: {@code written} when it has any event, {@code foreign} when one is of another kind of stream. */
    private record Read<S>(Loaded<S> folded, boolean written, boolean foreign, UUID accountId) {
    }

    /** What a command left: the new state, the events it appended (maybe none) and the token that waits for them (PRM-4). */
    public record Done<S, E>(S state, List<E> events, ConsistencyToken token) {
    }

    private final EventStore store;
    private final OutboxRelay relay;
    private final IdempotencyKeys idempotencyKeys;
    private final Passes passes;
    private final Map<String, Snapshots<?>> snapshots = new ConcurrentHashMap<>();

    public SessionStreams(EventStore store, OutboxRelay relay, IdempotencyKeys idempotencyKeys, Passes passes) {
        this.store = store;
        this.relay = relay;
        this.idempotencyKeys = idempotencyKeys;
        this.passes = passes;
    }

    void migrate(@Observes StartupEvent event) {
        snapshotsOf(SupportSessions.AGGREGATE).migrate().await().indefinitely();
    }

    /** One table for every kind of stream: each kind's fold is its own, so a snapshot is never read as another kind. */
    @SuppressWarnings("unchecked")
    private <S, E> Snapshots<S> snapshotsOf(Aggregate<S, E> aggregate) {
        return (Snapshots<S>) snapshots.computeIfAbsent(aggregate.name(),
                name -> new Snapshots<>(store.pool(), "session_snapshots", aggregate.stateType(), aggregate.fold()));
    }

    public <S, E> Uni<Loaded<S>> load(Aggregate<S, E> aggregate, String stream) {
        return read(aggregate, stream).map(read -> {
            if (read.foreign()) {
                // ACC-6: an id of another kind of stream names no such thing here
                throw ProblemException.notFound(aggregate.name());
            }
            return read.folded();
        });
    }

    /** The stream from its newest snapshot and the events after it; snapshotted anew when too many had to be folded. */
    private <S, E> Uni<Read<S>> read(Aggregate<S, E> aggregate, String stream) {
        Snapshots<S> kept = snapshotsOf(aggregate);
        return kept.find(stream).chain(snapshot -> store.readStream(stream, snapshot.map(Snapshots.Snapshot::version).orElse(0L))
                        .map(events -> fold(aggregate, snapshot, events)))
                .call(read -> read.folded().replayed() >= SNAPSHOT_EVERY && !read.foreign()
                        ? kept.save(stream, new Snapshots.Snapshot<>(read.folded().state(), read.folded().version(), read.folded().lastPosition(), read.accountId()))
                        : Uni.createFrom().voidItem());
    }

    private static <S, E> Read<S> fold(Aggregate<S, E> aggregate, Optional<Snapshots.Snapshot<S>> snapshot, List<EventEnvelope> events) {
        S state = snapshot.map(Snapshots.Snapshot::state).orElse(aggregate.initial());
        long version = snapshot.map(Snapshots.Snapshot::version).orElse(0L);
        long position = snapshot.map(Snapshots.Snapshot::position).orElse(0L);
        UUID accountId = snapshot.map(Snapshots.Snapshot::accountId).orElse(events.isEmpty() ? null : events.get(0).accountId());
        for (EventEnvelope envelope : events) {
            if (!aggregate.codec().knows(envelope.type())) {
                return new Read<>(new Loaded<>(aggregate.initial(), 0, null, 0), true, true, accountId);
            }
            state = aggregate.evolve().apply(state, aggregate.codec().decode(envelope));
            version = envelope.version();
            position = envelope.position();
        }
        boolean written = version > 0;
        return new Read<>(new Loaded<>(state, version, written ? accountId : null, position, events.size()), written, false, accountId);
    }

    /** ACC-6: a stream of another account does not exist for this one. */
    public <S, E> Uni<Loaded<S>> loadIn(Aggregate<S, E> aggregate, UUID accountId, String stream) {
        return loadAs(aggregate, accountId, stream).invoke(loaded -> {
            if (!loaded.exists()) {
                throw ProblemException.notFound(aggregate.name());
            }
        });
    }

    /**
     * ACC-6: the stream as {@code accountId} sees it. One of another account, or of another kind, is as one never
     * written, so whatever is asked or decided of it answers as for an id nobody ever used, in status and body.
     */
    public <S, E> Uni<Loaded<S>> loadAs(Aggregate<S, E> aggregate, UUID accountId, String stream) {
        return read(aggregate, stream).map(read -> seenBy(aggregate, accountId, read));
    }

    private static <S, E> Loaded<S> seenBy(Aggregate<S, E> aggregate, UUID accountId, Read<S> read) {
        if (!read.written() || read.foreign() || !accountId.equals(read.accountId())) {
            return new Loaded<>(aggregate.initial(), 0, null, 0);
        }
        return read.folded();
    }

    public <S, E> Uni<Done<S, E>> execute(Aggregate<S, E> aggregate, UUID accountId, String stream, Function<S, List<E>> decide, EventMetadata metadata) {
        return execute(aggregate, accountId, stream, decide, metadata, (connection, done) -> Uni.createFrom().voidItem());
    }

    /**
     * {@code alongside} writes in the transaction of the append (a pass's hash), so both commit or neither; so does
     * the Idempotency-Key of a creating command's request (SEC-3), so a retry racing its first try cannot append twice.
     */
    public <S, E> Uni<Done<S, E>> execute(Aggregate<S, E> aggregate, UUID accountId, String stream, Function<S, List<E>> decide,
                                         EventMetadata metadata, BiFunction<SqlConnection, Done<S, E>, Uni<Void>> alongside) {
        return Uni.createFrom().deferred(() -> attempt(aggregate, accountId, stream, decide, metadata, alongside))
                .onFailure(ConcurrencyConflict.class).retry().atMost(ATTEMPTS - 1);
    }

    private <S, E> Uni<Done<S, E>> attempt(Aggregate<S, E> aggregate, UUID accountId, String stream, Function<S, List<E>> decide,
                                          EventMetadata metadata, BiFunction<SqlConnection, Done<S, E>, Uni<Void>> alongside) {
        return read(aggregate, stream).chain(stored -> {
            // ACC-6: decided on as this account sees it, so another account's stream is refused as a made-up id is
            Loaded<S> loaded = seenBy(aggregate, accountId, stored);
            List<E> events = decide.apply(loaded.state());
            if (events.isEmpty()) {
                ConsistencyToken token = loaded.lastPosition() == 0 ? null : new ConsistencyToken(store.topic(), accountId, loaded.lastPosition());
                return Uni.createFrom().item(new Done<>(loaded.state(), events, token));
            }
            if (stored.written() && !loaded.exists()) {
                // what creates a stream draws a fresh id: one already written elsewhere is never this account's to write
                throw ProblemException.notFound(aggregate.name());
            }
            S decided = loaded.state();
            for (E event : events) {
                decided = aggregate.evolve().apply(decided, event);
            }
            S state = decided;
            UUID ends = aggregate.endedSession().apply(loaded.state()) == null ? aggregate.endedSession().apply(state) : null;
            return store.pool().withTransaction(connection -> store.append(connection, stream, accountId, loaded.version(),
                                    events.stream().map(aggregate.codec()::encode).toList(), metadata)
                            .map(appended -> new Done<>(state, events, appended.token()))
                            .call(done -> alongside.apply(connection, done))
                            .call(() -> ends == null ? Uni.createFrom().voidItem() : passes.close(connection, ends, metadata.occurredAt()))
                            .call(() -> idempotencyKeys.claimIn(connection)))
                    .invoke(relay::wake);
        });
    }
}
