package com.example.accounts.session.infrastructure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which streams of an account something has a part in, written in the transaction of the events that gave it the
 * part, so that what happens to it later (a member deleted, a policy disabled) reaches each of its streams without
 * reading every stream. One table per kind of part: {@code <table> (account_id, <key>, stream_id)}, created by the
 * service's Flyway migration. Its beans are
 * {@code @Singleton}: a client proxy would need a constructor without arguments here.
 */
abstract class StreamIndex {

    protected final Pool pool;
    private final String table;
    private final String key;

    StreamIndex(Pool pool, String table, String key) {
        this.pool = pool;
        this.table = table;
        this.key = key;
    }

    public Uni<Void> remember(SqlConnection connection, UUID accountId, UUID partId, String streamId) {
        return connection.preparedQuery("INSERT INTO " + table + " (account_id, " + key + ", stream_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(accountId, partId, streamId)).replaceWithVoid();
    }

    public Uni<List<String>> of(UUID accountId, UUID partId) {
        return pool.preparedQuery("SELECT stream_id FROM " + table + " WHERE account_id = $1 AND " + key + " = $2 ORDER BY stream_id")
                .execute(Tuple.of(accountId, partId)).map(rows -> {
                    List<String> streams = new ArrayList<>();
                    rows.forEach(row -> streams.add(row.getString(0)));
                    return streams;
                });
    }
}
