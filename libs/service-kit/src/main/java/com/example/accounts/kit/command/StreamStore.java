package com.example.accounts.kit.command;

import com.example.accounts.eventstore.AppendResult;
import com.example.accounts.eventstore.EventMetadata;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/** What the stream writers read and write through: the event store, its snapshots and relay ({@link CommandPipeline}). */
interface StreamStore {

    /** One command's events, to be appended at {@code expectedVersion}. */
    record Append<E>(UUID accountId, long expectedVersion, List<E> events, EventMetadata metadata) {
    }

    /** The stream from its newest snapshot, or from {@code cached} (null: none), with the events after it. */
    <S, E> Uni<Loaded<S>> load(StreamKind<S, E> kind, String stream, Loaded<S> cached);

    /**
     * One transaction: each append in turn, before any other write; then {@code alongside} with their results; then
     * the commit and the relay's wake-up. A {@link com.example.accounts.eventstore.ConcurrencyConflict} when the
     * stream moved on since it was read.
     */
    <S, E> Uni<List<AppendResult>> commit(StreamKind<S, E> kind, String stream, List<Append<E>> appends,
            BiFunction<SqlConnection, List<AppendResult>, Uni<Void>> alongside);

    String topic();
}
