package com.example.accounts.e2e;

import com.example.accounts.launcher.KafkaServer;
import com.example.accounts.launcher.Net;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.Platform.Service;
import com.example.accounts.launcher.Ports;
import com.example.accounts.launcher.PostgresServer;
import com.example.accounts.launcher.ServiceProcess;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The schema migrations (Flyway, at every service's start) where only started services can show them: account-service
 * as built, the three owners of its tables (the event store's migrations, the idempotency keys', its own) run from
 * their jars. Each test has a database of its own, and the instances a Kafka of this test's own (a consistency token
 * names the real topic, so the topic cannot be renamed), so the other end-to-end tests' services never see their events.
 */
class MigrationsIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** What flyway_schema_history holds on a database of account-service once migrated, in the order applied: each migration once. */
    private static final String MIGRATED = "1.1|SQL\n2.1|SQL\n10.1|SQL";

    /**
     * account-service's tables as the versions before the migrations created them at start (libs/event-store's
     * EventStore, the kit's IdempotencyKeys, account-service's snapshots and login index), with the event store of the
     * version before stored_at: an old local run's data.
     */
    private static final String BEFORE_MIGRATIONS = """
            CREATE TABLE events (
                position        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                stream_id       text        NOT NULL,
                version         bigint      NOT NULL,
                event_id        uuid        NOT NULL UNIQUE,
                account_id      uuid        NOT NULL,
                type            text        NOT NULL,
                schema_version  int         NOT NULL,
                data            jsonb       NOT NULL,
                metadata        jsonb       NOT NULL,
                recorded_at     timestamptz NOT NULL DEFAULT now(),
                tx_id           xid8        NOT NULL DEFAULT pg_current_xact_id(),
                PRIMARY KEY (stream_id, version)
            );
            CREATE INDEX events_relay_order ON events (tx_id, position);
            CREATE TABLE relay_checkpoints (relay text PRIMARY KEY, tx_id xid8 NOT NULL, position bigint NOT NULL);
            CREATE TABLE idempotency_keys (
                login_id text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, answer jsonb NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (login_id, key));
            CREATE TABLE account_snapshots (
                stream_id text PRIMARY KEY, version bigint NOT NULL, position bigint NOT NULL, state jsonb NOT NULL,
                taken_at timestamptz NOT NULL DEFAULT now(), fold text NOT NULL DEFAULT '', account_id uuid);
            CREATE INDEX events_user_added_login ON events ((data->>'loginId')) WHERE type = 'UserAdded';
            """;

    private static Platform platform;
    private static KafkaServer kafka;
    private static String token;

    @BeforeAll
    static void servers() {
        platform = TestPlatform.get();
        kafka = KafkaServer.start(platform.installation(), platform.runDir().resolve("migrations-" + RUN), Ports.FREE, KafkaServer.QUICK_START_JVM);
        token = Tokens.password(platform.keycloak().realmUrl(), Tokens.DEMO_ADMIN, Tokens.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() throws IOException {
        if (kafka != null) {
            kafka.close();
            // the run's folder is kept between runs of the suite: this test's data is not (its logs are)
            Path data = platform.runDir().resolve("migrations-" + RUN).resolve("kafka");
            if (Files.exists(data)) {
                try (Stream<Path> files = Files.walk(data)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    @Test
    void twoInstancesStartingTogetherOnOneEmptyDatabaseBothBecomeReadyAndApplyEachMigrationOnce() throws Exception {
        String database = database("together");
        List<ServiceProcess> instances = platform.startInstancesTogether(Service.ACCOUNT, 2, config(database));
        try {
            assertEquals(MIGRATED, history(database));
            for (ServiceProcess instance : instances) {
                openAccount(instance, "Together " + RUN + " " + instance.baseUrl());
            }
        } finally {
            instances.forEach(ServiceProcess::close);
        }
    }

    @Test
    void aDatabaseOfTheVersionBeforeMigrationsIsBaselinedAndKeepsItsRows() throws Exception {
        String database = database("before");
        platform.postgres().psql(database, BEFORE_MIGRATIONS);
        platform.postgres().psql(database, "INSERT INTO relay_checkpoints (relay, tx_id, position) VALUES ('kept', '5', 7)");
        try (ServiceProcess instance = platform.startInstance(Service.ACCOUNT, Net.freePort(), config(database))) {
            assertEquals("0|BASELINE\n" + MIGRATED, history(database));
            assertEquals("5|7", platform.postgres().psql(database, "SELECT tx_id, position FROM relay_checkpoints WHERE relay = 'kept'").strip());
            // the column the event store's migration adds to a store older than it
            assertEquals("1", platform.postgres().psql(database,
                    "SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'stored_at'").strip());
            openAccount(instance, "Before " + RUN);
        }
    }

    private static String database(String name) {
        String database = "migrations_" + name + "_" + RUN.replace('-', '_');
        platform.postgres().createDatabase(database);
        return database;
    }

    private static Map<String, String> config(String database) {
        PostgresServer postgres = platform.postgres();
        return Map.of("quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    private static String history(String database) {
        return platform.postgres().psql(database,
                "SELECT version, type FROM flyway_schema_history WHERE success ORDER BY installed_rank").strip();
    }

    private static void openAccount(ServiceProcess instance, String name) throws Exception {
        String body = """
                {"name": "%s", "plan": {"modules": ["REMOTE_SUPPORT"], "seats": [{"module": "REMOTE_SUPPORT", "seats": 1}]},
                 "admin": {"name": "Ada Admin", "email": "%s"}}""".formatted(name, Tokens.DEMO_ADMIN);
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/accounts")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), instance + " at " + instance.baseUrl() + ": " + response.body());
    }
}
