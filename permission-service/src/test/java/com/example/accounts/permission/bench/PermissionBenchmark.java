package com.example.accounts.permission.bench;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.ServiceProcess;
import com.example.accounts.launcher.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the real permission-service (its built jar, on fresh PostgreSQL, Kafka and Keycloak) and prints figures:
 * checks at saturation and at a fixed offered rate, the projection's throughput and its lag from publication to
 * applied under a steady stream, and a rebuild's rate. Not a test: it asserts nothing and prints what it measured.
 * Run it with {@code ./platform bench}.
 */
public final class PermissionBenchmark {

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private static final String[] PERMISSIONS = {"members.manage", "module.remote-support", "training.session.host", "billing.change",
            "support.remote-control", "account.view"};

    private record Seeded(UUID account, List<UUID> members, UUID company) {
    }

    private final Platform platform;
    private final KafkaProducer<String, String> producer;
    private final Map<UUID, AtomicLong> versions = new ConcurrentHashMap<>();
    private final List<Seeded> accounts = new ArrayList<>();
    private final Vertx vertx = Vertx.vertx();
    private String base;
    private int port;

    private PermissionBenchmark(Platform platform) {
        this.platform = platform;
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", platform.kafka().bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName(),
                "linger.ms", 1, "acks", "all"));
    }

    public static void main(String[] args) {
        int accounts = Integer.getInteger("bench.accounts", 2000);
        int status = 0;
        try (Platform platform = Platform.durable("bench-" + ProcessHandle.current().pid())) {
            new PermissionBenchmark(platform).run(accounts);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // Vert.x's threads would keep the JVM, and the build lock the script runs under, alive
    }

    private void run(int accountCount) throws Exception {
        new PublishedEvents(platform.kafka().bootstrapServers()).close(); // creates the event topics as the relays would
        port = freePort();
        // the production JVM: the full JIT (RSA token verification is most of a check's work) and room for the views
        List<String> jvm = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        String extra = System.getProperty("bench.service-jvm", ""); // e.g. -XX:StartFlightRecording=filename=service.jfr
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        ServiceProcess service = platform.startService(Platform.Service.PERMISSION, port, Map.of(), jvm);
        base = service.baseUrl();
        String adaLogin = Tokens.subject(token(Tokens.DEMO_ADMIN));
        System.out.printf("%npermission-service benchmark on %d cores, %s%n", Runtime.getRuntime().availableProcessors(), base);

        int seeded = burst("projection, cold burst", accountCount, adaLogin);

        String token = token(Tokens.DEMO_ADMIN);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true));
        closedLoop(client, token, 64, 20); // warm-up: the JIT's C2 and every account's view in the cache
        double saturated = closedLoop(client, token, 64, 15);
        System.out.printf("checks at saturation  : %,.0f checks/s (64 in flight, 15 s)%n", saturated);
        openLoop(client, token, 5000, 15);

        int warm = burst("projection, warm burst", accountCount / 2, adaLogin);
        int streamed = steadyStream(2000, 20);
        waitUntilCaughtUp();
        JsonNode live = status().get("generations").get(0).get("projectedHere");
        System.out.printf("projector so far      : %,d events in %,d transactions, %.1f events and %.2f ms per transaction%n",
                live.get("applied").asLong(), live.get("batches").asLong(), live.get("applied").asDouble() / live.get("batches").asLong(),
                live.get("applyMillis").asDouble() / live.get("batches").asLong());

        long total = seeded + warm + streamed;
        long rebuildStarted = System.nanoTime();
        int generation = rebuild();
        double rebuildSeconds = (System.nanoTime() - rebuildStarted) / 1e9;
        System.out.printf("rebuild               : generation %d from %,d events in %.1f s = %,.0f events/s%n",
                generation, total, rebuildSeconds, total / rebuildSeconds);
        client.close();
        vertx.close();
        producer.close();
    }

    // --- seeding ------------------------------------------------------------------------------------------------

    /** Publishes {@code accountCount} new accounts at once and times until the read model has applied them all. */
    private int burst(String label, int accountCount, String adaLogin) throws Exception {
        long started = System.nanoTime();
        int events = seed(accountCount, adaLogin);
        waitUntilCaughtUp();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%-22s: %,d events of %,d accounts applied in %.1f s = %,.0f events/s%n", label, events, accountCount, seconds,
                events / seconds);
        return events;
    }

    /** Accounts with every module, Ada as ADMIN, 8 standard members with seats, features and company access. */
    private int seed(int accountCount, String adaLogin) {
        int events = 0;
        for (int a = 0; a < accountCount; a++) {
            UUID account = UUID.randomUUID();
            UUID ada = UUID.randomUUID();
            UUID company = UUID.randomUUID();
            ObjectNode opened = EventJson.MAPPER.createObjectNode().put("accountId", account.toString()).put("name", "Bench " + a)
                    .put("billingContactMemberId", ada.toString());
            ObjectNode plan = opened.putObject("plan");
            plan.putArray("modules").add("REMOTE_SUPPORT").add("MONITORING").add("TRAINING");
            plan.putArray("seats").addObject().put("module", "REMOTE_SUPPORT").put("seats", 20);
            send(account, "AccountOpened", opened);
            send(account, "UserAdded", PublishedEvents.userAddedData(ada, adaLogin, "Ada", Tokens.DEMO_ADMIN, "ADMIN", false));
            send(account, "CompanyAdded", EventJson.MAPPER.createObjectNode().put("companyId", company.toString()).put("name", "North"));
            events += 3;
            List<UUID> members = new ArrayList<>(List.of(ada));
            for (int m = 0; m < 8; m++) {
                UUID member = UUID.randomUUID();
                members.add(member);
                send(account, "UserAdded",
                        PublishedEvents.userAddedData(member, "login-" + member, "Member " + m, "m" + m + "@bench.example", "STANDARD", true));
                send(account, "SeatProvisioned", EventJson.MAPPER.createObjectNode().put("memberId", member.toString()).put("module", "REMOTE_SUPPORT"));
                events += 2;
            }
            accounts.add(new Seeded(account, members, company));
        }
        producer.flush();
        return events;
    }

    private long send(UUID account, String type, ObjectNode data) {
        long version = versions.computeIfAbsent(account, a -> new AtomicLong()).incrementAndGet();
        EventEnvelope event = PublishedEvents.event(account, version, type, "bench", data);
        producer.send(new ProducerRecord<>(Topics.ACCOUNT_EVENTS, account.toString(), EventJson.write(event)));
        return event.position();
    }

    // --- checks -------------------------------------------------------------------------------------------------

    private Future<Integer> check(HttpClient client, String token) {
        Seeded seeded = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
        UUID member = seeded.members().get(ThreadLocalRandom.current().nextInt(seeded.members().size()));
        String uri = "/accounts/" + seeded.account() + "/checks?permission=" + PERMISSIONS[ThreadLocalRandom.current().nextInt(PERMISSIONS.length)]
                + "&member=" + member;
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port).setURI(uri)
                .putHeader("Authorization", "Bearer " + token))
                .compose(request -> request.send().compose(response -> response.body().map(body -> response.statusCode())));
    }

    /** {@code inFlight} requests at all times for {@code seconds}: the throughput the service sustains. */
    private double closedLoop(HttpClient client, String token, int inFlight, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(inFlight);
        long started = System.nanoTime();
        for (int i = 0; i < inFlight; i++) {
            loop(client, token, end, done, failed, finished);
        }
        finished.await();
        if (failed.get() > 0) {
            System.out.printf("  (%,d checks failed)%n", failed.get());
        }
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    private void loop(HttpClient client, String token, long end, AtomicLong done, AtomicLong failed, CountDownLatch finished) {
        if (System.nanoTime() >= end) {
            finished.countDown();
            return;
        }
        check(client, token).onComplete(result -> {
            if (result.succeeded() && result.result() == 200) {
                done.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
            loop(client, token, end, done, failed, finished);
        });
    }

    /** One call of a fixed-rate loop: the {@code index}-th, due at {@code due} ({@link System#nanoTime}). */
    private interface Paced {
        void at(int index, long due) throws Exception;
    }

    /** {@code rate} calls a second for {@code seconds}, each at its due time however late the one before it returned; the loop's start. */
    private static long atFixedRate(int rate, int seconds, Paced call) throws Exception {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            call.at(i, due);
        }
        return start;
    }

    /** A fixed offered rate; each latency counts from when its request was due, so a stall is not hidden. */
    private void openLoop(HttpClient client, String token, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(total);
        long start = atFixedRate(rate, seconds, (index, due) -> check(client, token).onComplete(result -> {
            latencies[index] = System.nanoTime() - due;
            if (result.failed() || result.result() != 200) {
                failed.incrementAndGet();
            }
            completed.incrementAndGet();
            all.countDown();
        }));
        all.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("checks at %,d/s offered: %,.0f/s done, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, %d failed (%d s)%n",
                rate, completed.get() / elapsed, latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6,
                latencies[(int) (total * 0.999)] / 1e6, latencies[total - 1] / 1e6, failed.get(), seconds);
    }

    // --- the projection under a steady stream -------------------------------------------------------------------

    /**
     * {@code rate} events per second for {@code seconds}, spread over the accounts; the lag of each event runs from
     * when it was handed to Kafka to when the read model's transaction that applied it committed (its NOTIFY).
     */
    private int steadyStream(int rate, int seconds) throws Exception {
        Map<UUID, Deque<long[]>> sent = new ConcurrentHashMap<>();
        List<Long> lags = java.util.Collections.synchronizedList(new ArrayList<>());
        PgConnectOptions options = new PgConnectOptions().setHost("127.0.0.1").setPort(platform.postgres().port())
                .setDatabase(Platform.Service.PERMISSION.database).setUser("postgres");
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options);
        subscriber.channel("permission_read_model").handler(payload -> {
            long now = System.nanoTime();
            String[] parts = payload.split(":");
            if (parts.length != 4) {
                return;
            }
            Deque<long[]> pending = sent.get(UUID.fromString(parts[1]));
            if (pending == null) {
                return;
            }
            long position = Long.parseLong(parts[3]);
            synchronized (pending) {
                while (!pending.isEmpty() && pending.peekFirst()[0] <= position) {
                    lags.add(now - pending.pollFirst()[1]);
                }
            }
        });
        subscriber.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        int total = rate * seconds;
        long start = atFixedRate(rate, seconds, (i, due) -> {
            Seeded seeded = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
            UUID member = seeded.members().get(1 + ThreadLocalRandom.current().nextInt(seeded.members().size() - 1));
            ObjectNode features = EventJson.MAPPER.createObjectNode().put("memberId", member.toString());
            var list = features.putArray("supportFeatures");
            if (i % 2 == 0) {
                list.add("REMOTE_CONTROL");
            }
            Deque<long[]> pending = sent.computeIfAbsent(seeded.account(), a -> new ArrayDeque<>());
            synchronized (pending) {
                long position = send(seeded.account(), "SupportFeaturesChanged", features);
                pending.addLast(new long[]{position, System.nanoTime()});
            }
        });
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lags.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("projection at %,d/s    : %,d of %,d events applied, p50 lag %.1f ms, p99 lag %.1f ms, max %.1f ms (%d s; %,.0f events/s)%n",
                rate, sorted.length, total, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6, seconds, sorted.length / elapsed);
        subscriber.close();
        return total;
    }

    // --- status and rebuild -------------------------------------------------------------------------------------

    private void waitUntilCaughtUp() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode status = status();
            boolean caughtUp = true;
            for (JsonNode partition : status.get("partitions")) {
                if (partition.get("state").asText().equals("LIVE") && partition.get("lag").asLong() > 0) {
                    caughtUp = false;
                }
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the projection did not catch up within 10 minutes");
    }

    private int rebuild() throws Exception {
        JsonNode started = EventJson.MAPPER.readTree(send("POST", "/read-model/rebuilds", token(Tokens.DEMO_OPERATOR)).body());
        int generation = started.get("generation").asInt();
        while (status().get("liveGeneration").asInt() != generation) {
            Thread.sleep(100);
        }
        return generation;
    }

    private JsonNode status() throws Exception {
        return EventJson.MAPPER.readTree(send("GET", "/read-model/status", token(Tokens.DEMO_OPERATOR)).body());
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private String token(String user) {
        return Tokens.password(platform.keycloak().realmUrl(), user, Tokens.DEMO_PASSWORD);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
