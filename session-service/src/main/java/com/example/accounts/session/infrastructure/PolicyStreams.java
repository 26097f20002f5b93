package com.example.accounts.session.infrastructure;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which support sessions a security policy admitted anyone to (its invites), written with the invite, so that a
 * policy disabled ends its admissions (INV-6) without reading every stream.
 */
@ApplicationScoped
public class PolicyStreams {

    private final Pool pool;

    public PolicyStreams(Pool pool) {
        this.pool = pool;
    }

    void migrate(@Observes StartupEvent event) {
        pool.query("""
                CREATE TABLE IF NOT EXISTS policy_streams (
                    account_id uuid NOT NULL, policy_id uuid NOT NULL, stream_id text NOT NULL,
                    PRIMARY KEY (account_id, policy_id, stream_id))""").execute().await().indefinitely();
    }

    public Uni<Void> remember(SqlConnection connection, UUID accountId, UUID policyId, String streamId) {
        return connection.preparedQuery("INSERT INTO policy_streams (account_id, policy_id, stream_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(accountId, policyId, streamId)).replaceWithVoid();
    }

    public Uni<List<String>> of(UUID accountId, UUID policyId) {
        return pool.preparedQuery("SELECT stream_id FROM policy_streams WHERE account_id = $1 AND policy_id = $2 ORDER BY stream_id")
                .execute(Tuple.of(accountId, policyId)).map(rows -> {
                    List<String> streams = new ArrayList<>();
                    rows.forEach(row -> streams.add(row.getString(0)));
                    return streams;
                });
    }
}
