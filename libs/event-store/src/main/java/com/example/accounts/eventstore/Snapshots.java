package com.example.accounts.eventstore;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Upcasters;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Snapshots of folded streams, so that loading a long stream reads the snapshot and the events after it instead of
 * the whole stream. Only a cache: the events stay the truth.
 *
 * <p>A snapshot is a fold, so it is kept with what folded it: its fold fingerprint ({@link #fingerprint}) names the
 * catalog's versions, the upcasters, a revision the service raises by hand, and the code of the classes that fold
 * (the state's record, whose {@code evolve} folds, and the events it reads). A snapshot of another fingerprint is
 * never served: the stream is folded again from its events, and the new snapshot replaces it. So a new upcaster, a
 * raised schema version or a changed {@code evolve} never serves an old fold. A snapshot that no longer reads as the
 * current state (its shape changed since) is ignored too. A state that is a sealed type of phases is kept with
 * the name of its phase, and read back as that phase's record.
 *
 * <p>The table is the service's, created by its own Flyway migration ({@code stream_id text PRIMARY KEY, version,
 * position, state jsonb, taken_at, fold, account_id}); a snapshot taken before folds were recorded has fold '' and is
 * folded again.
 */
public final class Snapshots<S> {

    /** A stream's state folded up to {@code version}, whose last event was at {@code position}; {@code accountId} its account (may be null). */
    public record Snapshot<S>(S state, long version, long position, UUID accountId) {
    }

    private static final Logger LOG = Logger.getLogger(Snapshots.class);
    private static final ObjectMapper MAPPER = EventJson.MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private static final String PHASE = "phase";
    private static final String STATE = "state";

    private final Pool pool;
    private final String table;
    private final Class<S> type;
    /** For a sealed type of phases, its records by their simple names (what a snapshot is kept under); else empty. */
    private final Map<String, Class<?>> phases;
    private final String fold;

    /** Snapshots of states of {@code type} in {@code table}, written and served under {@code fold}. */
    public Snapshots(Pool pool, String table, Class<S> type, String fold) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.pool = pool;
        this.table = table;
        this.type = type;
        this.phases = type.isSealed() ? phases(type) : Map.of();
        this.fold = fold;
    }

    public Uni<Optional<Snapshot<S>>> find(String streamId) {
        return pool.preparedQuery("SELECT version, position, state, fold, account_id FROM " + table + " WHERE stream_id = $1").execute(Tuple.of(streamId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var row = rows.iterator().next();
                    if (!fold.equals(row.getString("fold"))) {
                        LOG.infof("snapshot of %s was folded by another build; folding its stream again", streamId);
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(new Snapshot<>(read(row.getJsonObject("state")), row.getLong("version"), row.getLong("position"),
                                row.getUUID("account_id")));
                    } catch (IOException e) {
                        LOG.warnf("snapshot of %s does not read as the current %s (%s); replaying its stream", streamId, type.getSimpleName(), e.getMessage());
                        return Optional.empty();
                    }
                });
    }

    /** Keeps the newest snapshot of a stream; an older one of the same fold never overwrites it, one of another fold always goes. */
    public Uni<Void> save(String streamId, Snapshot<S> snapshot) {
        return Uni.createFrom().deferred(() -> pool.preparedQuery("""
                INSERT INTO %1$s (stream_id, version, position, state, fold, account_id) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, position = excluded.position,
                    state = excluded.state, fold = excluded.fold, account_id = excluded.account_id, taken_at = now()
                WHERE %1$s.version < excluded.version OR %1$s.fold <> excluded.fold""".formatted(table))
                .execute(Tuple.of(streamId, snapshot.version(), snapshot.position(),
                        written(snapshot.state()), fold, snapshot.accountId())))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("could not snapshot %s at version %d: %s", streamId, snapshot.version(), failure.getMessage());
                    return null;
                });
    }

    /**
     * A state as it is kept: its record's fields; for a sealed type of phases, {@code {"phase": <the record's simple
     * name>, "state": <its fields>}}, since the state's own record carries no type of its own (a domain is plain Java).
     */
    private JsonObject written(S state) {
        JsonObject fields = new JsonObject(MAPPER.valueToTree(state).toString());
        return type.isSealed() ? new JsonObject().put(PHASE, state.getClass().getSimpleName()).put(STATE, fields) : fields;
    }

    private S read(JsonObject kept) throws IOException {
        if (!type.isSealed()) {
            return MAPPER.readValue(kept.encode(), type);
        }
        String phase = kept.getString(PHASE);
        Class<?> record = phase == null ? null : phases.get(phase);
        if (record == null) {
            throw new IOException("no phase " + phase + " of " + type.getSimpleName());
        }
        JsonObject fields = kept.getJsonObject(STATE);
        return type.cast(MAPPER.readValue(fields == null ? "{}" : fields.encode(), record));
    }

    /** The records a sealed type may be, by their simple names: its permitted subclasses, and theirs where they are sealed too. */
    private static Map<String, Class<?>> phases(Class<?> sealed) {
        Map<String, Class<?>> records = new HashMap<>();
        addPhases(sealed, records);
        return Map.copyOf(records);
    }

    private static void addPhases(Class<?> sealed, Map<String, Class<?>> records) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                addPhases(permitted, records);
            } else if (records.put(permitted.getSimpleName(), permitted) != null) {
                // a snapshot names its phase by its simple name: two alike could not be told apart
                throw new IllegalArgumentException(sealed.getName() + " has two phases named " + permitted.getSimpleName());
            }
        }
    }

    /**
     * SHA-256 of the catalog's versions with the upcasters, {@code revision}, and the class files of each folding
     * class's nest: raise {@code revision} when the fold changes outside those classes (a helper of {@code evolve}
     * elsewhere), and every snapshot is folded again.
     */
    public static String fingerprint(int revision, Class<?>... folding) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Upcasters.INSTANCE.fingerprint().getBytes(StandardCharsets.UTF_8));
            digest.update(("fold revision " + revision + "\n").getBytes(StandardCharsets.UTF_8));
            for (Class<?> root : folding) {
                Class<?>[] nest = root.getNestMembers();
                Arrays.sort(nest, Comparator.comparing(Class::getName));
                for (Class<?> member : nest) {
                    String file = member.getName().replace('.', '/') + ".class";
                    try (InputStream code = root.getClassLoader().getResourceAsStream(file)) {
                        if (code == null) {
                            throw new IllegalStateException("no class file " + file + " to fingerprint the fold with");
                        }
                        digest.update(member.getName().getBytes(StandardCharsets.UTF_8));
                        digest.update(code.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the fold of " + Arrays.toString(folding), e);
        }
    }
}
