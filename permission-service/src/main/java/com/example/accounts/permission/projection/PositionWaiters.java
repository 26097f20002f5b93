package com.example.accounts.permission.projection;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * PRM-4's waits: who waits for which position, under key {@code <topic>} for a position of the topic or
 * {@code <topic>/<accountId>} for one of the account. Each costs a map entry and a timer, never a poll: the
 * notification that applies the position wakes it.
 */
final class PositionWaiters {

    private final Map<String, ConcurrentSkipListSet<Waiter>> waiters = new ConcurrentHashMap<>();
    private final AtomicLong waiterSequence = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();

    /** How many wait now. */
    int waiting() {
        return waiting.get();
    }

    boolean isEmpty() {
        return waiters.isEmpty();
    }

    private record Waiter(long position, long sequence, UniEmitter<? super Void> emitter) {
        static final Comparator<Waiter> ORDER = Comparator.comparingLong(Waiter::position).thenComparingLong(Waiter::sequence);
    }

    /**
     * Completes once a notification under {@code key} reaches {@code position}, or {@code already} holds, or every
     * waiter is told to look again ({@link #wakeAll}); fails with {@link AccountViewCache.NotYetApplied} past the deadline.
     */
    Uni<Void> until(String key, long position, BooleanSupplier already, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return Uni.createFrom().failure(new AccountViewCache.NotYetApplied());
        }
        Uni<Void> woken = Uni.createFrom().emitter(emitter -> {
            Waiter waiter = new Waiter(position, waiterSequence.incrementAndGet(), emitter);
            waiting.incrementAndGet();
            emitter.onTermination(() -> {
                waiting.decrementAndGet();
                waiters.computeIfPresent(key, (k, queue) -> {
                    queue.remove(waiter);
                    return queue.isEmpty() ? null : queue;
                });
            });
            waiters.compute(key, (k, queue) -> {
                ConcurrentSkipListSet<Waiter> q = queue == null ? new ConcurrentSkipListSet<>(Waiter.ORDER) : queue;
                q.add(waiter);
                return q;
            });
            // a notification between the caller's look and this registration would otherwise be missed
            if (already.getAsBoolean()) {
                emitter.complete(null);
            }
        });
        return woken.ifNoItem().after(Duration.ofNanos(left)).failWith(AccountViewCache.NotYetApplied::new);
    }

    /** Wakes who waits under {@code key} for a position up to {@code position}; the others stay, in order. */
    void wake(String key, long position) {
        ConcurrentSkipListSet<Waiter> queue = waiters.get(key);
        if (queue == null) {
            return;
        }
        for (Waiter waiter : queue.headSet(new Waiter(position, Long.MAX_VALUE, null), true)) {
            if (queue.remove(waiter)) {
                waiter.emitter().complete(null);
            }
        }
    }

    /** Every waiter looks again (after a takeover, a reconnect, or while nothing is heard). */
    void wakeAll() {
        waiters.forEach((key, queue) -> wake(key, Long.MAX_VALUE));
    }
}
