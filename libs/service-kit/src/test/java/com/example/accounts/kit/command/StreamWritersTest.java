package com.example.accounts.kit.command;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.eventstore.AppendResult;
import com.example.accounts.eventstore.ConcurrencyConflict;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.rules.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EVT-1: the writer of a stream queues its commands and appends the ones that waited together, each decided on the
 * state the ones before it left, each answered with its own result. The store here is a list per stream, so that a
 * test can hold a commit in flight and see what waited for it.
 */
class StreamWritersTest {

    /** A counter: each event adds its amount; a state of {@code Integer}. */
    record Added(int amount) {
    }

    static final StreamKind<Integer, Added> COUNTER = new StreamKind<>("counter", null, 0, (sum, added) -> sum + added.amount(), "none", "none");
    static final UUID ACCOUNT = UUID.randomUUID();
    static final EventMetadata METADATA = new EventMetadata("test", "c", "c", Instant.EPOCH);
    static final Duration WAIT = Duration.ofSeconds(5);

    /** Streams as lists of amounts; each commit is recorded with how many commands it appended. */
    static final class Lists implements StreamStore {
        final java.util.Map<String, List<Integer>> streams = new java.util.concurrent.ConcurrentHashMap<>();
        final List<Integer> commits = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger loads = new AtomicInteger();
        volatile CompletableFuture<Void> hold = CompletableFuture.completedFuture(null);
        /** appended by "another instance" after the next load, once */
        volatile int elsewhere;
        volatile RuntimeException failGroupsLargerThanOne;

        @Override
        @SuppressWarnings("unchecked")
        public <S, E> Uni<Loaded<S>> load(StreamKind<S, E> kind, String stream, Loaded<S> cached) {
            if (cached == null) {
                loads.incrementAndGet();
            }
            List<Integer> events = streams.computeIfAbsent(stream, s -> new ArrayList<>());
            synchronized (events) {
                int sum = events.stream().mapToInt(Integer::intValue).sum();
                Loaded<S> loaded = (Loaded<S>) new Loaded<>(sum, events.size(), ACCOUNT, events.size());
                if (elsewhere > 0) {
                    events.add(elsewhere);
                    elsewhere = 0;
                }
                return Uni.createFrom().item(loaded);
            }
        }

        @Override
        public <S, E> Uni<List<AppendResult>> commit(StreamKind<S, E> kind, String stream, List<Append<E>> appends,
                BiFunction<SqlConnection, List<AppendResult>, Uni<Void>> alongside) {
            return Uni.createFrom().completionStage(hold).chain(() -> {
                if (failGroupsLargerThanOne != null && appends.size() > 1) {
                    return Uni.createFrom().failure(failGroupsLargerThanOne);
                }
                List<Integer> events = streams.computeIfAbsent(stream, s -> new ArrayList<>());
                List<AppendResult> results = new ArrayList<>();
                synchronized (events) {
                    for (Append<E> append : appends) {
                        if (append.expectedVersion() != events.size()) {
                            return Uni.createFrom().failure(new ConcurrencyConflict(stream, append.expectedVersion()));
                        }
                        for (E event : append.events()) {
                            events.add(((Added) event).amount());
                        }
                        results.add(new AppendResult("account-events", ACCOUNT, events.size(), events.size()));
                    }
                    commits.add(appends.size());
                }
                return alongside.apply(null, results).replaceWith(results);
            });
        }

        @Override
        public String topic() {
            return "account-events";
        }
    }

    static Command<Integer, Added> add(int amount) {
        return Command.deciding(loaded -> List.of(new Added(amount)), METADATA);
    }

    static Uni<Done<Integer, Added>> submit(StreamWriters writers, String stream, Command<Integer, Added> command) {
        return writers.submit(COUNTER, stream, ACCOUNT, command, connection -> Uni.createFrom().voidItem());
    }

