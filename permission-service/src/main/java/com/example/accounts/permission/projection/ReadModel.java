package com.example.accounts.permission.projection;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.EventSchemas;
import com.example.accounts.contract.Upcasters;
import com.example.accounts.permission.domain.AccountView;
import com.example.accounts.permission.domain.Member;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One generation of the permission read model: its tables, in their own PostgreSQL schema ({@code rm_<n>}), so that a
 * rebuild fills a fresh generation beside the live one (PRM-5). Events are applied a Kafka poll at a time, in one
 * transaction with the stream versions they bring (a repeated delivery changes nothing, PRM-1), the accounts'
 * positions (PRM-4) and the next offset of each partition, so that the model and its place in the topics never
 * disagree. An event that cannot be applied is recorded as a dead letter, which flags its account stale; so is
 * another event at a (stream, version) applied (EVT-1). A failure of the database is the projector's to wait out.
 */
public final class ReadModel {

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

    public static final String NOTIFY_CHANNEL = "permission_read_model";
    private static final Logger LOG = Logger.getLogger(ReadModel.class);
    private static final Duration DB = Duration.ofSeconds(30);

    static final String TABLES = """
            CREATE TABLE IF NOT EXISTS {rm}.accounts (
                account_id uuid PRIMARY KEY, name text NOT NULL, billing_contact uuid NOT NULL, plan jsonb NOT NULL,
                settings jsonb NOT NULL DEFAULT '{"serverInviteEmails": true, "coOrganizers": true, "defaultLanguage": "en"}',
                restrict_unassigned_queue_login boolean NOT NULL DEFAULT false);
            CREATE TABLE IF NOT EXISTS {rm}.member_seats (
                account_id uuid NOT NULL, member_id uuid NOT NULL, module text NOT NULL, PRIMARY KEY (account_id, member_id, module));
            CREATE TABLE IF NOT EXISTS {rm}.members (
                account_id uuid NOT NULL, member_id uuid NOT NULL, login_id text NOT NULL, email text NOT NULL,
                name text NOT NULL, role text NOT NULL, company_access jsonb NOT NULL, support_features jsonb NOT NULL,
                user_groups jsonb NOT NULL DEFAULT '[]', supervised_user_groups jsonb NOT NULL DEFAULT '[]',
                supervised_device_groups jsonb NOT NULL DEFAULT '[]', contact_center_roles jsonb NOT NULL DEFAULT '[]',
                PRIMARY KEY (account_id, member_id));
            -- USR-13: the account position of the membership's UserAdded, so that a login acts as its earliest membership
            ALTER TABLE {rm}.members ADD COLUMN IF NOT EXISTS added_position bigint NOT NULL DEFAULT 0;
            CREATE TABLE IF NOT EXISTS {rm}.queues (account_id uuid NOT NULL, queue_id uuid NOT NULL, name text NOT NULL, PRIMARY KEY (account_id, queue_id));
            CREATE TABLE IF NOT EXISTS {rm}.queue_assignments (
                account_id uuid NOT NULL, queue_id uuid NOT NULL, member_id uuid NOT NULL, role text NOT NULL,
                PRIMARY KEY (account_id, queue_id, member_id));
            CREATE TABLE IF NOT EXISTS {rm}.agent_logins (
                account_id uuid NOT NULL, queue_id uuid NOT NULL, member_id uuid NOT NULL, permissions jsonb NOT NULL,
                PRIMARY KEY (account_id, queue_id, member_id));
            CREATE TABLE IF NOT EXISTS {rm}.contact_center_roles (
                account_id uuid NOT NULL, role text NOT NULL, permissions jsonb NOT NULL, PRIMARY KEY (account_id, role));
            CREATE TABLE IF NOT EXISTS {rm}.groups (
                account_id uuid NOT NULL, group_id uuid NOT NULL, kind text NOT NULL, name text NOT NULL, PRIMARY KEY (account_id, group_id));
            CREATE TABLE IF NOT EXISTS {rm}.security_policies (
                account_id uuid NOT NULL, policy_id uuid NOT NULL, name text NOT NULL, permissions jsonb NOT NULL, enabled boolean NOT NULL,
                PRIMARY KEY (account_id, policy_id));
            CREATE TABLE IF NOT EXISTS {rm}.devices (
                account_id uuid NOT NULL, device_id uuid NOT NULL, name text NOT NULL, company_id uuid NOT NULL, device_group_id uuid,
                PRIMARY KEY (account_id, device_id));
            CREATE TABLE IF NOT EXISTS {rm}.companies (
                account_id uuid NOT NULL, company_id uuid NOT NULL, name text NOT NULL, PRIMARY KEY (account_id, company_id));
            CREATE TABLE IF NOT EXISTS {rm}.sessions (
                account_id uuid NOT NULL, session_id uuid NOT NULL, kind text NOT NULL, owner uuid NOT NULL, co_organizers jsonb NOT NULL,
                company_id uuid, device_id uuid, ended boolean NOT NULL, PRIMARY KEY (account_id, session_id));
            -- REP-1: who worked a session (owned it at any time); a generation created before it was known gets it here
            ALTER TABLE {rm}.sessions ADD COLUMN IF NOT EXISTS worked_by jsonb NOT NULL DEFAULT '[]';
            -- an account's view loads the sessions not ended, however many have ended
            CREATE INDEX IF NOT EXISTS sessions_not_ended ON {rm}.sessions (account_id) WHERE NOT ended;
            CREATE TABLE IF NOT EXISTS {rm}.applied_streams (stream_id text PRIMARY KEY, version bigint NOT NULL);
            -- EVT-1: which event each applied (stream, version) was, so that another event at a version applied is never taken for a repeat
            CREATE TABLE IF NOT EXISTS {rm}.applied_events (
                stream_id text NOT NULL, version bigint NOT NULL, event_id uuid NOT NULL, PRIMARY KEY (stream_id, version));
            -- EVT-1: an event applied at a version another event then came at, and that later event (the store's); a rebuild
            -- inherits the rows and applies the later event in its place
            CREATE TABLE IF NOT EXISTS {rm}.superseded (
                event_id uuid PRIMARY KEY, by_event_id uuid NOT NULL, stream_id text NOT NULL, version bigint NOT NULL);
            CREATE TABLE IF NOT EXISTS {rm}.account_positions (
                topic text NOT NULL, account_id uuid NOT NULL, position bigint NOT NULL, PRIMARY KEY (topic, account_id));
            CREATE TABLE IF NOT EXISTS {rm}.partition_offsets (
                topic text NOT NULL, partition int NOT NULL, next_offset bigint NOT NULL, PRIMARY KEY (topic, partition));
            CREATE TABLE IF NOT EXISTS {rm}.dead_letters (
                topic text NOT NULL, partition int NOT NULL, record_offset bigint NOT NULL, account_id uuid, event_type text,
                reason text NOT NULL, PRIMARY KEY (topic, partition, record_offset));
            CREATE INDEX IF NOT EXISTS dead_letters_by_account ON {rm}.dead_letters (account_id);
            """;

