package com.example.accounts.kit.command;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.eventstore.AppendResult;
import com.example.accounts.eventstore.ConcurrencyConflict;
import com.example.accounts.kit.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One writer per stream in this instance (EVT-1): the commands of a stream are queued and run one after another, so
 * optimistic concurrency only settles races with other instances, and a client never sees a conflict it did not
 * cause. Group commit: while one append of a stream is in flight the next commands wait; then they are all decided in
 * turn on the evolving state (each its own refusal or events, its own If-Match) and appended in one transaction, each
 * answered with its own result. The stream's last state is kept between commands and topped up with the events
 * appended since (by another instance); a conflict drops it, reads the stream again and decides the group again.
 *
 * <p>Bounded: at most {@code queueLimit} commands wait per stream (the next is a 503 naming the stream, with
 * Retry-After), a group holds at most {@code groupLimit}, and at most {@code streamLimit} idle streams keep their
 * state (the least recently used are dropped).
 */
final class StreamWriters {

    /** A conflict is another instance's append; after this many in a row the command gives up with it (409). */
    static final int ATTEMPTS = 25;

    private static final Logger LOG = Logger.getLogger(StreamWriters.class);

    private final StreamStore store;
    private final int queueLimit;
    private final int groupLimit;
    private final int streamLimit;
    private final LinkedHashMap<String, Writer> writers = new LinkedHashMap<>(16, 0.75f, true);
    private final CommandMetrics metrics;

    StreamWriters(StreamStore store, int queueLimit, int groupLimit, int streamLimit) {
        this(store, queueLimit, groupLimit, streamLimit, CommandMetrics.unregistered());
    }

    StreamWriters(StreamStore store, int queueLimit, int groupLimit, int streamLimit, CommandMetrics metrics) {
        this.store = store;
        this.queueLimit = queueLimit;
        this.groupLimit = groupLimit;
        this.streamLimit = streamLimit;
        this.metrics = metrics;
    }

    /** The queue of one stream, whether a group of it is in flight, and its state as last written or read. */
    private static final class Writer {
        final String stream;
        final ArrayDeque<PendingCommand<?, ?>> queue = new ArrayDeque<>();
        boolean busy;
        Loaded<?> state;
        String stateKind;

        Writer(String stream) {
            this.stream = stream;
        }
    }

    <S, E> Uni<Done<S, E>> submit(StreamKind<S, E> kind, String stream, UUID accountId, Command<S, E> command,
            Function<SqlConnection, Uni<Void>> claim) {
        return Uni.createFrom().emitter(answer -> {
            PendingCommand<S, E> pending = new PendingCommand<>(kind, accountId, command, claim, answer);
            Writer writer;
            synchronized (this) {
                writer = writers.computeIfAbsent(stream, Writer::new);
                if (writer.queue.size() >= queueLimit) {
                    metrics.overloaded(kind.name());
                    answer.fail(new ProblemException(503, RuleId.EVT_1, "Too many commands for one stream",
                            "the queue of commands for stream " + stream + " is full (" + queueLimit + " waiting); retry in a second", null));
                    return;
                }
                writer.queue.add(pending);
                if (writer.busy) {
                    return;
                }
                writer.busy = true;
            }
            drain(writer);
        });
    }

    /** How many streams keep a writer (idle ones with their state included). */
    synchronized int streams() {
        return writers.size();
    }

    private void drain(Writer writer) {
        List<PendingCommand<?, ?>> group = new ArrayList<>();
        synchronized (this) {
            PendingCommand<?, ?> head = writer.queue.peek();
            // a group is of one kind of stream: two kinds may share a stream id (support and training sessions)
            while (head != null && group.size() < groupLimit && head.kind == (group.isEmpty() ? head.kind : group.get(0).kind)) {
                group.add(writer.queue.poll());
                head = writer.queue.peek();
            }
            if (group.isEmpty()) {
                writer.busy = false;
                evictIdle();
                return;
            }
        }
        run(writer, group).subscribe().with(ignored -> drain(writer), ignored -> drain(writer));
    }

