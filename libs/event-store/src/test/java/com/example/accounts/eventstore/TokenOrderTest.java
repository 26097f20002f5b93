package com.example.accounts.eventstore;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PRM-4 at its cause: a consistency token (topic, account, position) is answered once the account's events up to that
 * position are applied, so within an account the relay must publish positions in increasing order, whichever
 * streams and transactions wrote them.
 */
class TokenOrderTest {

    private final StoreFixture fixture = new StoreFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void PRM4_aSecondTransactionOfTheAccountDrawsItsPositionsOnlyAfterTheFirstEnded() {
        UUID account = UUID.randomUUID();
        SqlConnection first = fixture.pool.getConnection().await().indefinitely();
        try {
            var firstTx = first.begin().await().indefinitely();
            long firstPosition = fixture.store.append(first, "session-" + UUID.randomUUID(), account, 0, List.of(StoreFixture.userAdded(account)),
                    StoreFixture.metadata()).await().indefinitely().lastPosition();

            // Started second, on another stream of the same account: it waits for the first instead of drawing 11 beside its 10.
            var second = fixture.store.append("session-" + UUID.randomUUID(), account, 0, List.of(StoreFixture.userAdded(account)),
                    StoreFixture.metadata()).subscribeAsCompletionStage();
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingWriters() == 1);
            assertFalse(second.isDone());
            firstTx.commit().await().indefinitely();

            long secondPosition = second.join().lastPosition();
            assertTrue(secondPosition > firstPosition);
            assertEquals(List.of(firstPosition, secondPosition), positionsInRelayOrder(account));
        } finally {
            first.close().await().indefinitely();
        }
    }

    @Test
    void PRM4_underConcurrentTransactionsOfOneAccountTheRelayPublishesItsPositionsInOrder() throws Exception {
        UUID account = UUID.randomUUID();
        Set<UUID> appended = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String stream = "session-" + UUID.randomUUID();
            done.add(writers.submit(() -> {
                for (int version = 0; version < 60; version += 3) {
                    List<NewEvent> events = List.of(StoreFixture.userAdded(account), StoreFixture.userAdded(account), StoreFixture.userAdded(account));
                    fixture.store.append(stream, account, version, events, StoreFixture.metadata()).await().indefinitely();
                    events.forEach(e -> appended.add(e.eventId()));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        writers.shutdown();

        List<Long> relayOrder = positionsInRelayOrder(account);
        assertEquals(relayOrder.stream().sorted().toList(), relayOrder, "positions in (transaction id, position) order");
        try (OutboxRelay relay = fixture.relay(fixture.pool)) {
            relay.start();
            assertPositionsRiseInPublishedOrder(fixture.readAll(appended.size(), Duration.ofSeconds(60)));
        }
    }

    /** The order in which the relay publishes the account's events. */
    private List<Long> positionsInRelayOrder(UUID account) {
        List<Long> positions = new ArrayList<>();
        fixture.pool.preparedQuery("SELECT position FROM events WHERE account_id = $1 ORDER BY tx_id, position").execute(Tuple.of(account))
                .await().indefinitely().forEach(row -> positions.add(row.getLong(0)));
        return positions;
    }

    private long waitingWriters() {
        return fixture.pool.preparedQuery("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid::text = $1
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .execute(Tuple.of(Integer.toUnsignedString(EventStore.WRITER_LOCK))).await().indefinitely().iterator().next().getLong(0);
    }

    private static void assertPositionsRiseInPublishedOrder(List<ConsumerRecord<String, String>> records) {
        Map<String, Long> last = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            var event = PublishedEvents.read(record.value());
            if (!seen.add(event.eventId())) {
                continue;
            }
            Long previous = last.put(record.key(), event.position());
            if (previous != null) {
                assertTrue(event.position() > previous, "account " + record.key() + ": position " + event.position() + " published after " + previous);
            }
        }
    }
}
