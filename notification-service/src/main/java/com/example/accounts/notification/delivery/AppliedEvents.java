package com.example.accounts.notification.delivery;

import com.example.accounts.contract.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which event each (stream, version) read here was (EVT-1: a stream's versions are unique). The same event again
 * (the relay publishes at least once, EVT-3) changes nothing; another event at a version already read means the
 * store lost the one read here, or this one is not the store's: it is a dead letter, and its account is flagged
 * in {@code diverged_events} for the operators, never skipped in silence.
 */
@ApplicationScoped
public class AppliedEvents {

    /** An event that came at a (stream, version) read here with another event. */
    public record Diverged(String topic, int partition, long offset, UUID accountId, String reason, OffsetDateTime recordedAt) {
    }

    private final Pool pool;

    public AppliedEvents(Pool pool) {
        this.pool = pool;
    }

    /**
     * True when the event's (stream, version) is read here for the first time (and records it), false for the same
     * event again; fails with {@link Unprocessable} naming both events when another one held the version.
     */
    Uni<Boolean> first(SqlClient c, EventEnvelope event) {
        return c.preparedQuery("SELECT event_id FROM applied_events WHERE stream_id = $1 AND version = $2")
                .execute(Tuple.of(event.streamId(), event.version()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return c.preparedQuery("INSERT INTO applied_events (stream_id, version, event_id) VALUES ($1, $2, $3)")
                                .execute(Tuple.of(event.streamId(), event.version(), event.eventId())).replaceWith(true);
                    }
                    UUID held = rows.iterator().next().getUUID(0);
                    if (held.equals(event.eventId())) {
                        return Uni.createFrom().item(false);
                    }
                    throw new Unprocessable("diverged: stream " + event.streamId() + " version " + event.version() + " held event " + held
                            + ", got " + event.eventId(), event.accountId());
                });
    }

    /** Flags the account of a divergent record, with the dead letter's reason. */
    Uni<Void> flag(SqlClient c, ConsumerRecord<?, ?> record, UUID accountId, String reason) {
        return c.preparedQuery("""
                INSERT INTO diverged_events (topic, partition, record_offset, account_id, reason) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(record.topic(), record.partition(), record.offset(), accountId, reason)).replaceWithVoid();
    }

    /** The divergent events, newest first, at most {@code limit}. */
    public Uni<List<Diverged>> diverged(int limit) {
        return pool.preparedQuery("""
                SELECT topic, partition, record_offset, account_id, reason, recorded_at FROM diverged_events
                ORDER BY recorded_at DESC LIMIT $1""").execute(Tuple.of(limit))
                .map(rows -> {
                    List<Diverged> diverged = new ArrayList<>();
                    rows.forEach(row -> diverged.add(new Diverged(row.getString(0), row.getInteger(1), row.getLong(2), row.getUUID(3),
                            row.getString(4), row.getOffsetDateTime(5))));
                    return diverged;
                });
    }
}