    private void evictIdle() {
        Iterator<Writer> oldest = writers.values().iterator();
        while (writers.size() > streamLimit && oldest.hasNext()) {
            Writer writer = oldest.next();
            if (!writer.busy && writer.queue.isEmpty()) {
                oldest.remove();
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Uni<Void> run(Writer writer, List<PendingCommand<?, ?>> group) {
        return runGroup(writer, (List) group, 1);
    }

    private <S, E> Uni<Void> runGroup(Writer writer, List<PendingCommand<S, E>> group, int attempt) {
        StreamKind<S, E> kind = group.get(0).kind;
        return Uni.createFrom().deferred(() -> store.load(kind, writer.stream, cached(writer, kind)))
                .chain(loaded -> decideAll(loaded, group).chain(outcomes -> commit(writer, kind, loaded, outcomes)))
                .onFailure().recoverWithUni(failure -> {
                    forget(writer);
                    if (failure instanceof ConcurrencyConflict && attempt < ATTEMPTS) {
                        metrics.conflictRetried(kind.name());
                        return runGroup(writer, group, attempt + 1);
                    }
                    if (!(failure instanceof ConcurrencyConflict) && group.size() > 1) {
                        // one command's write failed the group's transaction (a key a racing request holds): each alone gets its own answer
                        LOG.debugf("a group of %d commands on %s failed (%s); each runs alone", group.size(), writer.stream, failure.getMessage());
                        Uni<Void> alone = Uni.createFrom().voidItem();
                        for (PendingCommand<S, E> pending : group) {
                            alone = alone.chain(() -> runGroup(writer, List.of(pending), attempt));
                        }
                        return alone;
                    }
                    group.forEach(pending -> {
                        metrics.failed(kind.name(), pending.type, failure);
                        pending.fail(failure);
                    });
                    return Uni.createFrom().voidItem();
                });
    }

    @SuppressWarnings("unchecked")
    private synchronized <S, E> Loaded<S> cached(Writer writer, StreamKind<S, E> kind) {
        return kind.name().equals(writer.stateKind) ? (Loaded<S>) writer.state : null;
    }

    private synchronized void forget(Writer writer) {
        writer.state = null;
        writer.stateKind = null;
    }

    private synchronized <S, E> void keep(Writer writer, StreamKind<S, E> kind, Loaded<S> state) {
        writer.state = state;
        writer.stateKind = kind.name();
    }

    /** Each command of the group in turn, on the state the ones before it leave. */
    private <S, E> Uni<List<GroupOutcome<S, E>>> decideAll(Loaded<S> loaded, List<PendingCommand<S, E>> group) {
        List<GroupOutcome<S, E>> outcomes = new ArrayList<>();
        Uni<Loaded<S>> state = Uni.createFrom().item(loaded);
        int[] appends = {-1};
        for (PendingCommand<S, E> pending : group) {
            state = state.chain(current -> {
                GroupOutcome<S, E> outcome = new GroupOutcome<>(pending);
                outcomes.add(outcome);
                outcome.before = current.state();
                outcome.after = current.state();
                outcome.version = current.version();
                outcome.positionBefore = current.lastPosition();
                List<E> events;
                try {
                    events = pending.command.decide(current, type -> pending.type = type);
                } catch (RuntimeException refused) {
                    outcome.refused = refused;
                    outcome.append = appends[0];
                    return Uni.createFrom().item(current);
                }
                if (events.isEmpty()) {
                    outcome.append = appends[0];
                    return Uni.createFrom().item(current);
                }
                return pending.command.before(current.state(), events)
                        .map(ignored -> {
                            S after = current.state();
                            for (E event : events) {
                                after = pending.kind.evolve().apply(after, event);
                            }
                            outcome.events = events;
                            outcome.after = after;
                            outcome.version = current.version() + events.size();
                            outcome.append = ++appends[0];
                            UUID accountId = current.accountId() == null ? pending.accountId : current.accountId();
                            return new Loaded<>(after, outcome.version, accountId, current.lastPosition(), current.replayed(), current.foreign());
                        })
                        .onFailure().recoverWithItem(failure -> {
                            outcome.refused = failure;
                            outcome.append = appends[0];
                            return current;
                        });
            });
        }
        return state.map(ignored -> outcomes);
    }

    private <S, E> Uni<Void> commit(Writer writer, StreamKind<S, E> kind, Loaded<S> loaded, List<GroupOutcome<S, E>> outcomes) {
        List<GroupOutcome<S, E>> appending = outcomes.stream().filter(GroupOutcome::appends).toList();
        if (appending.isEmpty()) {
            keep(writer, kind, loaded);
            answer(outcomes, List.of(), loaded);
            return Uni.createFrom().voidItem();
        }
        List<StreamStore.Append<E>> appends = appending.stream()
                .map(o -> new StreamStore.Append<>(o.pending.accountId, o.version - o.events.size(), o.events, o.pending.command.metadata()))
                .toList();
        long started = System.nanoTime();
        return Uni.createFrom().deferred(() -> store.commit(kind, writer.stream, appends, (connection, results) -> {
            Uni<Void> writes = Uni.createFrom().voidItem();
            for (int i = 0; i < appending.size(); i++) {
                GroupOutcome<S, E> outcome = appending.get(i);
                Done<S, E> done = done(outcome, results.get(i));
                writes = writes.chain(() -> outcome.pending.command.alongside(connection, outcome.before, done))
                        .chain(() -> outcome.pending.claim.apply(connection));
            }
            return writes;
        }))
                .onFailure().call(() -> undo(appending))
                .invoke(results -> {
                    metrics.committed(kind.name(), appending.size(), Duration.ofNanos(System.nanoTime() - started));
                    AppendResult last = results.get(results.size() - 1);
                    GroupOutcome<S, E> lastOutcome = appending.get(appending.size() - 1);
                    UUID accountId = loaded.accountId() == null ? last.accountId() : loaded.accountId();
                    int replayed = loaded.replayed() + appending.stream().mapToInt(o -> o.events.size()).sum();
                    keep(writer, kind, new Loaded<>(lastOutcome.after, last.streamVersion(), accountId, last.lastPosition(), replayed, loaded.foreign()));
                    answer(outcomes, results, loaded);
                })
                .replaceWithVoid();
    }

    private static <S, E> Done<S, E> done(GroupOutcome<S, E> outcome, AppendResult result) {
        return new Done<>(outcome.after, result.streamVersion(), outcome.events, result.token());
    }

    private <S, E> void answer(List<GroupOutcome<S, E>> outcomes, List<AppendResult> results, Loaded<S> loaded) {
        for (GroupOutcome<S, E> outcome : outcomes) {
            metrics.answered(outcome.pending.kind.name(), outcome.pending.type, outcome.refused, outcome.appends());
            if (outcome.refused != null) {
                outcome.pending.fail(outcome.refused);
            } else if (outcome.appends()) {
                outcome.pending.complete(done(outcome, results.get(outcome.append)));
            } else {
                long position = outcome.append < 0 ? loaded.lastPosition() : results.get(outcome.append).lastPosition();
                UUID accountId = loaded.accountId() == null ? outcome.pending.accountId : loaded.accountId();
                ConsistencyToken token = position == 0 ? null : new ConsistencyToken(store.topic(), accountId, position);
                outcome.pending.complete(new Done<>(outcome.after, outcome.version, List.of(), token));
            }
        }
    }

    private static <S, E> Uni<Void> undo(List<GroupOutcome<S, E>> appending) {
        Uni<Void> undone = Uni.createFrom().voidItem();
        for (GroupOutcome<S, E> outcome : appending) {
            undone = undone.chain(() -> outcome.pending.command.undo(outcome.before, outcome.events).onFailure().recoverWithNull());
        }
        return undone;
    }
}
