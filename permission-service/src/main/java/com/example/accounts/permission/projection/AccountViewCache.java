package com.example.accounts.permission.projection;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.permission.domain.AccountView;
import com.example.accounts.permission.domain.Member;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The accounts' views, cached in memory so that a check reads no database, and always as fresh as the live
 * generation: the transaction that applies an account's events notifies every instance (PostgreSQL NOTIFY), which
 * drops its copy. A load that raced with a notification is not kept, and loads of one account asked for at once
 * are one load. While the notifications cannot be heard (the listening connection is down), nothing is cached and
 * every check reads the database.
 *
 * <p>PRM-4's waits ({@link PositionWaiters}) cost a map entry and a timer each, never a poll: a query waiting for a
 * consistency token is woken by the notification that applies it, and all the waiters an applied change wakes share
 * one load.
 */
@ApplicationScoped
public class AccountViewCache {

    /** An account's view with its members indexed by login. */
    public record Cached(AccountView view, Map<String, UUID> logins) {
        public Optional<Member> memberByLogin(String loginId) {
            return Optional.ofNullable(logins.get(loginId)).flatMap(view::member);
        }
    }

    private static final Logger LOG = Logger.getLogger(AccountViewCache.class);
    /** While the notifications cannot be heard, how often the waiters look again (one load per account waited for). */
    private static final Duration UNHEARD = Duration.ofMillis(100);

    private final Generations generations;
    private final Vertx vertx;
    private final PgConnectOptions connectOptions;
    private final int capacity;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicLong> epochs = new ConcurrentHashMap<>();
    private final Map<UUID, Loading> loading = new ConcurrentHashMap<>();
    /** Per topic, the highest position the live generation has applied, of any account (what outsiders wait on, ACC-6). */
    private final Map<String, AtomicLong> frontier = new ConcurrentHashMap<>();
    private final PositionWaiters waiters = new PositionWaiters();
    private final AtomicLong loads = new AtomicLong();
    private final AtomicLong outsiderReads = new AtomicLong();
    private volatile boolean listening;
    private PgSubscriber subscriber;
    private long timer = -1;

    public AccountViewCache(Generations generations, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password, ProjectionConfig.Cache readModel) {
        this.generations = generations;
        this.vertx = vertx;
        this.connectOptions = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", "")).setUser(username);
        password.ifPresent(connectOptions::setPassword);
        this.capacity = readModel.cachedAccounts();
    }

    void listen(@Observes @Priority(30) StartupEvent event) {
        subscriber = PgSubscriber.subscriber(vertx, connectOptions).reconnectPolicy(attempt -> 500L);
        subscriber.channel(ReadModel.NOTIFY_CHANNEL).handler(this::notified);
        subscriber.closeHandler(() -> {
            listening = false;
            cache.clear();
            LOG.warn("read-model notifications lost; reading every check from the database until they are back");
        });
        subscriber.connect().subscribe().with(ignored -> {
            cache.clear();
            listening = true;
            // what was applied while nobody listened: the frontier from the database, and every waiter looks again
            refreshFrontier();
        }, failure -> LOG.errorf(failure, "cannot listen for read-model notifications"));
        // unheard, the waiters of all accounts look again at once: one load per account waited for, not per waiter
        timer = vertx.setPeriodic(UNHEARD.toMillis(), ignored -> {
            if (!listening && !waiters.isEmpty()) {
                refreshFrontier();
            }
        });
    }

    void close(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (subscriber != null) {
            subscriber.close().subscribe().with(ignored -> {
            }, ignored -> {
            });
        }
    }

    /** Payload {@code <schema>:<accountId>:<topic>:<position>}, or {@code generation} after a takeover. */
    private void notified(String payload) {
        if (payload.equals("generation")) {
            cache.clear();
            // reading which generation is live waits for the database: not on this event loop
            vertx.executeBlocking(Uni.createFrom().item(() -> {
                generations.refresh();
                cache.clear();
                return true;
            })).subscribe().with(ignored -> refreshFrontier(), failure -> LOG.errorf(failure, "cannot read the live generation after a takeover"));
            return;
        }
        String[] parts = payload.split(":");
        if (parts.length < 4 || !parts[0].equals(generations.live().schema())) {
            return;
        }
        UUID account = UUID.fromString(parts[1]);
        String topic = parts[2];
        long position = Long.parseLong(parts[3]);
        // first the view is dropped, then the waiters are told: whoever wakes loads what this notification announced
        epochs.computeIfAbsent(account, a -> new AtomicLong()).incrementAndGet();
        cache.remove(account);
        waiters.wake(topic + "/" + account, position);
        advance(topic, position);
    }

    /** How many loads from the database this instance has made: what PRM-4's waits must not multiply. */
    public long loads() {
        return loads.get();
    }

    /** How many queries wait for a consistency token in this instance now. */
    public int waiting() {
        return waiters.waiting();
    }

    /** Whether this instance holds the account's view in memory now. */
    public boolean holds(UUID accountId) {
        return cache.containsKey(accountId);
    }

    /**
     * ACC-6: the reading a made-up id costs (a load that finds nothing), for an outsider of an account held in
     * memory, whose 404 would otherwise come sooner than a made-up id's.
     */
    public Uni<Void> readAsAMadeUpIdDoes() {
        return Uni.createFrom().deferred(() -> {
            outsiderReads.incrementAndGet();
            return generations.live().reader().load(UUID.randomUUID());
        }).replaceWithVoid();
    }