    /** The tables that hold the model itself, compared by PRM-5's rebuild test. */
    public static final List<String> MODEL_TABLES = List.of("accounts", "members", "member_seats", "companies", "groups", "devices",
            "security_policies", "queues", "queue_assignments", "agent_logins", "contact_center_roles", "sessions", "applied_streams",
            "applied_events", "superseded", "account_positions", "dead_letters");

    /** How the reason of a dead letter begins when another event came at a (stream, version) already applied (EVT-1). */
    public static final String DIVERGED = "diverged: ";

    private final Pool pool;
    private final String schema;
    private final Map<String, String> sql = new ConcurrentHashMap<>();

    public ReadModel(Pool pool, int generation) {
        this.pool = pool;
        this.schema = "rm_" + generation;
    }

    public String schema() {
        return schema;
    }

    private String q(String template) {
        return sql.computeIfAbsent(template, t -> t.replace("{rm}", schema));
    }

    public void create() {
        pool.withTransaction(c -> c.query("CREATE SCHEMA IF NOT EXISTS " + schema).execute().chain(() -> c.query(q(TABLES)).execute()))
                .await().atMost(DB);
    }

    public void drop() {
        pool.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute().await().atMost(DB);
    }

    /** EVT-1: a rebuilt generation inherits the events {@code from} found superseded, so that it applies the later ones instead. */
    public void inheritSuperseded(ReadModel from) {
        pool.query(q("INSERT INTO {rm}.superseded (event_id, by_event_id, stream_id, version) SELECT event_id, by_event_id, stream_id, version FROM "
                + from.schema + ".superseded ON CONFLICT DO NOTHING")).execute().await().atMost(DB);
    }

