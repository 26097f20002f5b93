package com.example.accounts.permission.projection;

import com.example.accounts.contract.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the projector writes into one generation. Events are applied a Kafka poll at a time, in one transaction with
 * the stream versions they bring (a repeated delivery changes nothing, PRM-1), the accounts' positions (PRM-4) and
 * the next offset of each partition, so that the model and its place in the topics never disagree. An event that
 * cannot be applied is recorded as a dead letter, which flags its account stale; so is another event at a (stream,
 * version) applied (EVT-1). A failure of the database is the projector's to wait out.
 */
public final class ReadModelWriter {

    /** One record as polled from Kafka. */
    public record Delivered(String topic, int partition, long offset, String key, String value) {
    }

    /** Where an event that cannot be applied goes, besides the table that flags its account stale. */
    public interface DeadLetterSink {
        void publish(Delivered record, String reason);
    }

    /** The result of applying one poll: events applied, repeated deliveries skipped, dead letters. */
    public record Applied(int applied, int skipped, int deadLetters) {
        Applied plus(Applied other) {
            return new Applied(applied + other.applied, skipped + other.skipped, deadLetters + other.deadLetters);
        }
    }

    /** How the reason of a dead letter begins when another event came at a (stream, version) already applied (EVT-1). */
    public static final String DIVERGED = "diverged: ";
    private static final Logger LOG = Logger.getLogger(ReadModelWriter.class);
    private static final Duration DB = Duration.ofSeconds(30);

    private final Pool pool;
    private final ReadModelSchema tables;

    ReadModelWriter(Pool pool, ReadModelSchema tables) {
        this.pool = pool;
        this.tables = tables;
    }

    /**
     * Applies one poll's records, in their order, in one transaction; a batch that fails because of a record is applied
     * record by record, and a record that fails alone is a dead letter. A failure of the database (connection lost,
     * server restarting, serialization failure, deadlock, timeout) is not the records': it is thrown, nothing of the
     * poll is stored, and the projector applies the poll again.
     */
    public Applied apply(List<Delivered> records, Map<String, Map<Integer, Long>> positions, DeadLetterSink deadLetters) {
        List<ParsedRecord> parsed = records.stream().map(ParsedRecord::of).toList();
        try {
            return applyParsed(parsed, positions, deadLetters);
        } catch (RuntimeException e) {
            if (records.isEmpty() || !causedByTheRecords(e)) {
                throw e;
            }
            if (records.size() == 1) {
                String reason = "cannot be applied: " + e.getMessage();
                LOG.errorf("%s[%d]@%d %s", records.get(0).topic(), records.get(0).partition(), records.get(0).offset(), reason);
                return applyParsed(List.of(ParsedRecord.dead(records.get(0), parsed.get(0).event(), reason)), positions, deadLetters);
            }
            LOG.warnf("a batch of %d records failed (%s); applying them one at a time", records.size(), e.getMessage());
            Applied total = new Applied(0, 0, 0);
            for (Delivered record : records) {
                total = total.plus(apply(List.of(record), Map.of(), deadLetters));
            }
            return total.plus(apply(List.of(), positions, deadLetters));
        }
    }

