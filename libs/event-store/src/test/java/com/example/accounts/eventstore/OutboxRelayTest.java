package com.example.accounts.eventstore;

import io.vertx.mutiny.sqlclient.SqlConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutboxRelayTest {

    private final StoreFixture fixture = new StoreFixture();
    private OutboxRelay relay;

    @AfterEach
    void close() {
        if (relay != null) {
            relay.close();
        }
        fixture.close();
    }

    private void startRelay() {
        relay = fixture.relay(fixture.pool);
        relay.start();
    }

    @Test
    void EVT3_anEventWhoseTransactionCommitsAfterALaterPositionWasPublishedIsNotSkipped() throws Exception {
        startRelay();
        UUID slowAccount = UUID.randomUUID();
        UUID fastAccount = UUID.randomUUID();
        Set<UUID> appended = ConcurrentHashMap.newKeySet();

        // The slow transaction takes its position first and commits last.
        SqlConnection slow = fixture.pool.getConnection().await().indefinitely();
        var slowTx = slow.begin().await().indefinitely();
        NewEvent slowEvent = StoreFixture.userAdded(slowAccount);
        long slowPosition = fixture.store.append(slow, StoreFixture.stream(slowAccount), slowAccount, 0, List.of(slowEvent), StoreFixture.metadata())
                .await().indefinitely().lastPosition();
        appended.add(slowEvent.eventId());

        for (int i = 0; i < 5; i++) {
            NewEvent fast = StoreFixture.userAdded(fastAccount);
            long position = fixture.store.append(StoreFixture.stream(fastAccount), fastAccount, i, List.of(fast), StoreFixture.metadata())
                    .await().indefinitely().lastPosition();
            appended.add(fast.eventId());
            org.junit.jupiter.api.Assertions.assertTrue(position > slowPosition);
        }
        Thread.sleep(500);
        slowTx.commit().await().indefinitely();
        slow.close().await().indefinitely();

        StoreFixture.assertEveryEventOnceInAccountOrder(appended, fixture.readAll(appended.size(), Duration.ofSeconds(30)));
    }

    @Test
    void EVT3_concurrentAppendsCommittingOutOfPositionOrderAllArriveInEachAccountsOrder() throws Exception {
        startRelay();
        Set<UUID> appended = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            UUID account = UUID.randomUUID();
            done.add(writers.submit(() -> {
                for (int version = 0; version < 40; version++) {
                    NewEvent event = StoreFixture.userAdded(account);
                    int delay = ThreadLocalRandom.current().nextInt(0, 15);
                    long expected = version;
                    // Hold the transaction open a random while after taking a position, so commits interleave.
                    fixture.pool.withTransaction(connection -> fixture.store.append(connection, StoreFixture.stream(account), account, expected,
                            List.of(event), StoreFixture.metadata())
                            .call(() -> connection.query("SELECT pg_sleep(" + delay / 1000.0 + ")").execute()))
                            .await().indefinitely();
                    appended.add(event.eventId());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        writers.shutdown();

        StoreFixture.assertEveryEventOnceInAccountOrder(appended, fixture.readAll(appended.size(), Duration.ofSeconds(60)));
        assertEquals(320, appended.size());
    }
}
