package com.example.accounts.session.application;

import com.example.accounts.eventstore.Snapshots;
import com.example.accounts.session.infrastructure.EventCodec;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How one kind of stream is folded: its events, its empty state, its evolve; {@code name} is what a caller calls it.
 * {@code endedSession} names the session a state has ended (null while open, and for streams that are no session):
 * a command that ends it lapses the session's codes with its events (SUP-5, TRN-3).
 */
public record Aggregate<S, E>(String name, EventCodec<E> codec, S initial, BiFunction<S, E, S> evolve, Function<S, UUID> endedSession) {

    /** A kind of stream that is no session. */
    public Aggregate(String name, EventCodec<E> codec, S initial, BiFunction<S, E, S> evolve) {
        this(name, codec, initial, evolve, state -> null);
    }

    /** The state's record: what a snapshot reads back. */
    @SuppressWarnings("unchecked")
    public Class<S> stateType() {
        return (Class<S>) initial.getClass();
    }

    /** What folds this stream, as snapshots name it: the state's record (its evolve) and the events it reads. */
    public String fold() {
        return Snapshots.fingerprint(SessionStreams.FOLD_REVISION, stateType(), codec.type());
    }
}