    /** How many of those reads this instance has made: one per outsider's question, never one per waiter and poll. */
    public long outsiderReads() {
        return outsiderReads.get();
    }

    /** The account's current view, empty when the live generation does not know it. */
    public Uni<Optional<Cached>> get(UUID accountId) {
        Cached cached = cache.get(accountId);
        if (cached != null) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        long epoch = epoch(accountId);
        ReadModel model = generations.live();
        // one load per account and change, however many ask at once (the waiters one notification wakes, say)
        return loading.compute(accountId, (id, current) -> current != null && current.epoch() == epoch && current.model() == model
                ? current
                : new Loading(epoch, model, load(accountId, epoch, model))).view();
    }

    private record Loading(long epoch, ReadModel model, Uni<Optional<Cached>> view) {
    }

    private Uni<Optional<Cached>> load(UUID accountId, long epoch, ReadModel model) {
        boolean wasListening = listening;
        return Uni.createFrom().deferred(() -> {
            loads.incrementAndGet();
            return model.reader().load(accountId);
        })
                .map(found -> found.map(view -> {
                    Cached loaded = new Cached(view, logins(view));
                    if (wasListening && listening && epoch(accountId) == epoch && model == generations.live()) {
                        if (cache.size() >= capacity) {
                            cache.clear();
                        }
                        cache.put(accountId, loaded);
                    }
                    return loaded;
                }))
                .onTermination().invoke(() -> loading.computeIfPresent(accountId, (id, current) -> current.epoch() == epoch && current.model() == model
                        ? null
                        : current))
                .memoize().indefinitely();
    }

    /** REP-1, SUP-5: sessions the view leaves out, because they ended, as the live generation has them. */
    public Uni<Map<UUID, AccountView.Session>> sessions(UUID accountId, Collection<UUID> sessionIds) {
        return generations.live().reader().sessions(accountId, sessionIds);
    }

    /**
     * PRM-4 and ACC-6: the account's view once it includes the token's event, for a caller who is a member. Whether
     * the caller is a member is decided first, on the view as it is. A member waits until the account's view covers
     * the token. Anyone else (a caller outside the account, or asking about an account the model does not know) waits
     * only until the model has applied the token's position on its topic for any account, which depends on the log
     * and not on the account, so it is the same wait for a real account and a made-up one; then membership is decided
     * again, which lets whoever just opened the account, or was just added, read their write. Past {@code maxWait}
     * it fails with {@link NotYetApplied}. The caller answers 404 when the view it gets has no such member.
     */
    public Uni<Optional<Cached>> asOf(UUID accountId, String loginId, ConsistencyToken token, Duration maxWait) {
        return asOf(accountId, loginId, token, System.nanoTime() + maxWait.toNanos());
    }

    private Uni<Optional<Cached>> asOf(UUID accountId, String loginId, ConsistencyToken token, long deadline) {
        // read before the view: a view loaded after it includes every change the frontier announced
        boolean appliedAnywhere = applied(token.topic()) >= token.position();
        long epoch = epoch(accountId);
        return get(accountId).chain(found -> {
            boolean member = found.flatMap(cached -> cached.memberByLogin(loginId)).isPresent();
            if (member && found.get().view().covers(token.topic(), token.position())) {
                return Uni.createFrom().item(found);
            }
            if (!member && appliedAnywhere) {
                return Uni.createFrom().item(found);
            }
            Uni<Void> change = member
                    ? waiters.until(token.topic() + "/" + accountId, token.position(), () -> epoch(accountId) != epoch, deadline)
                    : waiters.until(token.topic(), token.position(), () -> applied(token.topic()) >= token.position(), deadline);
            return change.chain(() -> asOf(accountId, loginId, token, deadline));
        });
    }

    private long applied(String topic) {
        AtomicLong position = frontier.get(topic);
        return position == null ? 0 : position.get();
    }

    private void advance(String topic, long position) {
        long now = frontier.computeIfAbsent(topic, t -> new AtomicLong()).accumulateAndGet(position, Math::max);
        waiters.wake(topic, now);
    }

    /** The frontier as the live generation has it (after a takeover, a reconnect, or while nothing is heard), then every waiter looks again. */
    private void refreshFrontier() {
        generations.live().inspection().frontier().subscribe().with(positions -> {
            positions.forEach(this::advance);
            waiters.wakeAll();
        }, failure -> LOG.warnf("cannot read the read model's applied positions: %s", failure.getMessage()));
    }

    private long epoch(UUID accountId) {
        AtomicLong epoch = epochs.get(accountId);
        return epoch == null ? 0 : epoch.get();
    }

    /** USR-13: each login to the membership it acts as (AccountView.memberByLogin): its earliest, never by map order. */
    private static Map<String, UUID> logins(AccountView view) {
        Map<String, UUID> logins = new HashMap<>();
        view.members().values().stream().sorted(Member.ADDED_FIRST).forEach(m -> logins.putIfAbsent(m.loginId(), m.memberId()));
        return logins;
    }

    /** The read model had not applied the token's event within the bound. */
    public static final class NotYetApplied extends RuntimeException {
        NotYetApplied() {
            super(null, null, false, false);
        }
    }
}
