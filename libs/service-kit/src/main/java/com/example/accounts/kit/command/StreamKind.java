package com.example.accounts.kit.command;

import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * How one kind of stream is folded and cached: its events, its empty state, its evolve, and the snapshot table and
 * fold fingerprint ({@link com.example.accounts.eventstore.Snapshots#fingerprint}) its snapshots are kept under;
 * {@code name} is what a caller calls it.
 */
public record StreamKind<S, E>(String name, EventCodec<E> codec, S initial, BiFunction<S, E, S> evolve, String snapshotTable, String fold) {

    /** What a snapshot reads back: the initial state's record, or the sealed type of phases it is the first of. */
    @SuppressWarnings("unchecked")
    public Class<S> stateType() {
        Class<?> type = initial.getClass();
        for (Class<?> phases = sealedParent(type); phases != null; phases = sealedParent(phases)) {
            type = phases;
        }
        return (Class<S>) type;
    }

    private static Class<?> sealedParent(Class<?> type) {
        return Arrays.stream(type.getInterfaces()).filter(Class::isSealed).findFirst().orElse(null);
    }
}
