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

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The event store (EVT-1): one PostgreSQL table, primary key (stream id, version), a global position, and the id
 * of the transaction that wrote each row, which lets the relay publish without skipping late commits (EVT-3).
 * Events are appended, never changed. Appending with an expected version is the optimistic concurrency check:
 * of two commands decided on the same version, one appends and the other gets a {@link ConcurrencyConflict}.
 */
public final class EventStore {

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS events (
                position        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                stream_id       text        NOT NULL,
                version         bigint      NOT NULL,
                event_id        uuid        NOT NULL UNIQUE,
                account_id      uuid        NOT NULL,
                type            text        NOT NULL,
                schema_version  int         NOT NULL,
                data            jsonb       NOT NULL,
                metadata        jsonb       NOT NULL,
                recorded_at     timestamptz NOT NULL DEFAULT now(),
                tx_id           xid8        NOT NULL DEFAULT pg_current_xact_id(),
                PRIMARY KEY (stream_id, version)
            );
            CREATE INDEX IF NOT EXISTS events_relay_order ON events (tx_id, position);
            CREATE TABLE IF NOT EXISTS relay_checkpoints (
                relay     text   PRIMARY KEY,
                tx_id     xid8   NOT NULL,
                position  bigint NOT NULL
            );
            """;

    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;
    private final String topic;
    private final EventSchemas schemas;

    /** @param topic the topic this store's events are published to; it names the consistency tokens it hands out */
    public EventStore(Pool pool, String topic) {
        this.pool = pool;
        this.topic = topic;
        this.schemas = EventSchemas.INSTANCE;
    }

    public Pool pool() {
        return pool;
    }

    public String topic() {
        return topic;
    }

    /** Creates the tables when missing; safe to run at every start and from several instances. */
    public Uni<Void> migrate() {
        return pool.withTransaction(connection -> connection.query("SELECT pg_advisory_xact_lock(7355608)").execute()
                .chain(() -> connection.query(SCHEMA).execute())).replaceWithVoid();
    }

    public Uni<AppendResult> append(String streamId, UUID accountId, long expectedVersion, List<NewEvent> events, EventMetadata metadata) {
        return pool.withTransaction(connection -> append(connection, streamId, accountId, expectedVersion, events, metadata));
    }

    /** Appends inside a transaction the caller holds, so that other writes (an idempotency record) commit with the events. */
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
        OffsetDateTime occurredAt = metadata.occurredAt().atOffset(ZoneOffset.UTC);
        List<Tuple> rows = new ArrayList<>(events.size());
        long version = expectedVersion;
        for (NewEvent event : events) {
            version++;
            rows.add(Tuple.from(List.of(event.eventId(), streamId, version, accountId, event.type(), event.schemaVersion(),
                    new JsonObject(event.data().toString()), meta, occurredAt)));
        }
        long lastVersion = version;
        return connection.preparedQuery("SELECT coalesce(max(version), 0) FROM events WHERE stream_id = $1")
                .execute(Tuple.of(streamId))
                .invoke(current -> {
                    if (current.iterator().next().getLong(0) != expectedVersion) {
                        throw new ConcurrencyConflict(streamId, expectedVersion);
                    }
                })
                .chain(() -> connection.preparedQuery("""
                                INSERT INTO events (event_id, stream_id, version, account_id, type, schema_version, data, metadata, recorded_at)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING position""")
                        .executeBatch(rows))
                .onFailure(PgException.class).transform(failure -> isUniqueViolation(failure)
                        ? new ConcurrencyConflict(streamId, expectedVersion) : failure)
                .map(result -> {
                    long last = 0;
                    for (var batch = result; batch != null; batch = batch.next()) {
                        last = Math.max(last, batch.iterator().next().getLong(0));
                    }
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
