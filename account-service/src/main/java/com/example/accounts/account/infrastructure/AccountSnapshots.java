package com.example.accounts.account.infrastructure;

import com.example.accounts.account.domain.Account;
import com.example.accounts.contract.EventJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Snapshots of account states, so that loading a long stream (an account of 10,000 members) reads the snapshot
 * and the events after it instead of the whole stream. Only a cache: the events stay the truth. A snapshot that no
 * longer reads as the current {@link Account} (its shape changed since) is ignored, and the stream is replayed.
 */
@ApplicationScoped
public class AccountSnapshots {

    /** At most this many events are replayed after a snapshot before a new one is taken. */
    public static final int EVERY = 100;

    private static final Logger LOG = Logger.getLogger(AccountSnapshots.class);
    private static final ObjectMapper MAPPER = EventJson.MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private final Pool pool;

    public AccountSnapshots(Pool pool) {
        this.pool = pool;
    }

    void migrate(@Observes StartupEvent event) {
        pool.query("""
                CREATE TABLE IF NOT EXISTS account_snapshots (
                    stream_id text PRIMARY KEY, version bigint NOT NULL, position bigint NOT NULL, state jsonb NOT NULL,
                    taken_at timestamptz NOT NULL DEFAULT now())""").execute().await().indefinitely();
    }

    public record Snapshot(Account account, long position) {
    }

    public Uni<Optional<Snapshot>> find(String streamId) {
        return pool.preparedQuery("SELECT position, state FROM account_snapshots WHERE stream_id = $1").execute(Tuple.of(streamId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var row = rows.iterator().next();
                    try {
                        return Optional.of(new Snapshot(MAPPER.readValue(row.getJsonObject("state").encode(), Account.class), row.getLong("position")));
                    } catch (java.io.IOException e) {
                        LOG.warnf("snapshot of %s does not read as the current account state (%s); replaying its stream", streamId, e.getMessage());
                        return Optional.empty();
                    }
                });
    }

    /** Keeps the newest snapshot of a stream; an older one never overwrites it. */
    public Uni<Void> save(String streamId, Account account, long position) {
        return pool.preparedQuery("""
                        INSERT INTO account_snapshots (stream_id, version, position, state) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, position = excluded.position,
                            state = excluded.state, taken_at = now()
                        WHERE account_snapshots.version < excluded.version""")
                .execute(Tuple.of(streamId, account.version(), position, new JsonObject(MAPPER.valueToTree(account).toString())))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("could not snapshot %s at version %d: %s", streamId, account.version(), failure.getMessage());
                    return null;
                });
    }
}
