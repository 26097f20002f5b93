package com.example.accounts.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@link OutboxRelay#status()}: how far behind a relay's publication is and why, read from the store, so a standby
 * instance tells the same as the leader.
 */
final class RelayStatusQuery {

    /**
     * The status's one read of the events: the first {@link RelayStatus#COUNTED} past the checkpoint in the relay's
     * order, so a range of the index {@code events_relay_order}, never the backlog however long (readiness and the
     * gauges read it every few seconds). Ordered as the index is: without the order the planner reads the table
     * whole once most of it is unpublished.
     */
    static final String STATUS = """
            SELECT count(*) AS unpublished, count(*) FILTER (WHERE tx_id >= $3::text::xid8) AS held_back,
                   coalesce(extract(epoch FROM clock_timestamp() - min(stored_at)), 0)::float8 AS oldest_seconds
            FROM (SELECT tx_id, stored_at FROM events WHERE (tx_id, position) > ($1::text::xid8, $2)
                  ORDER BY tx_id, position LIMIT $4) AS pending""";

    private RelayStatusQuery() {
    }

    /**
     * The committed events past the relay's checkpoint, how long the oldest has been stored, the open transaction that
     * holds the relay back when one does; {@code leading} and {@code lastFailure} are the asking instance's own, as they
     * are when the count comes back.
     */
    static Uni<RelayStatus> read(Pool pool, String relay, String topic, BooleanSupplier leading, Supplier<String> lastFailure) {
        return pool.withConnection(connection -> PublicationHorizon.inOneSnapshot(connection, c -> PublicationHorizon.read(c)
                .chain(horizon -> RelayCheckpoint.of(c, relay).chain(checkpoint -> c.preparedQuery(STATUS)
                        .execute(Tuple.of(checkpoint.txId(), checkpoint.position(), Long.toString(horizon.below()), RelayStatus.COUNTED))
                        .chain(rows -> {
                            Row row = rows.iterator().next();
                            long unpublished = row.getLong("unpublished");
                            Duration oldest = Duration.ofMillis(Math.round(row.getDouble("oldest_seconds") * 1000));
                            Uni<String> heldBackBy = row.getLong("held_back") > 0 && horizon.blocker() != null
                                    ? describe(c, horizon.blocker())
                                    : Uni.createFrom().nullItem();
                            return heldBackBy.map(by -> new RelayStatus(topic, leading.getAsBoolean(), unpublished, oldest, by, lastFailure.get()));
                        })))))
                .ifNoItem().after(Duration.ofSeconds(5)).fail();
    }

    private static Uni<String> describe(SqlConnection connection, PublicationHorizon.Blocker blocker) {
        if (blocker.pid() == null) {
            return Uni.createFrom().item("transaction " + blocker.xid() + ", ending");
        }
        return connection.preparedQuery("""
                SELECT datname, state, coalesce(extract(epoch FROM clock_timestamp() - xact_start), 0)::float8 AS open_seconds
                FROM pg_stat_activity WHERE pid = $1""")
                .execute(Tuple.of(blocker.pid()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return "transaction " + blocker.xid() + ", ending";
                    }
                    Row row = rows.iterator().next();
                    return "transaction " + blocker.xid() + " open " + Math.round(row.getDouble("open_seconds")) + " s in database "
                            + row.getString("datname") + " (" + row.getString("state") + ", pid " + blocker.pid() + ")";
                });
    }
}
