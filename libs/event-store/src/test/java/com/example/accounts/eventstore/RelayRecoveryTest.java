package com.example.accounts.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** EVT-3 when things break: Kafka down while commands keep arriving, and the relay killed in the middle of a batch. */
class RelayRecoveryTest {

    private final StoreFixture fixture = new StoreFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private Set<UUID> appendToAccounts(int accounts, int eventsEach) {
        Set<UUID> appended = new HashSet<>();
        List<UUID> ids = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            ids.add(UUID.randomUUID());
        }
        for (int version = 0; version < eventsEach; version += 10) {
            for (UUID account : ids) {
                List<NewEvent> events = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    events.add(StoreFixture.userAdded(account));
                }
                fixture.store.append(StoreFixture.stream(account), account, version, events, StoreFixture.metadata()).await().indefinitely();
                events.forEach(e -> appended.add(e.eventId()));
            }
        }
        return appended;
    }

    @Test
    void EVT3_eventsAppendedWhileKafkaIsDownArriveInEachAccountsOrderOnceItIsBack() {
        try (OutboxRelay relay = fixture.relay(fixture.pool)) {
            relay.start();
            Set<UUID> before = appendToAccounts(3, 20);
            fixture.readAll(before.size(), Duration.ofSeconds(60));

            fixture.platform.kafka().stopProcess();
            Set<UUID> during = appendToAccounts(5, 40);
            sleep(3000); // the relay keeps failing against the stopped broker meanwhile
            fixture.platform.kafka().startProcess();

            Set<UUID> all = new HashSet<>(before);
            all.addAll(during);
            StoreFixture.assertEveryEventOnceInAccountOrder(all, fixture.readAll(all.size(), Duration.ofSeconds(120)));
        }
    }

    @Test
    void EVT3_aRelayKilledMidBatchLosesNothingAndRepeatsOnlyTheSameEvents() throws Exception {
        Set<UUID> appended = appendToAccounts(20, 600);
        Process first = startRelayProcess();
        // Kill it as soon as the first events are on the topic, long before the 12,000 are all there.
        int seenAtKill = waitForSomeEvents();
        first.destroyForcibly().waitFor();
        assertTrue(seenAtKill < appended.size(), "the relay was killed before it published everything");

        Process second = startRelayProcess();
        try {
            StoreFixture.assertEveryEventOnceInAccountOrder(appended, fixture.readAll(appended.size(), Duration.ofSeconds(120)));
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    private int waitForSomeEvents() {
        var records = fixture.readAll(1, Duration.ofSeconds(60));
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(PublishedEvents.read(r.value()).eventId().toString()));
        return ids.size();
    }

    private Process startRelayProcess() throws Exception {
        Path log = Files.createTempFile("relay", ".log");
        return new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                RelayProcess.class.getName(), Integer.toString(fixture.platform.postgres().port()), fixture.database, fixture.topic, fixture.bootstrap())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
