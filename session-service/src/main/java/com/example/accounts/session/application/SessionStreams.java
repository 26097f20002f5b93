package com.example.accounts.session.application;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.eventstore.ConcurrencyConflict;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.eventstore.EventStore;
import com.example.accounts.eventstore.OutboxRelay;
import com.example.accounts.kit.IdempotencyKeys;
import com.example.accounts.kit.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs commands on the session service's streams: load, decide, append with the version decided on. A conflicting
 * append is decided again on the new state, so two commands racing on one stream cannot both win (EVT-1): of twenty
 * redemptions of one invite, one appends and the others are decided on a state where it is used (INV-2).
 */
@ApplicationScoped
public class SessionStreams {

    private static final int ATTEMPTS = 25;

    /** A stream as read: its state, its version, its account (null when empty) and the position of its last event. */
    public record Loaded<S>(S state, long version, UUID accountId, long lastPosition) {
        public boolean exists() {
            return version > 0;
        }
    }

    /** What a command left: the new state, the events it appended (maybe none) and the token that waits for them (PRM-4). */
    public record Done<S, E>(S state, List<E> events, ConsistencyToken token) {
    }

    private final EventStore store;
    private final OutboxRelay relay;
    private final IdempotencyKeys idempotencyKeys;

    public SessionStreams(EventStore store, OutboxRelay relay, IdempotencyKeys idempotencyKeys) {
        this.store = store;
        this.relay = relay;
        this.idempotencyKeys = idempotencyKeys;
    }

    public <S, E> Uni<Loaded<S>> load(Aggregate<S, E> aggregate, String stream) {
        return store.readStream(stream, 0).map(events -> {
            S state = aggregate.initial();
            for (EventEnvelope envelope : events) {
                if (!aggregate.codec().knows(envelope.type())) {
                    // ACC-6: an id of another kind of stream names no such thing here
                    throw ProblemException.notFound(aggregate.name());
                }
                state = aggregate.evolve().apply(state, aggregate.codec().decode(envelope));
            }
            if (events.isEmpty()) {
                return new Loaded<>(state, 0, null, 0);
            }
            EventEnvelope last = events.get(events.size() - 1);
            return new Loaded<>(state, last.version(), last.accountId(), last.position());
        });
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
        return store.readStream(stream, 0).map(events -> seenBy(aggregate, accountId, events));
    }

    private static <S, E> Loaded<S> seenBy(Aggregate<S, E> aggregate, UUID accountId, List<EventEnvelope> events) {
        Loaded<S> none = new Loaded<>(aggregate.initial(), 0, null, 0);
        if (events.isEmpty() || !events.get(0).accountId().equals(accountId)) {
            return none;
        }
        S state = aggregate.initial();
        for (EventEnvelope envelope : events) {
            if (!aggregate.codec().knows(envelope.type())) {
                return none;
            }
            state = aggregate.evolve().apply(state, aggregate.codec().decode(envelope));
        }
        EventEnvelope last = events.get(events.size() - 1);
        return new Loaded<>(state, last.version(), last.accountId(), last.position());
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
        return store.readStream(stream, 0).chain(stored -> {
            // ACC-6: decided on as this account sees it, so another account's stream is refused as a made-up id is
            Loaded<S> loaded = seenBy(aggregate, accountId, stored);
            List<E> events = decide.apply(loaded.state());
            if (events.isEmpty()) {
                ConsistencyToken token = loaded.lastPosition() == 0 ? null : new ConsistencyToken(store.topic(), accountId, loaded.lastPosition());
                return Uni.createFrom().item(new Done<>(loaded.state(), events, token));
            }
            if (!stored.isEmpty() && !loaded.exists()) {
                // what creates a stream draws a fresh id: one already written elsewhere is never this account's to write
                throw ProblemException.notFound(aggregate.name());
            }
            S decided = loaded.state();
            for (E event : events) {
                decided = aggregate.evolve().apply(decided, event);
            }
            S state = decided;
            return store.pool().withTransaction(connection -> store.append(connection, stream, accountId, loaded.version(),
                                    events.stream().map(aggregate.codec()::encode).toList(), metadata)
                            .map(appended -> new Done<>(state, events, appended.token()))
                            .call(done -> alongside.apply(connection, done))
                            .call(() -> idempotencyKeys.claimIn(connection)))
                    .invoke(relay::wake);
        });
    }
}
