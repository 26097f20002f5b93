package com.example.accounts.permission.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one generation stands: the positions it has applied (per partition, where its projector resumes and how far a
 * rebuild has caught up; per topic, what PRM-4's outsiders wait on), its dead letters for the status (EVT-1, PRM-1),
 * and every row, which PRM-5's rebuild test compares.
 */
public final class ReadModelInspection {

    private static final Duration DB = Duration.ofSeconds(30);

    private final Pool pool;
    private final ReadModelSchema tables;

    ReadModelInspection(Pool pool, ReadModelSchema tables) {
        this.pool = pool;
        this.tables = tables;
    }

    /** PRM-4: per topic, the highest position applied, of any account. */
    public Uni<Map<String, Long>> frontier() {
        return pool.query(tables.sql("SELECT topic, max(position) FROM {rm}.account_positions GROUP BY topic")).execute().map(rows -> {
            Map<String, Long> positions = new HashMap<>();
            rows.forEach(row -> positions.put(row.getString(0), row.getLong(1)));
            return positions;
        });
    }

    /** Where the next poll of each partition starts: the offsets this generation has applied, plus one. */
    public Map<String, Map<Integer, Long>> nextOffsets() {
        Map<String, Map<Integer, Long>> offsets = new HashMap<>();
        for (Row row : pool.query(tables.sql("SELECT topic, partition, next_offset FROM {rm}.partition_offsets")).execute().await().atMost(DB)) {
            offsets.computeIfAbsent(row.getString(0), t -> new HashMap<>()).put(row.getInteger(1), row.getLong(2));
        }
        return offsets;
    }

    /** Every row of every model table, as text in a stable order: what PRM-5's rebuild test compares. */
    public Map<String, List<String>> rows() {
        Map<String, List<String>> byTable = new TreeMap<>();
        for (String table : ReadModelSchema.MODEL_TABLES) {
            List<String> rows = new ArrayList<>();
            pool.query("SELECT t::text FROM " + tables.name() + "." + table + " t ORDER BY 1").execute().await().atMost(DB)
                    .forEach(row -> rows.add(row.getString(0)));
            byTable.put(table, rows);
        }
        return byTable;
    }

    /** The dead letters of this generation, newest first, at most {@code limit}. */
    public List<Map<String, Object>> deadLetters(int limit) {
        return deadLetters("", limit);
    }

    /** The dead letters of events that came at a (stream, version) applied with another event (EVT-1), newest first. */
    public List<Map<String, Object>> diverged(int limit) {
        return deadLetters("WHERE starts_with(reason, '" + ReadModelWriter.DIVERGED + "')", limit);
    }

    public long divergedCount() {
        return pool.query(tables.sql("SELECT count(*) FROM {rm}.dead_letters WHERE starts_with(reason, '" + ReadModelWriter.DIVERGED + "')"))
                .execute().await().atMost(DB).iterator().next().getLong(0);
    }

    private List<Map<String, Object>> deadLetters(String where, int limit) {
        List<Map<String, Object>> letters = new ArrayList<>();
        pool.preparedQuery(tables.sql("SELECT topic, partition, record_offset, account_id, event_type, reason FROM {rm}.dead_letters " + where
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
        return pool.query(tables.sql("SELECT count(*) FROM {rm}.dead_letters")).execute().await().atMost(DB).iterator().next().getLong(0);
    }
}
