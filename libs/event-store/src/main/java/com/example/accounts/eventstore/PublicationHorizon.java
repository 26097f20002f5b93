package com.example.accounts.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How far the relay may read (EVT-3): every event whose transaction id is below the horizon is committed and visible
 * in the relay's snapshot, or was rolled back, and no transaction will ever write one there.
 *
 * <p>Below {@code pg_snapshot_xmin} that holds trivially, but that minimum is over every open transaction of the
 * cluster (transaction ids are cluster-wide): one {@code BEGIN; SELECT pg_current_xact_id();} left open in any
 * database held publication still. Here the horizon passes every open transaction that provably cannot write events,
 * and stops only at one that may. It is read in one REPEATABLE READ transaction, the one the relay then reads its
 * batch in, so that all of it shares the snapshot S taken by its first statement (time t0):
 * <ol>
 * <li>S's {@code xmax} and its list of transactions in progress (the xip);</li>
 * <li>at t1 &gt; t0, one read of {@code pg_locks} (the main lock table is read under all its partition locks at once,
 * and neither transaction-id locks nor advisory locks ever take the fast path, so this is one consistent picture):
 * for each xid of the xip, the virtual transaction holding its own (granted, exclusive) transaction-id lock, and
 * whether that virtual transaction holds or awaits an {@link EventStore#WRITER_LOCK} in this database;</li>
 * <li>at t2 &gt; t1, {@code pg_xact_status} of those found holding no writer lock: only those still in progress
 * (in the proc array at t2) are passed over.</li>
 * </ol>
 * The horizon is the lowest xid of the xip not passed over, or S's xmax. Why that skips nothing: take a transaction T
 * that writes events with id X below the horizon. If X is not in the xip, T ended before t0 (X &lt; xmax) and S sees
 * all it committed. If X is in the xip, it was passed over: at t1 its virtual transaction held no writer lock, and at
 * t2 T was still in progress. But {@link EventStore#append} took T's writer lock while T had no id, so before X was
 * given (and X was given before t0), and PostgreSQL releases a transaction's locks only after it left the proc
 * array, so T held the lock from before t0 to after t2, through t1: contradiction. A transaction that has no id yet
 * gets one above S's xmax, so at or above the horizon; and one that has an id and no writer lock can never write an
 * event (an append must be its transaction's first write, or follow only its appends to the same account, whose
 * writer lock it then holds). Whatever cannot be told (an xid whose lock is not in the
 * table yet or any more, one that just ended) holds the horizon, for one poll.
 */
final class PublicationHorizon {

    /** The open transaction at the horizon: its pid when known, and whether it may write events. */
    record Blocker(long xid, Integer pid, boolean writer) {
    }

    /** Events of transactions below {@code below} can be published; {@code blocker} (or null) is what stops it there. */
    record Horizon(long below, Blocker blocker) {
    }

    private static final String LOCKS = """
            WITH locks AS MATERIALIZED (
                SELECT locktype, mode, granted, database, classid, objsubid, transactionid, virtualtransaction, pid FROM pg_locks
            )
            SELECT owner.transactionid::text AS xid32, owner.pid,
                   EXISTS (SELECT 1 FROM locks writer
                           WHERE writer.virtualtransaction = owner.virtualtransaction AND writer.locktype = 'advisory'
                             AND writer.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                             AND writer.classid::text = $2 AND writer.objsubid = 2) AS writer
            FROM locks owner
            WHERE owner.locktype = 'transactionid' AND owner.mode = 'ExclusiveLock' AND owner.granted
              AND owner.transactionid::text = ANY ($1::text[])""";

    private PublicationHorizon() {
    }

    /** Runs {@code work} in a REPEATABLE READ, read-only transaction on {@code connection}, so that all of it reads one snapshot. */
    static <T> Uni<T> inOneSnapshot(SqlConnection connection, Function<SqlConnection, Uni<T>> work) {
        return connection.begin().chain(transaction -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> work.apply(connection))
                .call(transaction::commit)
                .onFailure().call(() -> transaction.rollback().onFailure().recoverWithNull()));
    }

    /** Must be the first statement of an {@link #inOneSnapshot} transaction: it takes the snapshot. */
    static Uni<Horizon> read(SqlConnection connection) {
        return connection.query("""
                SELECT pg_snapshot_xmax(s)::text AS xmax, array(SELECT x::text FROM pg_snapshot_xip(s) AS x) AS xip
                FROM pg_current_snapshot() AS s""").execute()
                .chain(rows -> {
                    Row snapshot = rows.iterator().next();
                    long xmax = Long.parseLong(snapshot.getString("xmax"));
                    List<Long> inProgress = new ArrayList<>();
                    for (String xid : snapshot.getArrayOfStrings("xip")) {
                        inProgress.add(Long.parseLong(xid));
                    }
                    inProgress.sort(null);
                    if (inProgress.isEmpty()) {
                        return Uni.createFrom().item(new Horizon(xmax, null));
                    }
                    return owners(connection, inProgress).chain(owners -> passable(connection, owners)
                            .map(passed -> horizon(xmax, inProgress, owners, passed)));
                });
    }

    /** The xids of the snapshot's xip whose owner is in the lock table, with its pid and whether it holds a writer lock. */
    private static Uni<Map<Long, Blocker>> owners(SqlConnection connection, List<Long> inProgress) {
        Map<String, Long> byLowBits = new HashMap<>();
        inProgress.forEach(xid -> byLowBits.put(Long.toString(xid & 0xFFFF_FFFFL), xid));
        return connection.preparedQuery(LOCKS).execute(Tuple.tuple().addArrayOfString(byLowBits.keySet().toArray(String[]::new))
                .addString(Integer.toUnsignedString(EventStore.WRITER_LOCK)))
                .map(rows -> {
                    Map<Long, Blocker> owners = new HashMap<>();
                    for (Row row : rows) {
                        long xid = byLowBits.get(row.getString("xid32"));
                        owners.merge(xid, new Blocker(xid, row.getInteger("pid"), row.getBoolean("writer")),
                                (a, b) -> new Blocker(xid, a.pid(), a.writer() || b.writer()));
                    }
                    return owners;
                });
    }

    /** Of the owners that hold no writer lock, those still in progress now (after the lock table was read). */
    private static Uni<Set<Long>> passable(SqlConnection connection, Map<Long, Blocker> owners) {
        String[] candidates = owners.values().stream().filter(owner -> !owner.writer()).map(owner -> Long.toString(owner.xid()))
                .toArray(String[]::new);
        if (candidates.length == 0) {
            return Uni.createFrom().item(Set.of());
        }
        return connection.preparedQuery("SELECT x FROM unnest($1::text[]) AS u(x) WHERE pg_xact_status(x::xid8) = 'in progress'")
                .execute(Tuple.tuple().addArrayOfString(candidates))
                .map(rows -> {
                    Set<Long> passed = new HashSet<>();
                    rows.forEach(row -> passed.add(Long.parseLong(row.getString("x"))));
                    return passed;
                });
    }

    private static Horizon horizon(long xmax, List<Long> inProgress, Map<Long, Blocker> owners, Set<Long> passed) {
        for (long xid : inProgress) {
            if (!passed.contains(xid)) {
                return new Horizon(xid, owners.getOrDefault(xid, new Blocker(xid, null, true)));
            }
        }
        return new Horizon(xmax, null);
    }
}
