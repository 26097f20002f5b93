package com.example.accounts.account.infrastructure;

import com.example.accounts.account.domain.Account;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Upcasters;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Snapshots of account states, so that loading a long stream (an account of 10,000 members) reads the snapshot
 * and the events after it instead of the whole stream. Only a cache: the events stay the truth.
 *
 * <p>A snapshot is a fold, so it is kept with what folded it: its {@link #FOLD} fingerprint names the catalog's
 * versions, the upcasters, {@link #FOLD_REVISION} and the code of {@link Account} (whose {@code evolve} folds). A
 * snapshot of another fingerprint is never served: the stream is folded again from its events, and the new snapshot
 * replaces it. So a new upcaster, a raised schema version or a changed {@code evolve} never serves an old fold. A
 * snapshot that no longer reads as the current {@link Account} (its shape changed since) is ignored too.
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
    public static final String FOLD = foldFingerprint();

    private static final Logger LOG = Logger.getLogger(AccountSnapshots.class);
    private static final ObjectMapper MAPPER = EventJson.MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private final Pool pool;
    private final String fold;

    @Inject
    public AccountSnapshots(Pool pool) {
        this(pool, FOLD);
    }

    /** Snapshots written and served under {@code fold}: another build's, in a test. */
    public AccountSnapshots(Pool pool, String fold) {
        this.pool = pool;
        this.fold = fold;
    }

    void migrate(@Observes StartupEvent event) {
        // snapshots taken before folds were recorded have fold '' and are folded again
        pool.query("""
                CREATE TABLE IF NOT EXISTS account_snapshots (
                    stream_id text PRIMARY KEY, version bigint NOT NULL, position bigint NOT NULL, state jsonb NOT NULL,
                    taken_at timestamptz NOT NULL DEFAULT now());
                ALTER TABLE account_snapshots ADD COLUMN IF NOT EXISTS fold text NOT NULL DEFAULT ''""").execute().await().indefinitely();
    }

    public record Snapshot(Account account, long position) {
    }

    public Uni<Optional<Snapshot>> find(String streamId) {
        return pool.preparedQuery("SELECT position, state, fold FROM account_snapshots WHERE stream_id = $1").execute(Tuple.of(streamId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var row = rows.iterator().next();
                    if (!fold.equals(row.getString("fold"))) {
                        LOG.infof("snapshot of %s was folded by another build; folding its stream again", streamId);
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(new Snapshot(MAPPER.readValue(row.getJsonObject("state").encode(), Account.class), row.getLong("position")));
                    } catch (java.io.IOException e) {
                        LOG.warnf("snapshot of %s does not read as the current account state (%s); replaying its stream", streamId, e.getMessage());
                        return Optional.empty();
                    }
                });
    }

    /** Keeps the newest snapshot of a stream; an older one of the same fold never overwrites it, one of another fold always goes. */
    public Uni<Void> save(String streamId, Account account, long position) {
        return pool.preparedQuery("""
                        INSERT INTO account_snapshots (stream_id, version, position, state, fold) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, position = excluded.position,
                            state = excluded.state, fold = excluded.fold, taken_at = now()
                        WHERE account_snapshots.version < excluded.version OR account_snapshots.fold <> excluded.fold""")
                .execute(Tuple.of(streamId, account.version(), position, new JsonObject(MAPPER.valueToTree(account).toString()), fold))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("could not snapshot %s at version %d: %s", streamId, account.version(), failure.getMessage());
                    return null;
                });
    }

    /** SHA-256 of the catalog's versions with the upcasters, {@link #FOLD_REVISION}, and the class files of {@link Account}'s nest. */
    private static String foldFingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Upcasters.INSTANCE.fingerprint().getBytes(StandardCharsets.UTF_8));
            digest.update(("fold revision " + FOLD_REVISION + "\n").getBytes(StandardCharsets.UTF_8));
            Class<?>[] nest = Account.class.getNestMembers();
            Arrays.sort(nest, Comparator.comparing(Class::getName));
            for (Class<?> type : nest) {
                String file = type.getName().replace('.', '/') + ".class";
                try (InputStream code = Account.class.getClassLoader().getResourceAsStream(file)) {
                    if (code == null) {
                        throw new IllegalStateException("no class file " + file + " to fingerprint the fold with");
                    }
                    digest.update(type.getName().getBytes(StandardCharsets.UTF_8));
                    digest.update(code.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the account fold", e);
        }
    }
}
