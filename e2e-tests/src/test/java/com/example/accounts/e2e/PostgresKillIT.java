package com.example.accounts.e2e;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.KafkaServer;
import com.example.accounts.launcher.Net;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.Platform.Service;
import com.example.accounts.launcher.Ports;
import com.example.accounts.launcher.PostgresServer;
import com.example.accounts.launcher.ServiceProcess;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EVT-1 and EVT-3 where only a crash can prove them: PostgreSQL, with the durable settings the local run and the
 * benchmark use, SIGKILLed while writers add companies through account-service's REST API with real tokens, then
 * started again on the same cluster. Every command answered 201 is in the store at the version its ETag named; the
 * relay then publishes what the store holds and nothing else: no event the crash took back, none at a (stream,
 * version) the store holds with another event id. account-service runs as built, with the test platform's Keycloak
 * but a PostgreSQL and a Kafka of this test's own (a consistency token names the real topic, so the topic cannot be
 * renamed), so the other end-to-end tests' services never see its events.
 */
class PostgresKillIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int ACCOUNTS = 4;
    private static final int WRITERS = 8;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Platform platform;
    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static ServiceProcess service;
    private static String token;

    /** A command account-service answered 201: the company it added and the account's version after it (its ETag). */
    private record Acknowledged(String accountId, String companyId, long version) {
    }

    /** An event as the store holds it. */
    private record Stored(String eventId, String type, String companyId) {
    }

    @BeforeAll
    static void servers() {
        platform = TestPlatform.get();
        Path dir = platform.runDir().resolve("kill-" + RUN);
        postgres = PostgresServer.start(dir, List.of(Service.ACCOUNT.database), Ports.FREE, PostgresServer.Durability.DURABLE);
        kafka = KafkaServer.start(platform.installation(), dir, Ports.FREE, KafkaServer.QUICK_START_JVM);
        service = platform.startInstance(Service.ACCOUNT, Net.freePort(), Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(Service.ACCOUNT.database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(Service.ACCOUNT.database),
                "kafka.bootstrap.servers", kafka.bootstrapServers()));
        // a token of its own: the JVM's shared one may be minutes old already
        token = Tokens.password(platform.keycloak().realmUrl(), Tokens.DEMO_ADMIN, Tokens.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
            // the run's folder is kept between runs of the suite: this test's data is not (its logs are)
            for (String data : List.of("postgres", "kafka")) {
                deleteRecursively(postgres.dataDir().resolveSibling(data));
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void EVT1_EVT3_postgresKilledUnderConcurrentCommandsKeepsEveryAcknowledgedOneAndPublishesOnlyWhatItKept() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(openAccount("Kill " + RUN + " " + i));
        }
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String account = accounts.get(w % ACCOUNTS);
            String writer = "w" + w;
            running.add(writers.submit(() -> {
                for (int n = 0; writing.get(); n++) {
                    Acknowledged ack = addCompany(account, writer + "-" + n);
                    if (ack != null) {
                        acknowledged.add(ack);
                    } else {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 300);
        postgres.kill();
        int beforeTheKill = acknowledged.size();
        postgres.startProcess();
        // commands after the restart too: a version the crash took back would be written again, with another event
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= beforeTheKill + 100);
        writing.set(false);
        for (Future<?> writer : running) {
            writer.get();
        }
        writers.shutdown();

        Map<String, Stored> stored = stored();
        Set<String> storedIds = stored.values().stream().map(Stored::eventId).collect(Collectors.toSet());
        // EVT-3: the relay publishes every committed event; once the topic holds each stored one (or 30 s passed), compare
        List<List<EventEnvelope>> read = new ArrayList<>(List.of(List.of()));
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                read.set(0, published());
                return read.get(0).stream().map(e -> e.eventId().toString()).collect(Collectors.toSet()).containsAll(storedIds);
            });
        } catch (ConditionTimeoutException e) {
            // the assertions below say what is missing
        }
        List<EventEnvelope> published = read.get(0);

        List<String> lost = acknowledged.stream()
                .filter(ack -> {
                    Stored event = stored.get(key("account-" + ack.accountId(), ack.version()));
                    return event == null || !ack.companyId().equals(event.companyId());
                })
                .map(ack -> ack.companyId() + " at " + key("account-" + ack.accountId(), ack.version())).toList();
        List<String> publishedNotStored = published.stream()
                .filter(e -> {
                    Stored event = stored.get(key(e.streamId(), e.version()));
                    return event == null || !event.eventId().equals(e.eventId().toString());
                })
                .map(e -> e.eventId() + " at " + key(e.streamId(), e.version())).distinct().toList();
        Set<String> publishedIds = published.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet());
        long storedNotPublished = stored.values().stream().filter(event -> !publishedIds.contains(event.eventId())).count();
        System.out.printf("EVT-1/EVT-3 kill: %d acknowledged (%d before the kill), %d failed or refused, %d stored, %d published (%d distinct);"
                + " %d acknowledged but lost, %d published but not stored as published, %d stored but not published%n",
                acknowledged.size(), beforeTheKill, failed.get(), stored.size(), published.size(), publishedIds.size(),
                lost.size(), publishedNotStored.size(), storedNotPublished);

        assertEquals(List.of(), lost, "EVT-1: every command answered 201 is in the store, at the version of its ETag, after the crash");
        assertEquals(List.of(), publishedNotStored, "EVT-3: every published event is in the store with the same id at its (stream, version)");
        assertEquals(0, storedNotPublished, "EVT-3: every stored event is published");
        assertTrue(beforeTheKill >= 300, "the kill came under load");
    }

    /** What the relay published to account-events on this test's Kafka, read committed from the beginning, each read against the contract. */
    private static List<EventEnvelope> published() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "isolation.level", "read_committed",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACCOUNT_EVENTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(Topics.ACCOUNT_EVENTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<EventEnvelope> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("account-events could not be read to its end within 30 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(PublishedEvents.read(record.value()));
                }
            }
            return events;
        }
    }

    private static String key(String stream, long version) {
        return stream + "@" + version;
    }

    /** The store's events of this run, by (stream, version). */
    private static Map<String, Stored> stored() {
        Map<String, Stored> stored = new HashMap<>();
        String rows = postgres.psql(Service.ACCOUNT.database,
                "SELECT stream_id, version, event_id, type, coalesce(data->>'companyId', '') FROM events ORDER BY position");
        for (String row : rows.split("\n")) {
            String[] columns = row.split("\\|", -1);
            stored.put(key(columns[0], Long.parseLong(columns[1])), new Stored(columns[2], columns[3], columns[4]));
        }
        return stored;
    }

    private static String openAccount(String name) throws Exception {
        String body = """
                {"name": "%s", "plan": {"modules": ["REMOTE_SUPPORT"], "seats": [{"module": "REMOTE_SUPPORT", "seats": 1}]},
                 "admin": {"name": "Ada Admin", "email": "%s"}}""".formatted(name, Tokens.DEMO_ADMIN);
        HttpResponse<String> response = HTTP.send(post("/accounts", body), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("accountId").asText();
    }

    /** One command; its acknowledgement when answered 201, else null (refused, failed, or cut off by the crash: unknown). */
    private static Acknowledged addCompany(String account, String name) {
        try {
            HttpResponse<String> response = HTTP.send(post("/accounts/" + account + "/companies", "{\"name\": \"" + name + "\"}"),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                return null;
            }
            JsonNode company = JSON.readTree(response.body());
            long version = Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", "").replace("W/", ""));
            return new Acknowledged(account, company.get("companyId").asText(), version);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
