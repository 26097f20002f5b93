package com.example.accounts.eventstore;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventStoreTest {

    private final StoreFixture fixture = new StoreFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void EVT1_appendsWithExpectedVersionAndReadsTheStreamBack() {
        UUID account = UUID.randomUUID();
        String stream = StoreFixture.stream(account);
        AppendResult first = fixture.store.append(stream, account, 0, List.of(StoreFixture.userAdded(account), StoreFixture.userAdded(account)),
                StoreFixture.metadata()).await().indefinitely();
        AppendResult second = fixture.store.append(stream, account, 2, List.of(StoreFixture.userAdded(account)),
                StoreFixture.metadata()).await().indefinitely();

        assertEquals(2, first.streamVersion());
        assertEquals(3, second.streamVersion());
        assertTrue(second.lastPosition() > first.lastPosition());
        var events = fixture.store.readStream(stream, 0).await().indefinitely();
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.version()).toList());
        assertEquals(1, fixture.store.readStream(stream, 2).await().indefinitely().size());
    }

    @Test
    void EVT1_aStaleExpectedVersionIsAConflict() {
        UUID account = UUID.randomUUID();
        String stream = StoreFixture.stream(account);
        fixture.store.append(stream, account, 0, List.of(StoreFixture.userAdded(account)), StoreFixture.metadata()).await().indefinitely();

        assertThrows(ConcurrencyConflict.class, () -> fixture.store.append(stream, account, 0, List.of(StoreFixture.userAdded(account)),
                StoreFixture.metadata()).await().indefinitely());
        assertEquals(1, fixture.store.readStream(stream, 0).await().indefinitely().size());
    }

    @Test
    void EVT1_ofTwentyConcurrentAppendsAtTheSameVersionExactlyOneWins() {
        UUID account = UUID.randomUUID();
        String stream = StoreFixture.stream(account);
        AtomicInteger conflicts = new AtomicInteger();
        List<Uni<Boolean>> attempts = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> fixture.store.append(stream, account, 0, List.of(StoreFixture.userAdded(account)), StoreFixture.metadata())
                        .map(ok -> true)
                        .onFailure(ConcurrencyConflict.class).recoverWithItem(failure -> {
                            conflicts.incrementAndGet();
                            return false;
                        }))
                .toList();

        List<?> outcomes = Uni.join().all(attempts).andFailFast().await().indefinitely();

        assertEquals(19, conflicts.get());
        assertEquals(20, outcomes.size());
        assertEquals(1, fixture.store.readStream(stream, 0).await().indefinitely().size());
    }

    @Test
    void EVT3_anAppendAfterAnotherWriteOfItsTransactionIsRefusedAndWritesNothing() {
        UUID account = UUID.randomUUID();
        String stream = StoreFixture.stream(account);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> fixture.pool.withTransaction(connection -> connection
                .query("INSERT INTO relay_checkpoints (relay, tx_id, position) VALUES ('a write before the append', '1', 1)").execute()
                .chain(() -> fixture.store.append(connection, stream, account, 0, List.of(StoreFixture.userAdded(account)), StoreFixture.metadata())))
                .await().indefinitely());

        assertTrue(refused.getMessage().contains("must be the first write of its transaction"), refused.getMessage());
        assertTrue(fixture.store.readStream(stream, 0).await().indefinitely().isEmpty());
        assertEquals(0, fixture.pool.query("SELECT count(*) FROM relay_checkpoints").execute().await().indefinitely().iterator().next().getLong(0));
    }

    @Test
    void EVT3_aTransactionMayAppendAgainToTheSameAccountButNotToAnother() {
        UUID account = UUID.randomUUID();
        UUID another = UUID.randomUUID();
        String stream = StoreFixture.stream(account);
        AppendResult grouped = fixture.pool.withTransaction(connection -> fixture.store.append(connection, stream, account, 0,
                List.of(StoreFixture.userAdded(account)), StoreFixture.metadata())
                .chain(() -> fixture.store.append(connection, stream, account, 1, List.of(StoreFixture.userAdded(account)), StoreFixture.metadata())))
                .await().indefinitely();
        assertEquals(2, grouped.streamVersion());

        assertThrows(IllegalStateException.class, () -> fixture.pool.withTransaction(connection -> fixture.store.append(connection, stream, account, 2,
                List.of(StoreFixture.userAdded(account)), StoreFixture.metadata())
                .chain(() -> fixture.store.append(connection, StoreFixture.stream(another), another, 0, List.of(StoreFixture.userAdded(another)),
                        StoreFixture.metadata())))
                .await().indefinitely());
        assertEquals(2, fixture.store.readStream(stream, 0).await().indefinitely().size());
        assertTrue(fixture.store.readStream(StoreFixture.stream(another), 0).await().indefinitely().isEmpty());
    }

    @Test
    void EVT2_anEventThatBreaksItsSchemaIsNotStored() {
        UUID account = UUID.randomUUID();
        var broken = new NewEvent(UUID.randomUUID(), "UserAdded", 1, com.example.accounts.contract.EventJson.MAPPER.createObjectNode().put("name", "x"));
        assertThrows(com.example.accounts.contract.MalformedEventException.class,
                () -> fixture.store.append(StoreFixture.stream(account), account, 0, List.of(broken), StoreFixture.metadata()).await().indefinitely());
        assertTrue(fixture.store.readStream(StoreFixture.stream(account), 0).await().indefinitely().isEmpty());
    }
}
