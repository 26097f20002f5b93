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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The accounts' views, cached in memory so that a check reads no database, and always as fresh as the live
 * generation: the transaction that applies an account's events notifies every instance (PostgreSQL NOTIFY), which
 * drops its copy. A load that raced with a notification is not kept. While the notifications cannot be heard
 * (the listening connection is down), nothing is cached and every check reads the database.
 */
@ApplicationScoped
public class AccountViews {

    /** An account's view with its members indexed by login. */
    public record Cached(AccountView view, Map<String, UUID> logins) {
        public Optional<Member> memberByLogin(String loginId) {
            return Optional.ofNullable(logins.get(loginId)).flatMap(view::member);
        }
    }

    private static final Logger LOG = Logger.getLogger(AccountViews.class);

    private final Generations generations;
    private final Vertx vertx;
    private final PgConnectOptions connectOptions;
    private final int capacity;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicLong> epochs = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private PgSubscriber subscriber;

    public AccountViews(Generations generations, Vertx vertx,
                        @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                        @ConfigProperty(name = "quarkus.datasource.username") String username,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                        @ConfigProperty(name = "platform.read-model.cached-accounts", defaultValue = "20000") int capacity) {
        this.generations = generations;
        this.vertx = vertx;
        this.connectOptions = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", "")).setUser(username);
        password.ifPresent(connectOptions::setPassword);
        this.capacity = capacity;
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
        }, failure -> LOG.errorf(failure, "cannot listen for read-model notifications"));
    }

    void close(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close().subscribe().with(ignored -> { }, ignored -> { });
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
            })).subscribe().with(ignored -> { }, failure -> LOG.errorf(failure, "cannot read the live generation after a takeover"));
            return;
        }
        String[] parts = payload.split(":");
        if (parts.length < 2 || !parts[0].equals(generations.live().schema())) {
            return;
        }
        UUID account = UUID.fromString(parts[1]);
        epochs.computeIfAbsent(account, a -> new AtomicLong()).incrementAndGet();
        cache.remove(account);
    }

    /** The account's current view, empty when the live generation does not know it. */
    public Uni<Optional<Cached>> get(UUID accountId) {
        Cached cached = cache.get(accountId);
        if (cached != null) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        long epoch = epoch(accountId);
        boolean wasListening = listening;
        ReadModel model = generations.live();
        return model.load(accountId).map(found -> found.map(view -> {
            Cached loaded = new Cached(view, logins(view));
            if (wasListening && listening && epoch(accountId) == epoch && model == generations.live()) {
                if (cache.size() >= capacity) {
                    cache.clear();
                }
                cache.put(accountId, loaded);
            }
            return loaded;
        }));
    }

    /**
     * PRM-4: the account's view once it includes the event the token names; reloads, backing off, until then, and
     * past {@code maxWait} fails with {@link NotYetApplied}.
     */
    public Uni<Optional<Cached>> covering(UUID accountId, ConsistencyToken token, Duration maxWait) {
        if (!token.accountId().equals(accountId)) {
            return get(accountId);
        }
        // deferred: each retry looks again (the cache, then the database), never at the first answer
        return Uni.createFrom().deferred(() -> get(accountId))
                .invoke(found -> {
                    if (found.isEmpty() || !found.get().view().covers(token.topic(), token.position())) {
                        cache.remove(accountId);
                        throw new NotYetApplied();
                    }
                })
                .onFailure(NotYetApplied.class).retry().withBackOff(Duration.ofMillis(5), Duration.ofMillis(50)).expireIn(maxWait.toMillis())
                .onFailure(failure -> failure.getCause() instanceof NotYetApplied).transform(failure -> new NotYetApplied());
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
