package com.example.accounts.eventstore;

import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EVT-3: publication goes on past transactions that cannot write events, says why it is behind, and its lead can change hands. */
class RelayLivenessTest {

    private final StoreFixture fixture = new StoreFixture();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        fixture.close();
    }

    private OutboxRelay startedRelay(Pool pool) {
        OutboxRelay relay = fixture.relay(pool);
        closing.add(relay);
        relay.start();
        return relay;
    }

    private Set<UUID> append(UUID account, long afterVersion, int events) {
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(StoreFixture.userAdded(account));
        }
        fixture.store.append(StoreFixture.stream(account), account, afterVersion, batch, StoreFixture.metadata()).await().indefinitely();
        Set<UUID> ids = new HashSet<>();
        batch.forEach(e -> ids.add(e.eventId()));
        return ids;
    }

    /** A connection to {@code database} with a transaction that has an id and stays open: {@code BEGIN; SELECT pg_current_xact_id();}. */
    private SqlConnection openTransactionIn(String database) {
        PgConnectOptions options = fixture.connectOptions().setDatabase(database);
        SqlConnection connection = PgConnection.connect(StoreFixture.VERTX, options).await().indefinitely();
        closing.add(() -> connection.close().await().indefinitely());
        connection.query("BEGIN").execute().await().indefinitely();
        connection.query("SELECT pg_current_xact_id()").execute().await().indefinitely();
        return connection;
    }

    @Test
    void theStatusReadsAtMostAThousandEventsOfTheBacklogTheOldestFirst() {
        OutboxRelay relay = fixture.relay(fixture.pool);
        closing.add(relay);
        append(UUID.randomUUID(), 0, 1_500);

        // nothing published yet: a backlog of 1,500, of which the status reads the first thousand in the relay's order
        RelayStatus status = relay.status().await().indefinitely();
        assertEquals(1_000, status.unpublished(), status.reason());
        assertTrue(status.reason().startsWith("at least 1000 committed events not yet published"), status.reason());
    }

    @Test
    void EVT3_aTransactionLeftOpenInAnotherDatabaseDoesNotHoldPublicationBack() {
        openTransactionIn("postgres");
        OutboxRelay relay = startedRelay(fixture.pool);
        UUID account = UUID.randomUUID();

        Set<UUID> appended = append(account, 0, 5);

        StoreFixture.assertEveryEventOnceInAccountOrder(appended, fixture.readAll(appended.size(), Duration.ofSeconds(15)));
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.status().await().indefinitely().unpublished() == 0);
        RelayStatus status = relay.status().await().indefinitely();
        assertNull(status.heldBackBy(), status.reason());
        assertTrue(status.leading());
    }

    @Test
    void EVT3_aWriterThatKeepsItsTransactionOpenIsNamedInTheStatusAndEndedAtTheWriterTimeout() {
        EventStore store = new EventStore(fixture.pool, fixture.topic, Duration.ofSeconds(4));
        OutboxRelay relay = startedRelay(fixture.pool);
        UUID stalled = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        SqlConnection writer = fixture.pool.getConnection().await().indefinitely();
        closing.add(() -> writer.close().await().indefinitely());
        writer.begin().await().indefinitely();
        store.append(writer, StoreFixture.stream(stalled), stalled, 0, List.of(StoreFixture.userAdded(stalled)), StoreFixture.metadata())
                .await().indefinitely();
        String xid = writer.query("SELECT pg_current_xact_id()::text").execute().await().indefinitely().iterator().next().getString(0);
        Set<UUID> later = append(other, 0, 3);

        // The writer now idles with its transaction open: the relay may not pass it, and says so.
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.status().await().indefinitely().heldBackBy() != null);
        RelayStatus held = relay.status().await().indefinitely();
        assertEquals(3, held.unpublished(), held.reason());
        assertTrue(held.heldBackBy().startsWith("transaction " + xid + " open "), held.reason());
        assertTrue(held.heldBackBy().contains("in database " + fixture.database), held.reason());
        assertTrue(held.reason().contains("3 committed events not yet published"), held.reason());

        // PostgreSQL ends the idle writer at its timeout; what it appended was never written, the rest is published.
        StoreFixture.assertEveryEventOnceInAccountOrder(later, fixture.readAll(later.size(), Duration.ofSeconds(20)));
        assertTrue(fixture.store.readStream(StoreFixture.stream(stalled), 0).await().indefinitely().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.status().await().indefinitely().unpublished() == 0);
    }

    @Test
    void EVT3_whenTheLeaderStopsDuringAKafkaOutageAnotherRelayTakesTheLead() {
        Pool leaderPool = fixture.pool(4);
        closing.add(() -> leaderPool.close().await().indefinitely());
        OutboxRelay leader = startedRelay(leaderPool);
        Set<UUID> all = new HashSet<>(append(UUID.randomUUID(), 0, 2));
        fixture.readAll(all.size(), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> leader.status().await().indefinitely().leading());
        Pool standbyPool = fixture.pool(4);
        closing.add(() -> standbyPool.close().await().indefinitely());
        OutboxRelay standby = startedRelay(standbyPool);

        fixture.platform.kafka().stopProcess();
        try {
            all.addAll(append(UUID.randomUUID(), 0, 3));
            // The leader's relay stops while it cannot publish; its pool, as a running service's would, stays open.
            leader.close();
        } finally {
            fixture.platform.kafka().startProcess();
        }
        all.addAll(append(UUID.randomUUID(), 0, 3));

        StoreFixture.assertEveryEventOnceInAccountOrder(all, fixture.readAll(all.size(), Duration.ofSeconds(60)));
        assertTrue(standby.status().await().indefinitely().leading(), "the standby took the lead");
    }
}