    @Test
    void EVT1_commandsThatWaitedForAnAppendAreAppendedTogetherEachWithItsOwnVersion() {
        Lists store = new Lists();
        StreamWriters writers = new StreamWriters(store, 100, 64, 100);
        store.hold = new CompletableFuture<>();
        List<CompletableFuture<Done<Integer, Added>>> answers = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            answers.add(submit(writers, "s", add(i)).subscribeAsCompletionStage());
        }
        store.hold.complete(null);
        List<Long> versions = answers.stream().map(CompletableFuture::join).map(Done::version).sorted().toList();

        assertEquals(List.of(1, 15), store.commits, "the first command alone, the fifteen that waited for it in one transaction");
        assertEquals(java.util.stream.LongStream.rangeClosed(1, 16).boxed().toList(), versions, "one version each, dense");
        assertEquals(136, answers.get(15).join().state(), "each decided on the state the ones before it left");
        assertEquals(1, store.loads.get(), "the stream is read whole once, then kept");
    }

    @Test
    void EVT1_inAGroupEachCommandHasItsOwnRefusalAndItsOwnIfMatch() {
        Lists store = new Lists();
        StreamWriters writers = new StreamWriters(store, 100, 64, 100);
        submit(writers, "s", add(1)).await().atMost(WAIT);
        store.hold = new CompletableFuture<>();
        var first = submit(writers, "s", add(1)).subscribeAsCompletionStage();
        var matching = submit(writers, "s", add(10).ifMatch(2L)).subscribeAsCompletionStage();
        var stale = submit(writers, "s", add(100).ifMatch(2L)).subscribeAsCompletionStage();
        var refused = submit(writers, "s", Command.<Integer, Added>deciding(loaded -> {
            throw Refusal.conflict(RuleId.EVT_1, "no");
        }, METADATA)).subscribeAsCompletionStage();
        var nothing = submit(writers, "s", Command.deciding(loaded -> List.of(), METADATA)).subscribeAsCompletionStage();
        store.hold.complete(null);

        assertEquals(2, first.join().version());
        assertEquals(3, matching.join().version(), "decided at version 2, which it named");
        assertInstanceOf(PreconditionFailed.class, cause(stale), "the stream is at 3 when it is decided");
        assertInstanceOf(Refusal.class, cause(refused));
        assertEquals(3, nothing.join().version());
        assertEquals(3, nothing.join().token().position(), "a command that appends nothing waits for the appends before it");
        assertEquals(List.of(1, 1, 1), store.commits);
        assertEquals(12, store.streams.get("s").stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void EVT1_anAppendOfAnotherInstanceIsReadAndTheGroupDecidedAgain() {
        Lists store = new Lists();
        StreamWriters writers = new StreamWriters(store, 100, 64, 100);
        submit(writers, "s", add(1)).await().atMost(WAIT);
        store.elsewhere = 1000;
        Done<Integer, Added> done = submit(writers, "s", add(1).ifMatch(null)).await().atMost(WAIT);

        assertEquals(3, done.version(), "after the other instance's event");
        assertEquals(1002, done.state());
    }

    @Test
    void EVT1_aGroupWhoseTransactionFailsRunsEachCommandAloneSoEachGetsItsOwnAnswer() {
        Lists store = new Lists();
        StreamWriters writers = new StreamWriters(store, 100, 64, 100);
        store.failGroupsLargerThanOne = new IllegalStateException("a key a racing request holds");
        store.hold = new CompletableFuture<>();
        var answers = new ArrayList<CompletableFuture<Done<Integer, Added>>>();
        for (int i = 0; i < 4; i++) {
            answers.add(submit(writers, "s", add(1)).subscribeAsCompletionStage());
        }
        store.hold.complete(null);
        answers.forEach(CompletableFuture::join);

        assertEquals(List.of(1, 1, 1, 1), store.commits);
    }

    @Test
    void EVT1_aFullQueueAnswers503NamingTheStream() {
        Lists store = new Lists();
        StreamWriters writers = new StreamWriters(store, 2, 64, 100);
        store.hold = new CompletableFuture<>();
        var inFlight = submit(writers, "s", add(1)).subscribeAsCompletionStage();
        var waiting = List.of(submit(writers, "s", add(1)).subscribeAsCompletionStage(), submit(writers, "s", add(1)).subscribeAsCompletionStage());
        ProblemException full = assertInstanceOf(ProblemException.class, cause(submit(writers, "s", add(1)).subscribeAsCompletionStage()));
        store.hold.complete(null);

        assertEquals(503, full.problem().status());
        assertTrue(full.problem().detail().contains("stream s"), full.problem().detail());
        inFlight.join();
        waiting.forEach(CompletableFuture::join);
    }

    @Test
    void EVT1_idleStreamsBeyondTheBoundAreDropped() {
        StreamWriters writers = new StreamWriters(new Lists(), 100, 64, 3);
        for (int i = 0; i < 10; i++) {
            submit(writers, "s" + i, add(1)).await().atMost(WAIT);
        }
        assertEquals(3, writers.streams());
    }

    /** A command with a type of its own: asked, then decided (a negative amount is refused by rule SEC-2, 0 changes nothing). */
    record Bump(int amount) {
    }

    static Command<Integer, Added> bump(int amount) {
        return Command.<Integer, Added, Bump>asked(state -> new Bump(amount), (bump, state) -> {
            if (bump.amount() < 0) {
                throw Refusal.invalid(RuleId.SEC_2, "amount", "must not be negative");
            }
            return bump.amount() == 0 ? List.of() : List.of(new Added(bump.amount()));
        }, METADATA);
    }

    @Test
    void everyCommandIsCountedOnceByItsTypeItsOutcomeAndTheRuleThatRefusedIt() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Lists store = new Lists();
        StreamWriters writers = new StreamWriters(store, 1, 64, 100, new CommandMetrics(meters));
        submit(writers, "s", bump(1)).await().atMost(WAIT);
        assertInstanceOf(Refusal.class, cause(submit(writers, "s", bump(-1)).subscribeAsCompletionStage()));
        submit(writers, "s", bump(0)).await().atMost(WAIT);
        assertInstanceOf(PreconditionFailed.class, cause(submit(writers, "s", bump(1).ifMatch(7L)).subscribeAsCompletionStage()));
        store.elsewhere = 1000;
        submit(writers, "s", add(1)).await().atMost(WAIT);
        store.hold = new CompletableFuture<>();
        var inFlight = submit(writers, "s", add(1)).subscribeAsCompletionStage();
        var waiting = submit(writers, "s", add(1)).subscribeAsCompletionStage();
        assertInstanceOf(ProblemException.class, cause(submit(writers, "s", add(1)).subscribeAsCompletionStage()), "the queue of one is full");
        store.hold.complete(null);
        inFlight.join();
        waiting.join();

        assertEquals(1, commands(meters, "Bump", "appended", "none"));
        assertEquals(1, commands(meters, "Bump", "refused", "SEC-2"));
        assertEquals(1, commands(meters, "Bump", "unchanged", "none"));
        assertEquals(1, commands(meters, "Bump", "precondition_failed", "none"));
        assertEquals(3, commands(meters, CommandMetrics.UNNAMED, "appended", "none"), "a command decided without a record has no type");
        assertEquals(1, commands(meters, CommandMetrics.UNNAMED, "overloaded", "none"));
        assertEquals(8, meters.get(CommandMetrics.COMMANDS).counters().stream().mapToDouble(Counter::count).sum(), "each command once");
        assertEquals(1, meters.get(CommandMetrics.CONFLICTS).tag("stream", "counter").counter().count(), "another instance's append, decided again");
        assertEquals(4, meters.get(CommandMetrics.APPEND).tag("stream", "counter").timer().count(), "one timing per committed transaction");
        assertEquals(4, meters.get(CommandMetrics.GROUP).tag("stream", "counter").summary().totalAmount(), "each appended one command");
    }

    private static double commands(SimpleMeterRegistry meters, String command, String outcome, String rule) {
        return meters.get(CommandMetrics.COMMANDS)
                .tags("stream", "counter", "command", command, "outcome", outcome, "rule", rule).counter().count();
    }

    private static Throwable cause(CompletableFuture<?> answer) {
        try {
            answer.join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("answered, not refused");
    }
}
