package com.example.accounts.kit.command;

import java.util.function.BiFunction;

/**
 * How one kind of stream is folded and cached: its events, its empty state, its evolve, and the snapshot table and
 * fold fingerprint ({@link com.example.accounts.eventstore.Snapshots#fingerprint}) its snapshots are kept under;
 * {@code name} is what a caller calls it.
 */
public record StreamKind<S, E>(String name, EventCodec<E> codec, S initial, BiFunction<S, E, S> evolve, String snapshotTable, String fold) {

    /** The state's record: what a snapshot reads back. */
    @SuppressWarnings("unchecked")
    public Class<S> stateType() {
        return (Class<S>) initial.getClass();
    }
}