    /** Where the next poll of each partition starts: the offsets this generation has applied, plus one. */
    public Map<String, Map<Integer, Long>> nextOffsets() {
        Map<String, Map<Integer, Long>> offsets = new HashMap<>();
        for (Row row : pool.query(q("SELECT topic, partition, next_offset FROM {rm}.partition_offsets")).execute().await().atMost(DB)) {
            offsets.computeIfAbsent(row.getString(0), t -> new HashMap<>()).put(row.getInteger(1), row.getLong(2));
        }
        return offsets;
    }

    // --- applying ---------------------------------------------------------------------------------------------

    /**
     * A record as read: its event and statements, or the problem that makes it a dead letter; {@code applies} once
     * judged against what the generation holds (false for a repeat); {@code diverged}: the event applied at its
     * version, when it is another.
     */
    private record Parsed(Delivered record, EventEnvelope event, String problem, List<Projection.Statement> statements, boolean applies,
                          UUID diverged) {
        static Parsed dead(Delivered record, EventEnvelope event, String problem) {
            return new Parsed(record, event, problem, List.of(), false, null);
        }
    }

    /**
     * Applies one poll's records, in their order, in one transaction; a batch that fails because of a record is applied
     * record by record, and a record that fails alone is a dead letter. A failure of the database (connection lost,
     * server restarting, serialization failure, deadlock, timeout) is not the records': it is thrown, nothing of the
     * poll is stored, and the projector applies the poll again.
     */
    public Applied apply(List<Delivered> records, Map<String, Map<Integer, Long>> positions, DeadLetterSink deadLetters) {
        List<Parsed> parsed = records.stream().map(ReadModel::parse).toList();
        try {
            return applyParsed(parsed, positions, deadLetters);
        } catch (RuntimeException e) {
            if (records.isEmpty() || !causedByTheRecords(e)) {
                throw e;
            }
            if (records.size() == 1) {
                String reason = "cannot be applied: " + e.getMessage();
                LOG.errorf("%s[%d]@%d %s", records.get(0).topic(), records.get(0).partition(), records.get(0).offset(), reason);
                return applyParsed(List.of(Parsed.dead(records.get(0), parsed.get(0).event(), reason)), positions, deadLetters);
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

    private static Parsed parse(Delivered record) {
        EventEnvelope raw = envelopeOnly(record.value());
        if (raw == null || raw.type() == null || raw.streamId() == null || raw.data() == null) {
            return Parsed.dead(record, raw, "not an event: an envelope with type, accountId, streamId, position and data is required");
        }
        if (!EventSchemas.INSTANCE.types().contains(raw.type()) || !(Projection.TYPES.contains(raw.type()) || Projection.NOT_PROJECTED.contains(raw.type()))) {
            return Parsed.dead(record, raw, "unknown event type " + raw.type());
        }
        EventEnvelope event;
        try {
            event = Upcasters.INSTANCE.upcast(raw);
            List<String> problems = EventSchemas.INSTANCE.validate(event.type(), EventSchemas.INSTANCE.currentVersion(event.type()), event.data());
            if (!problems.isEmpty()) {
                return Parsed.dead(record, event, "corrupt " + event.type() + ": " + String.join("; ", problems));
            }
        } catch (RuntimeException e) {
            return Parsed.dead(record, raw, "cannot read " + raw.type() + ": " + e.getMessage());
        }
        // the statements are made here, before any database: a rule of the projection that refuses the event does so on every try
        try {
            return new Parsed(record, event, null, Projection.of(event), false, null);
        } catch (RuntimeException e) {
            return Parsed.dead(record, event, "cannot be applied: " + e.getMessage());
        }
    }

    /** The envelope without its data upcast, when it can be read at all: which account and position it was. */
    private static EventEnvelope envelopeOnly(String value) {
        try {
            EventEnvelope envelope = EventJson.MAPPER.readValue(value, EventEnvelope.class);
            return envelope.accountId() == null || envelope.position() < 1 ? null : envelope;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private Applied applyParsed(List<Parsed> records, Map<String, Map<Integer, Long>> positions, DeadLetterSink deadLetters) {
        List<Parsed> parsed = judge(records);
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
    private List<Parsed> judge(List<Parsed> records) {
        List<Parsed> events = records.stream().filter(p -> p.problem() == null).toList();
        Map<String, Long> versions = new HashMap<>();
        Map<String, UUID> held = new HashMap<>();
        Set<UUID> superseded = new HashSet<>();
        if (!events.isEmpty()) {
            pool.preparedQuery(q("""
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
        List<Parsed> judged = new ArrayList<>(records.size());
        for (Parsed p : records) {
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
                judged.add(new Parsed(p.record(), event, reason, List.of(), false, before));
            } else if (before == null && event.version() > versions.getOrDefault(event.streamId(), 0L)) {
                held.put(event.streamId() + "@" + event.version(), event.eventId());
                versions.put(event.streamId(), event.version());
                judged.add(new Parsed(p.record(), event, null, p.statements(), true, null));
            } else {
                judged.add(p);
            }
        }
        return judged;
    }

    private Uni<Applied> write(SqlConnection c, List<Parsed> parsed, Map<String, Map<Integer, Long>> consumed) {
        List<Projection.Statement> statements = new ArrayList<>();
        Map<String, Long> streamVersions = new LinkedHashMap<>();
        List<Tuple> eventRows = new ArrayList<>();
        List<Tuple> supersededRows = new ArrayList<>();
        Map<String, Tuple> positions = new LinkedHashMap<>();
        Map<String, Tuple> offsets = new LinkedHashMap<>();
        List<Tuple> dead = new ArrayList<>();
        Set<String> notify = new HashSet<>();
        // where the consumer stands after the poll: past the records and past the transaction markers that follow them
        consumed.forEach((topic, partitions) -> partitions.forEach((partition, next) ->
                offsets.put(topic + "/" + partition, Tuple.of(topic, partition, next))));
        int applied = 0;
        int skipped = 0;
        for (Parsed p : parsed) {
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
        for (int from = 0; from < statements.size(); ) {
            String sql = statements.get(from).sql();
            int to = from + 1;
            while (to < statements.size() && statements.get(to).sql().equals(sql)) {
                to++;
            }
            List<Tuple> run = statements.subList(from, to).stream().map(Projection.Statement::args).toList();
            sent.add(run.size() == 1 ? c.preparedQuery(q(sql)).execute(run.get(0)).replaceWithVoid() : batch(c, sql, run));
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
                    .execute(Tuple.of(NOTIFY_CHANNEL, schema, notify.toArray(String[]::new))).replaceWithVoid());
        }
        return Uni.join().all(sent).andFailFast().replaceWith(result);
    }

    private static void position(Map<String, Tuple> positions, String topic, EventEnvelope event) {
        positions.merge(topic + "/" + event.accountId(), Tuple.of(topic, event.accountId(), event.position()),
                (old, now) -> now.getLong(2) > old.getLong(2) ? now : old);
    }

    private Uni<Void> batch(SqlConnection c, String template, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : c.preparedQuery(q(template)).executeBatch(rows).replaceWithVoid();
    }

    private static UUID accountFromKey(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- reading ----------------------------------------------------------------------------------------------

    /** One account's view, read by one statement so that it is one consistent snapshot. Empty when it is unknown. */
    public Uni<Optional<AccountView>> load(UUID accountId) {
        return pool.preparedQuery(q(LOAD)).execute(Tuple.of(accountId)).chain(rows -> {
            if (rows.size() > 0) {
                return Uni.createFrom().item(Optional.of(view(accountId, rows.iterator().next())));
            }
            return staleWithoutAccount(accountId);
        });
    }

    /** REP-1, SUP-5: these sessions of the account, ended ones too (the view holds only those not ended). */
    public Uni<Map<UUID, AccountView.Session>> sessions(UUID accountId, Collection<UUID> sessionIds) {
        return pool.preparedQuery(q("""
                        SELECT session_id, kind, owner, co_organizers, company_id, device_id, ended, worked_by FROM {rm}.sessions
                        WHERE account_id = $1 AND session_id = ANY($2)"""))
                .execute(Tuple.of(accountId, sessionIds.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, AccountView.Session> sessions = new HashMap<>();
                    for (Row s : rows) {
                        UUID id = s.getUUID("session_id");
                        sessions.put(id, new AccountView.Session(id, s.getString("kind"), s.getUUID("owner"), uuids((JsonArray) s.getValue("co_organizers")),
                                s.getUUID("company_id"), s.getUUID("device_id"), s.getBoolean("ended"), uuids((JsonArray) s.getValue("worked_by"))));
                    }
                    return sessions;
                });
    }

    /** PRM-4: per topic, the highest position applied, of any account. */
    public Uni<Map<String, Long>> frontier() {
        return pool.query(q("SELECT topic, max(position) FROM {rm}.account_positions GROUP BY topic")).execute().map(rows -> {
            Map<String, Long> positions = new HashMap<>();
            rows.forEach(row -> positions.put(row.getString(0), row.getLong(1)));
            return positions;
        });
    }

    /** An account whose opening could not be applied exists only as its dead letters: stale, with no members. */
    private Uni<Optional<AccountView>> staleWithoutAccount(UUID accountId) {
        return pool.preparedQuery(q("SELECT string_agg(reason, '; ') FROM {rm}.dead_letters WHERE account_id = $1")).execute(Tuple.of(accountId))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getString(0)).map(reason -> new AccountView(accountId, "", Set.of(), false,
                        false, false, Map.of(), Set.of(), Map.of(), Set.of(), Map.of(), Set.of(), Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), reason)));
    }

    private static final String LOAD = """
            SELECT a.name, a.plan->'modules' AS modules, a.settings, a.restrict_unassigned_queue_login AS restrict, a.billing_contact,
              COALESCE((SELECT json_agg(json_build_object('id', m.member_id, 'login', m.login_id, 'name', m.name, 'role', m.role,
                            'access', m.company_access, 'features', m.support_features, 'groups', m.user_groups,
                            'supervisedUserGroups', m.supervised_user_groups, 'supervisedDeviceGroups', m.supervised_device_groups,
                            'cc', m.contact_center_roles, 'added', m.added_position,
                            'seats', COALESCE((SELECT json_agg(s.module) FROM {rm}.member_seats s
                                               WHERE s.account_id = m.account_id AND s.member_id = m.member_id), '[]'::json)))
                        FROM {rm}.members m WHERE m.account_id = a.account_id), '[]'::json) AS members,
              COALESCE((SELECT json_agg(c.company_id) FROM {rm}.companies c WHERE c.account_id = a.account_id), '[]'::json) AS companies,
              COALESCE((SELECT json_agg(json_build_object('id', d.device_id, 'company', d.company_id, 'group', d.device_group_id))
                        FROM {rm}.devices d WHERE d.account_id = a.account_id), '[]'::json) AS devices,
              COALESCE((SELECT json_agg(x.queue_id) FROM {rm}.queues x WHERE x.account_id = a.account_id), '[]'::json) AS queues,
              COALESCE((SELECT json_agg(json_build_object('queue', x.queue_id, 'member', x.member_id, 'role', x.role))
                        FROM {rm}.queue_assignments x WHERE x.account_id = a.account_id), '[]'::json) AS assignments,
              COALESCE((SELECT json_agg(json_build_object('queue', l.queue_id, 'member', l.member_id, 'permissions', l.permissions))
                        FROM {rm}.agent_logins l WHERE l.account_id = a.account_id), '[]'::json) AS logins,
              (SELECT r.permissions FROM {rm}.contact_center_roles r WHERE r.account_id = a.account_id AND r.role = 'SUPERVISOR') AS supervisor,
              (SELECT r.permissions FROM {rm}.contact_center_roles r WHERE r.account_id = a.account_id AND r.role = 'AGENT') AS agent,
              COALESCE((SELECT json_agg(json_build_object('id', p.policy_id, 'name', p.name, 'enabled', p.enabled, 'permissions', p.permissions))
                        FROM {rm}.security_policies p WHERE p.account_id = a.account_id), '[]'::json) AS policies,
              COALESCE((SELECT json_agg(json_build_object('id', s.session_id, 'kind', s.kind, 'owner', s.owner, 'co', s.co_organizers,
                            'company', s.company_id, 'device', s.device_id, 'ended', s.ended, 'worked', s.worked_by))
                        FROM {rm}.sessions s WHERE s.account_id = a.account_id AND NOT s.ended), '[]'::json) AS sessions,
              COALESCE((SELECT json_object_agg(p.topic, p.position) FROM {rm}.account_positions p WHERE p.account_id = a.account_id), '{}'::json) AS positions,
              (SELECT string_agg(d.reason, '; ') FROM {rm}.dead_letters d WHERE d.account_id = a.account_id) AS stale
            FROM {rm}.accounts a WHERE a.account_id = $1""";

    private static AccountView view(UUID accountId, Row row) {
        UUID billing = row.getUUID("billing_contact");
        JsonObject settings = (JsonObject) row.getValue("settings");
        Map<UUID, Member> members = new HashMap<>();
        for (Object item : array(row, "members")) {
            JsonObject m = (JsonObject) item;
            UUID id = UUID.fromString(m.getString("id"));
            JsonObject access = m.getJsonObject("access");
            members.put(id, new Member(id, m.getString("login"), m.getString("name"), m.getString("role"), id.equals(billing),
                    strings(m.getJsonArray("seats")), strings(m.getJsonArray("features")), access.getBoolean("all", false),
                    uuids(access.getJsonArray("companies")), uuids(m.getJsonArray("groups")), uuids(m.getJsonArray("supervisedUserGroups")),
                    uuids(m.getJsonArray("supervisedDeviceGroups")), strings(m.getJsonArray("cc")), m.getLong("added")));
        }
        Map<UUID, AccountView.Device> devices = new HashMap<>();
        for (Object item : array(row, "devices")) {
            JsonObject d = (JsonObject) item;
            UUID id = UUID.fromString(d.getString("id"));
            devices.put(id, new AccountView.Device(id, UUID.fromString(d.getString("company")), nullableUuid(d.getString("group"))));
        }
        Map<UUID, Map<UUID, String>> assignments = new HashMap<>();
        for (Object item : array(row, "assignments")) {
            JsonObject x = (JsonObject) item;
            assignments.computeIfAbsent(UUID.fromString(x.getString("queue")), k -> new HashMap<>())
                    .put(UUID.fromString(x.getString("member")), x.getString("role"));
        }
        Map<UUID, Map<UUID, Set<String>>> logins = new HashMap<>();
        for (Object item : array(row, "logins")) {
            JsonObject l = (JsonObject) item;
            logins.computeIfAbsent(UUID.fromString(l.getString("queue")), k -> new HashMap<>())
                    .put(UUID.fromString(l.getString("member")), strings(l.getJsonArray("permissions")));
        }
        Map<UUID, AccountView.Policy> policies = new HashMap<>();
        for (Object item : array(row, "policies")) {
            JsonObject p = (JsonObject) item;
            UUID id = UUID.fromString(p.getString("id"));
            policies.put(id, new AccountView.Policy(id, p.getString("name"), p.getBoolean("enabled"), strings(p.getJsonArray("permissions"))));
        }
        Map<UUID, AccountView.Session> sessions = new HashMap<>();
        for (Object item : array(row, "sessions")) {
            JsonObject s = (JsonObject) item;
            UUID id = UUID.fromString(s.getString("id"));
            sessions.put(id, new AccountView.Session(id, s.getString("kind"), UUID.fromString(s.getString("owner")), uuids(s.getJsonArray("co")),
                    nullableUuid(s.getString("company")), nullableUuid(s.getString("device")), s.getBoolean("ended"), uuids(s.getJsonArray("worked"))));
        }
        Map<String, Long> positions = new HashMap<>();
        ((JsonObject) row.getValue("positions")).forEach(e -> positions.put(e.getKey(), ((Number) e.getValue()).longValue()));
        Object supervisor = row.getValue("supervisor");
        Object agent = row.getValue("agent");
        return new AccountView(accountId, row.getString("name"), strings((JsonArray) row.getValue("modules")),
                settings.getBoolean("serverInviteEmails", true), settings.getBoolean("coOrganizers", true), row.getBoolean("restrict"), members,
                uuids(array(row, "companies")), devices, uuids(array(row, "queues")), assignments,
                supervisor == null ? AccountView.DEFAULT_SUPERVISOR_PERMISSIONS : AccountView.supervisorPermissions(strings((JsonArray) supervisor)),
                agent == null ? Set.of() : strings((JsonArray) agent), logins, policies, sessions, positions, row.getString("stale"));
    }

    private static JsonArray array(Row row, String column) {
        return (JsonArray) row.getValue(column);
    }

    private static Set<String> strings(JsonArray array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.toString()));
        return values;
    }

    private static Set<UUID> uuids(JsonArray array) {
        Set<UUID> values = new HashSet<>();
        array.forEach(value -> values.add(UUID.fromString(value.toString())));
        return values;
    }

    private static UUID nullableUuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }

    /** Every row of every model table, as text in a stable order: what PRM-5's rebuild test compares. */
    public Map<String, List<String>> rows() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : MODEL_TABLES) {
            List<String> rows = new ArrayList<>();
            pool.query("SELECT t::text FROM " + schema + "." + table + " t ORDER BY 1").execute().await().atMost(DB)
                    .forEach(row -> rows.add(row.getString(0)));
            tables.put(table, rows);
        }
        return tables;
    }

    /** The dead letters of this generation, newest first, at most {@code limit}. */
    public List<Map<String, Object>> deadLetters(int limit) {
        return deadLetters("", limit);
    }

    /** The dead letters of events that came at a (stream, version) applied with another event (EVT-1), newest first. */
    public List<Map<String, Object>> diverged(int limit) {
        return deadLetters("WHERE starts_with(reason, '" + DIVERGED + "')", limit);
    }

    public long divergedCount() {
        return pool.query(q("SELECT count(*) FROM {rm}.dead_letters WHERE starts_with(reason, '" + DIVERGED + "')")).execute().await().atMost(DB)
                .iterator().next().getLong(0);
    }

    private List<Map<String, Object>> deadLetters(String where, int limit) {
        List<Map<String, Object>> letters = new ArrayList<>();
        pool.preparedQuery(q("SELECT topic, partition, record_offset, account_id, event_type, reason FROM {rm}.dead_letters " + where
                        + " ORDER BY topic, partition, record_offset DESC LIMIT $1")).execute(Tuple.of(limit)).await().atMost(DB)
                .forEach(row -> {
                    Map<String, Object> letter = new LinkedHashMap<>();
                    letter.put("topic", row.getString(0));
                    letter.put("partition", row.getInteger(1));
                    letter.put("offset", row.getLong(2));
                    letter.put("accountId", row.getUUID(3));
                    letter.put("type", row.getString(4));
                    letter.put("reason", row.getString(5));
                    letters.add(letter);
                });
        return letters;
    }

    public long deadLetterCount() {
        return pool.query(q("SELECT count(*) FROM {rm}.dead_letters")).execute().await().atMost(DB).iterator().next().getLong(0);
    }

}