    /**
     * Whether a failure is the records' own: their data or a constraint of the model (SQLSTATE classes 21, 22, 23), the
     * same on every try. Anything else (no SQLSTATE: the connection; 08, 40, 53, 57, 58 and the like: the server) may
     * pass, so it is tried again rather than dead-lettering a valid event.
     */
    static boolean causedByTheRecords(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().length() == 5) {
                return switch (pg.getSqlState().substring(0, 2)) {
                    case "21", "22", "23" -> true;
                    default -> false;
                };
            }
        }
        return false;
    }
    private Applied applyParsed(List<ParsedRecord> records, Map<String, Map<Integer, Long>> positions, DeadLetterSink deadLetters) {
        List<ParsedRecord> parsed = judge(records);
        // published before the transaction, on the caller's thread: the transaction's callbacks run on an event loop,
        // which must never wait for Kafka (a redone transaction may publish a letter twice, never lose one)
        parsed.stream().filter(p -> p.problem() != null).forEach(p -> deadLetters.publish(p.record(), p.problem()));
        // the offsets commit with the rows, so a commit lost in a crash is applied again from Kafka: no need to wait for the disk
        return pool.withTransaction(c -> c.query("SET LOCAL synchronous_commit TO OFF").execute().chain(() -> write(c, parsed, positions)))
                .await().atMost(DB);
    }

    /**
     * Which events of the poll apply, against what this generation holds: an event at a version of its stream not
     * applied yet applies; the same event again (a repeated delivery, EVT-3's at least once) changes nothing (PRM-1);
     * another event at a version already applied (EVT-1: a stream's versions are unique, so the one applied was
     * lost by the store, or this one is not the store's) is a dead letter that flags its account, never skipped in
     * silence, and the event applied is recorded as superseded by it. An event superseded (in the generation this
     * one was rebuilt beside) is not applied, so a rebuild takes the later event, the one the store holds. Read
     * before the transaction, which only this generation's projector writes. A version applied by a generation made
     * before event ids were kept counts as a repeat.
     */
    private List<ParsedRecord> judge(List<ParsedRecord> records) {
        List<ParsedRecord> events = records.stream().filter(p -> p.problem() == null).toList();
        Map<String, Long> versions = new HashMap<>();
        Map<String, UUID> held = new HashMap<>();
        Set<UUID> superseded = new HashSet<>();
        if (!events.isEmpty()) {
            pool.preparedQuery(tables.sql("""
                    SELECT x.stream_id, x.version, e.event_id, s.version, x.event_id, p.event_id IS NOT NULL
                    FROM unnest($1::text[], $2::bigint[], $3::uuid[]) AS x (stream_id, version, event_id)
                    LEFT JOIN {rm}.applied_events e ON e.stream_id = x.stream_id AND e.version = x.version
                    LEFT JOIN {rm}.applied_streams s ON s.stream_id = x.stream_id
                    LEFT JOIN {rm}.superseded p ON p.event_id = x.event_id"""))
                    .execute(Tuple.of(events.stream().map(p -> p.event().streamId()).toArray(String[]::new),
                            events.stream().map(p -> p.event().version()).toArray(Long[]::new),
                            events.stream().map(p -> p.event().eventId()).toArray(UUID[]::new)))
                    .await().atMost(DB)
                    .forEach(row -> {
                        if (row.getLong(3) != null) {
                            versions.put(row.getString(0), row.getLong(3));
                        }
                        if (row.getUUID(2) != null) {
                            held.put(row.getString(0) + "@" + row.getLong(1), row.getUUID(2));
                        }
                        if (row.getBoolean(5)) {
                            superseded.add(row.getUUID(4));
                        }
                    });
        }
        List<ParsedRecord> judged = new ArrayList<>(records.size());
        for (ParsedRecord p : records) {
            if (p.problem() != null) {
                judged.add(p);
                continue;
            }
            EventEnvelope event = p.event();
            UUID before = held.get(event.streamId() + "@" + event.version());
            if (superseded.contains(event.eventId())) {
                LOG.infof("%s[%d]@%d event %s of stream %s version %d is superseded by a later one at its version: not applied",
                        p.record().topic(), p.record().partition(), p.record().offset(), event.eventId(), event.streamId(), event.version());
                judged.add(p);
            } else if (before != null && !before.equals(event.eventId())) {
                String reason = DIVERGED + "stream " + event.streamId() + " version " + event.version() + " held event " + before
                        + ", got " + event.eventId();
                LOG.errorf("%s[%d]@%d %s", p.record().topic(), p.record().partition(), p.record().offset(), reason);
                judged.add(new ParsedRecord(p.record(), event, reason, List.of(), false, before));
            } else if (before == null && event.version() > versions.getOrDefault(event.streamId(), 0L)) {
                held.put(event.streamId() + "@" + event.version(), event.eventId());
                versions.put(event.streamId(), event.version());
                judged.add(new ParsedRecord(p.record(), event, null, p.statements(), true, null));
            } else {
                judged.add(p);
            }
        }
        return judged;
    }

    private Uni<Applied> write(SqlConnection c, List<ParsedRecord> parsed, Map<String, Map<Integer, Long>> consumed) {
        List<Projection.Statement> statements = new ArrayList<>();
        Map<String, Long> streamVersions = new LinkedHashMap<>();
        List<Tuple> eventRows = new ArrayList<>();
        List<Tuple> supersededRows = new ArrayList<>();
        Map<String, Tuple> positions = new LinkedHashMap<>();
        Map<String, Tuple> offsets = new LinkedHashMap<>();
        List<Tuple> dead = new ArrayList<>();
        Set<String> notify = new HashSet<>();
        // where the consumer stands after the poll: past the records and past the transaction markers that follow them
        consumed.forEach(
                (topic, partitions) -> partitions.forEach((partition, next) -> offsets.put(topic + "/" + partition, Tuple.of(topic, partition, next))));
        int applied = 0;
        int skipped = 0;
        for (ParsedRecord p : parsed) {
            Delivered record = p.record();
            offsets.merge(record.topic() + "/" + record.partition(), Tuple.of(record.topic(), record.partition(), record.offset() + 1),
                    (old, now) -> now.getLong(2) > old.getLong(2) ? now : old);
            if (p.problem() != null) {
                UUID account = p.event() != null ? p.event().accountId() : accountFromKey(record.key());
                dead.add(Tuple.of(record.topic(), record.partition(), record.offset(), account, p.event() == null ? null : p.event().type(), p.problem()));
                if (p.diverged() != null) {
                    supersededRows.add(Tuple.of(p.diverged(), p.event().eventId(), p.event().streamId(), p.event().version()));
                }
                if (p.event() != null) {
                    // the account's token still completes: its view then says it is stale, never silently wrong
                    position(positions, record.topic(), p.event());
                } else if (account != null) {
                    notify.add(account + ":" + record.topic() + ":0");
                }
                continue;
            }
            EventEnvelope event = p.event();
            if (!p.applies()) {
                skipped++;
                continue;
            }
            streamVersions.put(event.streamId(), event.version());
            eventRows.add(Tuple.of(event.streamId(), event.version(), event.eventId()));
            statements.addAll(p.statements());
            position(positions, record.topic(), event);
            applied++;
        }
        positions.values().forEach(t -> notify.add(t.getUUID(1) + ":" + t.getString(0) + ":" + t.getLong(2)));
        List<Tuple> versionRows = streamVersions.entrySet().stream().map(e -> Tuple.of(e.getKey(), e.getValue())).toList();
        Applied result = new Applied(applied, skipped, dead.size());
        // pipelined: every statement, then the bookkeeping, is sent at once, in order, on the transaction's connection
        List<Uni<Void>> sent = new ArrayList<>(statements.size() + 5);
        // a run of the same statement (a steady stream is mostly one event type) goes as one batch: one parse, one sync
        for (int from = 0; from < statements.size();) {
            String sql = statements.get(from).sql();
            int to = from + 1;
            while (to < statements.size() && statements.get(to).sql().equals(sql)) {
                to++;
            }
            List<Tuple> run = statements.subList(from, to).stream().map(Projection.Statement::args).toList();
            sent.add(run.size() == 1 ? c.preparedQuery(tables.sql(sql)).execute(run.get(0)).replaceWithVoid() : batch(c, sql, run));
            from = to;
        }
        sent.add(batch(c, """
                INSERT INTO {rm}.applied_streams (stream_id, version) VALUES ($1, $2)
                ON CONFLICT (stream_id) DO UPDATE SET version = greatest({rm}.applied_streams.version, excluded.version)""", versionRows));
        sent.add(batch(c, "INSERT INTO {rm}.applied_events (stream_id, version, event_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", eventRows));
        // the latest event at the version wins: the store's, as the relay publishes only what the store holds
        sent.add(batch(c, """
                INSERT INTO {rm}.superseded (event_id, by_event_id, stream_id, version) VALUES ($1, $2, $3, $4)
                ON CONFLICT (event_id) DO UPDATE SET by_event_id = excluded.by_event_id""", supersededRows));
        sent.add(batch(c, """
                INSERT INTO {rm}.account_positions (topic, account_id, position) VALUES ($1, $2, $3)
                ON CONFLICT (topic, account_id) DO UPDATE SET position = greatest({rm}.account_positions.position, excluded.position)""",
                List.copyOf(positions.values())));
        sent.add(batch(c, """
                INSERT INTO {rm}.partition_offsets (topic, partition, next_offset) VALUES ($1, $2, $3)
                ON CONFLICT (topic, partition) DO UPDATE SET next_offset = greatest({rm}.partition_offsets.next_offset, excluded.next_offset)""",
                List.copyOf(offsets.values())));
        sent.add(batch(c, """
                INSERT INTO {rm}.dead_letters (topic, partition, record_offset, account_id, event_type, reason) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT DO NOTHING""", dead));
        if (!notify.isEmpty()) {
            sent.add(c.preparedQuery("SELECT pg_notify($1, $2 || ':' || x) FROM unnest($3::text[]) x")
                    .execute(Tuple.of(ReadModel.NOTIFY_CHANNEL, tables.name(), notify.toArray(String[]::new))).replaceWithVoid());
        }
        return Uni.join().all(sent).andFailFast().replaceWith(result);
    }

    private static void position(Map<String, Tuple> positions, String topic, EventEnvelope event) {
        positions.merge(topic + "/" + event.accountId(), Tuple.of(topic, event.accountId(), event.position()),
                (old, now) -> now.getLong(2) > old.getLong(2) ? now : old);
    }

    private Uni<Void> batch(SqlConnection c, String template, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : c.preparedQuery(tables.sql(template)).executeBatch(rows).replaceWithVoid();
    }

    private static UUID accountFromKey(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
