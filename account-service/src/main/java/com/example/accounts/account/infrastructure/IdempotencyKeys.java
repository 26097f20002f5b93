package com.example.accounts.account.infrastructure;

import com.example.accounts.account.application.Answer;
import com.example.accounts.account.application.IdempotencyKey;
import com.example.accounts.account.application.IdempotencyKeyReused;
import com.example.accounts.contract.EventJson;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * SEC-3: the first answer to each (caller, Idempotency-Key), stored in the transaction that appended its events,
 * so a retry gets that answer and appends nothing; two concurrent first tries cannot both append.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final Pool pool;

    public IdempotencyKeys(Pool pool) {
        this.pool = pool;
    }

    void migrate(@Observes StartupEvent event) {
        pool.query("""
                CREATE TABLE IF NOT EXISTS idempotency_keys (
                    login_id text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, answer jsonb NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (login_id, key))""").execute().await().indefinitely();
    }

    public Uni<Optional<Answer>> find(IdempotencyKey key) {
        return pool.preparedQuery("SELECT fingerprint, answer FROM idempotency_keys WHERE login_id = $1 AND key = $2")
                .execute(Tuple.of(key.loginId(), key.key()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var row = rows.iterator().next();
                    if (!row.getString("fingerprint").equals(key.requestFingerprint())) {
                        throw new IdempotencyKeyReused(key.key());
                    }
                    try {
                        return Optional.of(EventJson.MAPPER.readValue(row.getJsonObject("answer").encode(), Answer.class));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("stored answer unreadable", e);
                    }
                });
    }

    /** Records the answer; fails with a unique violation when a concurrent request with the key committed first. */
    public Uni<Void> record(SqlConnection connection, IdempotencyKey key, Answer answer) {
        return connection.preparedQuery("INSERT INTO idempotency_keys (login_id, key, fingerprint, answer) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(key.loginId(), key.key(), key.requestFingerprint(), new JsonObject(EventJson.MAPPER.valueToTree(answer).toString())))
                .replaceWithVoid();
    }
}
