package com.example.accounts.eventstore;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.EventSchemas;
import com.example.accounts.contract.MalformedEventException;
import com.example.accounts.contract.Upcasters;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event store (EVT-1): one PostgreSQL table, primary key (stream id, version), a global position, and the id
 * of the transaction that wrote each row, which lets the relay publish without skipping late commits (EVT-3).
 * Events are appended, never changed. Appending with an expected version is the optimistic concurrency check:
 * of two commands decided on the same version, one appends and the other gets a {@link ConcurrencyConflict}.
 *
 * <p>Every append keeps two promises the relay and the consistency tokens build on:
 * <ol>
 * <li><b>An append is the first write of its transaction</b> (or follows only appends of it to the same account:
 * a group commit), and before it writes, the transaction takes this store's transaction-scoped advisory lock for the
 * account ({@link #WRITER_LOCK}, the account id's hash), which it holds until it has committed or rolled back. So a
 * transaction that writes events held a writer lock from before it had a transaction id until after it ended: a
 * transaction that already wrote anything else (it has an id not given by an append here to this account) is
 * refused with an {@link IllegalStateException}. The relay reads this from {@code pg_locks} to tell the
 * transactions that can still write events from every other open transaction of the cluster (EVT-3, see
 * {@link OutboxRelay}).</li>
 * <li><b>Within an account, transaction id order is position order</b> (PRM-4). The relay publishes in (transaction
 * id, position) order, and a consistency token (topic, account, position) is answered once the account's events up to
 * that position are applied; so a token is only good if no event of the account with a lower position can be
 * published after one with a higher. Without the lock, two transactions of one account (two streams of it) interleave:
 * T1 draws position 10, T2 draws 11 and gets its transaction id first, or T1's three-event batch draws 10 and 12
 * around T2's 11, and 11 is published before 10, or 12 before 11. With it, T2 waits at its lock until T1 ended;
 * only then does T2 draw its positions (all above T1's, since T1 drew them before it committed) and get its
 * transaction id (above T1's, because ids are handed out in order and T1 had its id before T2 could have one: T2 had
 * none when it took the lock, which is the first promise). So within an account the relay's order is position order
 * and publication order, and a token for 10 can no longer be answered by the application of 11.</li>
 * </ol>
 * A writer that stops half-way (a paused process, a stuck client) would hold the relay back for as long as it keeps
 * its transaction open, so the append bounds it: {@code idle_in_transaction_session_timeout} and
 * {@code statement_timeout} are set for the rest of the transaction ({@code writerTimeout}), after which PostgreSQL
 * ends it and its events were never written.
 *
 * <p>Its tables ({@code events}, {@code relay_checkpoints}) are created and changed by the Flyway migrations in this
 * jar, {@code db/event-store} (versions 1.x), which every service that stores events runs at start.
 */
public final class EventStore {

    /** The class id of the account writer locks ({@code pg_advisory_xact_lock(WRITER_LOCK, hashtext(account id))}). */
    static final int WRITER_LOCK = 0x45565433;

    /** How long a writer's transaction may idle, or one of its statements run, once it appended. */
    public static final Duration WRITER_TIMEOUT = Duration.ofSeconds(10);

    private static final String UNIQUE_VIOLATION = "23505";

    /** The stored metadata's W3C trace context of the appending command, which the relay sets as its record's header. */
    static final String TRACEPARENT = "traceparent";

    private final Pool pool;
    private final String topic;
    private final EventSchemas schemas;
    private final String writerTimeout;
    /** The account each recent transaction id was given to by an append here, so a group commit may append again. */
    private final Map<String, UUID> appendedBy = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UUID> eldest) {
            return size() > 4096;
        }
    });

    /** @param topic the topic this store's events are published to; it names the consistency tokens it hands out */
    public EventStore(Pool pool, String topic) {
        this(pool, topic, WRITER_TIMEOUT);
    }

    /** @param writerTimeout how long a transaction that appended may idle, or one of its statements run, before PostgreSQL ends it */
    public EventStore(Pool pool, String topic, Duration writerTimeout) {
        if (writerTimeout.toMillis() <= 0) {
            throw new IllegalArgumentException("the writer timeout must be positive, not " + writerTimeout);
        }
        this.pool = pool;
        this.topic = topic;
        this.schemas = EventSchemas.INSTANCE;
        this.writerTimeout = writerTimeout.toMillis() + "ms";
    }

    public Pool pool() {
        return pool;
    }

    public String topic() {
        return topic;
    }

    public Uni<AppendResult> append(String streamId, UUID accountId, long expectedVersion, List<NewEvent> events, EventMetadata metadata) {
        return pool.withTransaction(connection -> append(connection, streamId, accountId, expectedVersion, events, metadata));
    }

    /**
     * Appends inside a transaction the caller holds, so that other writes (an idempotency record) commit with the
     * events. It must be the transaction's first write, or follow only appends to the same account (see the class
     * comment): a transaction that wrote anything else before fails with an {@link IllegalStateException}.
     */
    public Uni<AppendResult> append(SqlConnection connection, String streamId, UUID accountId, long expectedVersion,
            List<NewEvent> events, EventMetadata metadata) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to " + streamId);
        }
        for (NewEvent event : events) {
            List<String> problems = schemas.validate(event.type(), event.schemaVersion(), event.data());
            if (!problems.isEmpty()) {
                throw new MalformedEventException(event.type() + " v" + event.schemaVersion() + " breaks its schema: " + problems);
            }
        }
        JsonObject meta = new JsonObject()
                .put("actor", metadata.actor())
                .put("correlationId", metadata.correlationId())
                .put("causationId", metadata.causationId())
                .put("occurredAt", metadata.occurredAt().toString());
        if (metadata.traceparent() != null) {
            meta.put(TRACEPARENT, metadata.traceparent());
        }
        OffsetDateTime occurredAt = metadata.occurredAt().atOffset(ZoneOffset.UTC);
        List<Tuple> rows = new ArrayList<>(events.size());
        long version = expectedVersion;
        for (NewEvent event : events) {
            version++;
            rows.add(Tuple.from(List.of(event.eventId(), streamId, version, accountId, event.type(), event.schemaVersion(),
                    new JsonObject(event.data().toString()), meta, occurredAt)));
        }
        long lastVersion = version;
        // One statement, so the promises cost no round trip: no function of it gives the transaction an id, so the
        // writer lock was taken while it had none; the version is read on the statement's snapshot, which may be
        // older than the lock (a stale one ends as a unique violation at the insert, a conflict as before).
        return connection.preparedQuery("""
                SELECT pg_current_xact_id_if_assigned()::text AS wrote_before,
                       set_config('idle_in_transaction_session_timeout', $3, true) AS idle_bound,
                       set_config('statement_timeout', $3, true) AS statement_bound,
                       (SELECT coalesce(max(version), 0) FROM events WHERE stream_id = $1) AS version
                FROM (SELECT pg_advisory_xact_lock($4, hashtext($2))) AS writer_lock""")
                .execute(Tuple.of(streamId, accountId.toString(), writerTimeout, WRITER_LOCK))
                .invoke(current -> {
                    Row row = current.iterator().next();
                    String wroteBefore = row.getString("wrote_before");
                    if (wroteBefore != null && !accountId.equals(appendedBy.get(wroteBefore))) {
                        throw new IllegalStateException("an append to " + streamId + " must be the first write of its transaction, or follow only "
                                + "appends to the same account (EVT-3, PRM-4): transaction " + wroteBefore + " wrote before it");
                    }
                    if (row.getLong("version") != expectedVersion) {
                        throw new ConcurrencyConflict(streamId, expectedVersion);
                    }
                })
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO events (event_id, stream_id, version, account_id, type, schema_version, data, metadata, recorded_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING position, tx_id::text AS tx""")
                        .executeBatch(rows))
                .onFailure(PgException.class).transform(failure -> isUniqueViolation(failure)
                        ? new ConcurrencyConflict(streamId, expectedVersion)
                        : failure)
                .map(result -> {
                    long last = 0;
                    for (var batch = result; batch != null; batch = batch.next()) {
                        last = Math.max(last, batch.iterator().next().getLong(0));
                    }
                    appendedBy.put(result.iterator().next().getString("tx"), accountId);
                    return new AppendResult(topic, accountId, lastVersion, last);
                });
    }

    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }

    /** The events of a stream after {@code afterVersion}, in version order, upcast to their current schema. */
    public Uni<List<EventEnvelope>> readStream(String streamId, long afterVersion) {
        return pool.preparedQuery("""
                SELECT position, stream_id, version, event_id, account_id, type, schema_version, data, metadata
                FROM events WHERE stream_id = $1 AND version > $2 ORDER BY version""")
                .execute(Tuple.of(streamId, afterVersion))
                .map(rows -> {
                    List<EventEnvelope> events = new ArrayList<>();
                    rows.forEach(row -> events.add(Upcasters.INSTANCE.upcast(envelope(row))));
                    return events;
                });
    }

    /** The row as the published envelope, in the schema version it was written with. */
    static EventEnvelope envelope(Row row) {
        JsonObject meta = row.getJsonObject("metadata");
        JsonNode data = toJsonNode(row.getJsonObject("data"));
        return new EventEnvelope(row.getUUID("event_id"), row.getString("type"), row.getInteger("schema_version"),
                row.getUUID("account_id"), row.getString("stream_id"), row.getLong("version"), row.getLong("position"),
                java.time.Instant.parse(meta.getString("occurredAt")), meta.getString("actor"),
                meta.getString("correlationId"), meta.getString("causationId"), data);
    }

    private static JsonNode toJsonNode(JsonObject object) {
        try {
            return EventJson.MAPPER.readTree(object.encode());
        } catch (java.io.IOException e) {
            throw new MalformedEventException("stored event data is not JSON: " + e.getMessage(), e);
        }
    }

}
