package com.example.accounts.account.infrastructure;

import com.example.accounts.account.domain.Account;
import com.example.accounts.eventstore.Snapshots;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Snapshots of account states, so that loading a long stream (an account of 10,000 members) reads the snapshot
 * and the events after it instead of the whole stream: the event store's {@link Snapshots}, under the fingerprint
 * of {@link Account}'s fold ({@link #FOLD}: the catalog's versions, the upcasters, {@link #FOLD_REVISION} and the
 * code of {@link Account}, whose {@code evolve} folds). A snapshot of another fold is never served.
 */
@ApplicationScoped
public class AccountSnapshots {

    /** At most this many events are replayed after a snapshot before a new one is taken. */
    public static final int EVERY = 100;

    /**
     * Raise when the fold changes outside {@link Account}'s own code (a helper of {@code evolve} elsewhere): every
     * snapshot is then folded again. A change to {@code Account} itself needs nothing, its code is in {@link #FOLD}.
     */
    static final int FOLD_REVISION = 1;

    /** The fingerprint of this build's fold (see the class comment). */
    public static final String FOLD = Snapshots.fingerprint(FOLD_REVISION, Account.class);

    private final Snapshots<Account> snapshots;

    @Inject
    public AccountSnapshots(Pool pool) {
        this(pool, FOLD);
    }

    /** Snapshots written and served under {@code fold}: another build's, in a test. */
    public AccountSnapshots(Pool pool, String fold) {
        this.snapshots = new Snapshots<>(pool, "account_snapshots", Account.class, fold);
    }

    void migrate(@Observes StartupEvent event) {
        snapshots.migrate().await().indefinitely();
    }

    public record Snapshot(Account account, long position) {
    }

    public Uni<Optional<Snapshot>> find(String streamId) {
        return snapshots.find(streamId).map(found -> found.map(s -> new Snapshot(s.state(), s.position())));
    }

    /** Keeps the newest snapshot of a stream; an older one of the same fold never overwrites it, one of another fold always goes. */
    public Uni<Void> save(String streamId, Account account, long position) {
        return snapshots.save(streamId, new Snapshots.Snapshot<>(account, account.version(), position, null));
    }
}
