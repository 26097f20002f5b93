package com.example.accounts.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * How far a relay has published, in its order of (writing transaction id, position) (EVT-3): every event at or before
 * it is in Kafka. Kept in {@code relay_checkpoints}, one row per relay; a relay that never published is at ("0", 0).
 */
record RelayCheckpoint(String txId, long position) {

    /** Just after the last event of a batch the relay read (its {@code tx_text} and {@code position}). */
    static RelayCheckpoint after(Row last) {
        return new RelayCheckpoint(last.getString("tx_text"), last.getLong("position"));
    }

    static Uni<RelayCheckpoint> of(SqlConnection connection, String relay) {
        return connection.preparedQuery("SELECT tx_id::text AS tx_id, position FROM relay_checkpoints WHERE relay = $1")
                .execute(Tuple.of(relay))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return new RelayCheckpoint("0", 0);
                    }
                    Row row = rows.iterator().next();
                    return new RelayCheckpoint(row.getString("tx_id"), row.getLong("position"));
                });
    }

    Uni<?> saveFor(SqlConnection connection, String relay) {
        return connection.preparedQuery("""
                INSERT INTO relay_checkpoints (relay, tx_id, position) VALUES ($1, $2::text::xid8, $3)
                ON CONFLICT (relay) DO UPDATE SET tx_id = excluded.tx_id, position = excluded.position""")
                .execute(Tuple.of(relay, txId, position));
    }
}
