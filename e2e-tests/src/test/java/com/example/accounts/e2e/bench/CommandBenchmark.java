package com.example.accounts.e2e.bench;

import com.example.accounts.contract.EventJson;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.Platform.Service;
import com.example.accounts.launcher.ServiceProcess;
import com.example.accounts.launcher.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write path's figures, in one run against one cluster (PostgreSQL with its durable defaults, Kafka, Keycloak,
 * and the built account-, permission- and session-service on the full JIT): commands through REST serial and at 8
 * and 32 concurrent, on one account and across many, for account-service (add a company) and session-service
 * (start a support session); a read ({@code GET /accounts/{id}}); adding an existing login as a member beside
 * Keycloak's own organization members API; and PostgreSQL's raw insert rate (pgbench, one row of JSON per
 * transaction) at the same concurrencies, with the ratios. Not a test: it asserts nothing and prints what it
 * measured. Run it with {@code ./platform bench}.
 */
public final class CommandBenchmark {

    private static final int[] CONCURRENCY = {1, 8, 32};
    private static final int MANY_ACCOUNTS = 64;
    private static final String PLAN = """
            {"modules": ["REMOTE_SUPPORT"], "seats": [{"module": "REMOTE_SUPPORT", "seats": 5}]}""";

    /** One measured phase: what was done, how fast, and the answers by status. */
    private record Figures(String label, int concurrency, double perSecond, double p50, double p99, Map<Integer, Integer> statuses) {

        int answered(int status) {
            return statuses.getOrDefault(status, 0);
        }

        void print() {
            System.out.printf("  %-58s %3d  %,9.0f/s  p50 %7.2f ms  p99 %7.2f ms  %s%n", label, concurrency, perSecond, p50, p99, statuses);
        }
    }

    private final Platform platform;
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http;
    private final Map<String, Figures> results = new LinkedHashMap<>();
    private final AtomicLong names = new AtomicLong();
    private final int seconds = Integer.getInteger("bench.seconds", 4);
    private final List<String> sections = List.of(System.getProperty("bench.sections", "commands,reads,members,raw,mechanisms").split(","));
    private ServiceProcess accounts;
    private ServiceProcess sessions;
    private String token;
    private long tokenAt;

    private CommandBenchmark(Platform platform) {
        this.platform = platform;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(64));
    }

    public static void main(String[] args) {
        int status = 0;
        try (Platform platform = Platform.durable("bench-commands-" + ProcessHandle.current().pid())) {
            new CommandBenchmark(platform).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // Vert.x's threads would keep the JVM, and the build lock the script runs under, alive
    }

    private void run() throws Exception {
        new PublishedEvents(platform.kafka().bootstrapServers()).close(); // creates the event topics as the relays would
        // the production JVM: the full JIT and room to work
        List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
        String extra = System.getProperty("bench.service-jvm", ""); // e.g. -XX:StartFlightRecording=filename=service.jfr
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        platform.startService(Service.PERMISSION, freePort(), Map.of(), jvm);
        accounts = platform.startService(Service.ACCOUNT, freePort(), Map.of(), jvm);
        sessions = platform.startService(Service.SESSION, freePort(), Map.of(), jvm);
        System.out.printf("%ncommand benchmark on %d cores; PostgreSQL durable (%s); %d s per figure%n",
                Runtime.getRuntime().availableProcessors(), durability(), seconds);
        if (sections.contains("commands")) {
            commands();
        }
        if (sections.contains("reads")) {
            reads();
        }
        if (sections.contains("members")) {
            members();
        }
        if (sections.contains("raw")) {
            rawInserts();
        }
        if (sections.contains("mechanisms")) {
            mechanisms();
        }
        if (sections.containsAll(List.of("commands", "members", "raw"))) {
            ratios();
        }
        http.close();
        vertx.close();
    }

    private void commands() throws Exception {
        UUID one = openWithASeat();
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < MANY_ACCOUNTS; i++) {
            many.add(openWithASeat());
        }
        closedLoop("warm-up", 8, 2 * seconds, () -> addCompany(random(many)));
        closedLoop("warm-up", 8, 2 * seconds, () -> startSession(random(many)));

        System.out.printf("%n  %-58s %3s  %11s%n", "commands through REST (durable)", "in", "rate");
        for (int concurrency : CONCURRENCY) {
            measure("account: add a company, one account", concurrency, () -> addCompany(one));
            measure("account: add a company, " + MANY_ACCOUNTS + " accounts", concurrency, () -> addCompany(random(many)));
        }
        for (int concurrency : CONCURRENCY) {
            measure("session: start a support session, one account", concurrency, () -> startSession(one));
            measure("session: start a support session, " + MANY_ACCOUNTS + " accounts", concurrency, () -> startSession(random(many)));
        }
    }

    /**
     * A read, and what a request costs on its way there: no token, a token on a path that needs none, a token and
     * one query (an account the caller was never added to), the read itself; then the read through the gateway.
     */
    private void reads() throws Exception {
        UUID small = open();
        expect(201, addCompany(small)); // AccountOpened, UserAdded, CompanyAdded: a 3-event account
        closedLoop("warm-up", 1, seconds, () -> getAccount(small));
        System.out.printf("%n  %-58s %3s  %11s%n", "a read, and the request path", "in", "rate");
        measure("read: GET /accounts/{id}, 3 events", 1, () -> getAccount(small));
        measure("read: GET /accounts/{id}, 3 events", 8, () -> getAccount(small));
        measure("health: GET /q/health/live, no token", 1, () -> request(accounts, HttpMethod.GET, "/q/health/live", null, null));
        measure("health: GET /q/health/live, a token", 1, () -> request(accounts, HttpMethod.GET, "/q/health/live", null, token()));
        measure("token, one query: GET a made-up id (404)", 1, () -> getAccount(UUID.randomUUID()).map(status -> status == 404 ? 200 : status));
        URI gateway = URI.create(platform.gateway().baseUrl() + "/api/accounts/" + small);
        closedLoop("warm-up", 1, 1, () -> send(gateway, HttpMethod.GET, null, token()).map(Answer::status));
        measure("read through the gateway (nginx)", 1, () -> send(gateway, HttpMethod.GET, null, token()).map(Answer::status));
    }

    /**
     * More instances of account-service on the JVM the tests' instances get (before issue 14 the local run's too: C1
     * only, a small heap), one as configured and each other with one mechanism off: what each costs a request. Last,
     * because starting another instance of a service stops the platform's (the launcher keeps one pid file a service).
     */
    private void mechanisms() throws Exception {
        UUID small = open();
        expect(201, addCompany(small));
        System.out.printf("%n  %-58s %3s  %11s%n", "what each mechanism costs a request", "in", "rate");
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put("as configured", Map.of());
        variants.put("no deny-by-default policy", Map.of("quarkus.http.auth.permission.token.policy", "permit"));
        variants.put("no verified-token memory", Map.of("platform.auth.verified-tokens", "0"));
        for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
            ServiceProcess other = platform.startInstance(Service.ACCOUNT, freePort(), variant.getValue());
            closedLoop("warm-up", 1, seconds, () -> request(other, HttpMethod.GET, "/accounts/" + small, null, token()));
            measure("quick-start JVM, " + variant.getKey() + ": health, a token", 1,
                    () -> request(other, HttpMethod.GET, "/q/health/live", null, token()));
            measure("quick-start JVM, " + variant.getKey() + ": read", 1, () -> request(other, HttpMethod.GET, "/accounts/" + small, null, token()));
            other.close();
        }
    }

    // --- adding a member beside Keycloak's organization members API -------------------------------------------

    private void members() throws Exception {
        int serial = 60;
        int concurrent = 200;
        String admin = administrator();
        List<String[]> logins = logins(admin, 2 * (serial + concurrent)); // {id, email}
        Queue<String[]> pool = new ConcurrentLinkedQueue<>(logins);
        System.out.printf("%n  %-58s %3s  %11s%n", "adding an existing login as a member", "in", "rate");
        UUID serialAccount = open();
        UUID concurrentAccount = open();
        measure(fixed("members: add to one account (account-service)", 1, take(pool, serial), login -> addMember(serialAccount, login[1])));
        measure(fixed("members: add to one account (account-service)", 8, take(pool, concurrent), login -> addMember(concurrentAccount, login[1])));

        // what account-service asks Keycloak to find an existing login, with its own service account
        String serviceAccount = Tokens.clientCredentials(platform.keycloak().realmUrl(), Service.ACCOUNT.module, Service.ACCOUNT.clientSecret());
        measure(fixed("Keycloak: a login by email, full", 1, logins.subList(0, serial),
                login -> keycloak(serviceAccount, HttpMethod.GET, "/users?exact=true&email=" + login[1], null)));
        measure(fixed("Keycloak: a login by email, brief", 1, logins.subList(0, serial),
                login -> keycloak(serviceAccount, HttpMethod.GET, "/users?exact=true&briefRepresentation=true&email=" + login[1], null)));

        enableOrganizations(admin);
        String serialOrganization = organization(admin);
        String concurrentOrganization = organization(admin);
        measure(fixed("members: add to one organization (Keycloak)", 1, take(pool, serial),
                login -> keycloak(admin, HttpMethod.POST, "/organizations/" + serialOrganization + "/members", "\"" + login[0] + "\"")));
        measure(fixed("members: add to one organization (Keycloak)", 8, take(pool, concurrent),
                login -> keycloak(admin, HttpMethod.POST, "/organizations/" + concurrentOrganization + "/members", "\"" + login[0] + "\"")));
    }

    /** Logins made through Keycloak's admin API, as its operators would: existing logins, none made by account-service. */
    private List<String[]> logins(String admin, int count) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String[]> made = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        fixed("logins", 4, count, () -> {
            String email = "bench-" + run + "-" + next.incrementAndGet() + "@bench.example";
            String body = EventJson.MAPPER.createObjectNode().put("username", email).put("email", email).put("firstName", "Bench")
                    .put("enabled", true).put("emailVerified", true).toString();
            return keycloakResponse(admin, HttpMethod.POST, "/users", body).map(response -> {
                String location = response.location;
                if (response.status == 201 && location != null) {
                    made.add(new String[]{location.substring(location.lastIndexOf('/') + 1), email});
                }
                return response.status;
            });
        });
        return new ArrayList<>(made);
    }

    private void enableOrganizations(String admin) throws Exception {
        int status = await(keycloak(admin, HttpMethod.PUT, "", "{\"organizationsEnabled\": true}"));
        if (status / 100 != 2) {
            throw new IllegalStateException("Keycloak did not enable organizations: " + status);
        }
    }

    private String organization(String admin) throws Exception {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\": \"" + name + "\", \"alias\": \"" + name + "\", \"domains\": [{\"name\": \"" + name + ".example\"}]}";
        Answer answer = await(keycloakResponse(admin, HttpMethod.POST, "/organizations", body));
        if (answer.status != 201 || answer.location == null) {
            throw new IllegalStateException("Keycloak made no organization: " + answer.status + " " + answer.body);
        }
        return answer.location.substring(answer.location.lastIndexOf('/') + 1);
    }

    private String administrator() {
        return Tokens.passwordGrant(platform.keycloak().baseUrl() + "/realms/master", "admin-cli", "admin", "admin").get("access_token").asText();
    }

    // --- PostgreSQL's own insert rate -----------------------------------------------------------------------------

    /** pgbench on the same cluster, in the account database: one row of JSON per transaction, as an append is one. */
    private void rawInserts() throws Exception {
        Path bin = pgbench().getParent();
        int port = platform.postgres().port();
        String database = Service.ACCOUNT.database;
        run(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", database, "-q", "-c",
                "CREATE TABLE IF NOT EXISTS bench_raw_insert (id bigserial PRIMARY KEY, data jsonb NOT NULL)"));
        Path script = Files.createTempFile("raw-insert", ".sql");
        Files.writeString(script, """
                INSERT INTO bench_raw_insert (data) VALUES ('{"type": "CompanyAdded", "companyId": "5b3f0e0e-0d7e-4c59-9d1d-6f1f3f1a8c21", "name": "North"}');
                """);
        System.out.printf("%n  %-58s %3s  %11s%n", "PostgreSQL raw insert (pgbench, durable)", "in", "rate");
        for (int concurrency : CONCURRENCY) {
            String out = run(List.of(pgbench().toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-n", "-M", "prepared",
                    "-c", Integer.toString(concurrency), "-j", Integer.toString(Math.min(concurrency, 2)), "-T", Integer.toString(seconds),
                    "-f", script.toString(), database));
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
            Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
            double rate = tps.find() ? Double.parseDouble(tps.group(1)) : 0;
            double average = latency.find() ? Double.parseDouble(latency.group(1)) : 0;
            Figures figures = new Figures("raw insert: one JSON row per transaction", concurrency, rate, average, Double.NaN, Map.of());
            results.put(figures.label() + "@" + concurrency, figures);
            System.out.printf("  %-58s %3d  %,9.0f/s  avg %7.2f ms%n", figures.label(), concurrency, rate, average);
        }
        Files.delete(script);
    }

    private static Path pgbench() throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable).max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no pgbench under /usr/lib/postgresql/*/bin"));
        }
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private String durability() throws Exception {
        return run(List.of(pgbench().getParent().resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(platform.postgres().port()),
                "-U", "postgres", "-d", Service.ACCOUNT.database, "-Atc",
                "SELECT 'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') "
                        + "|| ', full_page_writes=' || current_setting('full_page_writes')"))
                .strip();
    }

    // --- the ratios the issue aims at -----------------------------------------------------------------------------

    private void ratios() {
        System.out.printf("%n  ratios%n");
        for (int concurrency : CONCURRENCY) {
            Figures raw = results.get("raw insert: one JSON row per transaction@" + concurrency);
            for (String label : List.of("account: add a company, " + MANY_ACCOUNTS + " accounts", "account: add a company, one account",
                    "session: start a support session, " + MANY_ACCOUNTS + " accounts", "session: start a support session, one account")) {
                Figures command = results.get(label + "@" + concurrency);
                System.out.printf("  %-58s at %2d: %5.1f %% of raw insert%n", label, concurrency, 100 * command.perSecond() / raw.perSecond());
            }
        }
        for (int concurrency : new int[]{1, 8}) {
            Figures ours = results.get("members: add to one account (account-service)@" + concurrency);
            Figures theirs = results.get("members: add to one organization (Keycloak)@" + concurrency);
            System.out.printf("  %-58s at %2d: %5.2f x Keycloak's (%d answered 409 here, %d there)%n", "adding a member", concurrency,
                    ours.perSecond() / theirs.perSecond(), ours.answered(409), theirs.answered(409));
        }
        Figures one = results.get("account: add a company, one account@1");
        Figures eight = results.get("account: add a company, one account@8");
        System.out.printf("  %-58s      %5.2f x serial, %d answered 409%n", "one account at 8 concurrent", eight.perSecond() / one.perSecond(),
                eight.answered(409));
    }

    // --- requests -------------------------------------------------------------------------------------------------

    /**
     * An account whose admin, Ada, holds a seat of remote support and may host sessions; started one, so that the
     * permission-service has it (PRM-4: the first start waits for the seat's consistency token).
     */
    private UUID openWithASeat() throws Exception {
        Answer opened = opened();
        JsonNode view = EventJson.MAPPER.readTree(opened.body);
        UUID account = UUID.fromString(view.get("accountId").asText());
        Answer seat = await(send(accounts, HttpMethod.PUT, "/accounts/" + account + "/members/" + view.get("memberId").asText() + "/seats/REMOTE_SUPPORT",
                null, token()));
        if (seat.status != 200) {
            throw new IllegalStateException("provisioning Ada's seat answered " + seat.status + ": " + seat.body);
        }
        RequestOptions start = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(URI.create(sessions.baseUrl()).getPort())
                .setURI("/accounts/" + account + "/support-sessions").putHeader("Authorization", "Bearer " + token())
                .putHeader("Content-Type", "application/json").putHeader("Consistency-Token", seat.consistency);
        long asked = System.nanoTime();
        for (int attempt = 1;; attempt++) {
            Answer started = await(http.request(start).compose(request -> request.send(Buffer.buffer("{\"clientVersion\": \"2.4.0\"}")))
                    .compose(response -> response.body().map(body -> new Answer(response.statusCode(), null, null, body.toString()))));
            if (started.status == 201) {
                return account;
            }
            // 503: the permission-service had not applied the seat within its bound (PRM-4); said, then asked again
            if (started.status != 503 || attempt == 10) {
                throw new IllegalStateException("the first support session answered " + started.status + ": " + started.body);
            }
            System.out.printf("  (the first session of account %s: 503 after %.1f s, %s)%n", account, (System.nanoTime() - asked) / 1e9, started.body);
        }
    }

    private UUID open() throws Exception {
        return UUID.fromString(EventJson.MAPPER.readTree(opened().body).get("accountId").asText());
    }

    private Answer opened() throws Exception {
        String body = "{\"name\": \"Bench " + names.incrementAndGet() + "\", \"plan\": " + PLAN + ", \"admin\": {\"name\": \"Ada\", \"email\": \""
                + Tokens.DEMO_ADMIN + "\"}}";
        Answer answer = await(send(accounts, HttpMethod.POST, "/accounts", body, token()));
        if (answer.status != 201) {
            throw new IllegalStateException("POST /accounts answered " + answer.status + ": " + answer.body);
        }
        return answer;
    }

    private Future<Integer> addCompany(UUID account) {
        return request(accounts, HttpMethod.POST, "/accounts/" + account + "/companies", "{\"name\": \"Company " + names.incrementAndGet() + "\"}", token());
    }

    private Future<Integer> startSession(UUID account) {
        return request(sessions, HttpMethod.POST, "/accounts/" + account + "/support-sessions", "{\"clientVersion\": \"2.4.0\"}", token());
    }

    private Future<Integer> getAccount(UUID account) {
        return request(accounts, HttpMethod.GET, "/accounts/" + account, null, token());
    }

    private Future<Integer> addMember(UUID account, String email) {
        return request(accounts, HttpMethod.POST, "/accounts/" + account + "/members",
                "{\"name\": \"Bench Member\", \"email\": \"" + email + "\", \"role\": \"STANDARD\"}", token());
    }

    /** Ada's token, taken again before it could lapse. */
    private synchronized String token() {
        if (token == null || System.nanoTime() - tokenAt > TimeUnit.SECONDS.toNanos(300)) {
            token = Tokens.password(platform.keycloak().realmUrl(), Tokens.DEMO_ADMIN, Tokens.DEMO_PASSWORD);
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private record Answer(int status, String location, String consistency, String body) {
    }

    private Future<Integer> request(ServiceProcess service, HttpMethod method, String path, String body, String bearer) {
        return send(service, method, path, body, bearer).map(Answer::status);
    }

    private Future<Answer> send(ServiceProcess service, HttpMethod method, String path, String body, String bearer) {
        return send(URI.create(service.baseUrl() + path), method, body, bearer);
    }

    private Future<Integer> keycloak(String admin, HttpMethod method, String path, String body) {
        return keycloakResponse(admin, method, path, body).map(Answer::status);
    }

    private Future<Answer> keycloakResponse(String admin, HttpMethod method, String path, String body) {
        return send(URI.create(platform.keycloak().baseUrl() + "/admin/realms/accounts" + path), method, body, admin);
    }

    private Future<Answer> send(URI uri, HttpMethod method, String body, String bearer) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery());
        if (bearer != null) {
            options.putHeader("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return http.request(options).compose(request -> (body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(content -> new Answer(response.statusCode(), response.getHeader("Location"),
                        response.getHeader("Consistency-Token"), content.toString()))));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static void expect(int status, Future<Integer> answer) throws Exception {
        int answered = await(answer);
        if (answered != status) {
            throw new IllegalStateException("expected " + status + ", answered " + answered);
        }
    }

    private static UUID random(List<UUID> accounts) {
        return accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
    }

    private static List<String[]> take(Queue<String[]> pool, int count) {
        List<String[]> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(pool.remove());
        }
        return taken;
    }

    // --- load -------------------------------------------------------------------------------------------------------

    private void measure(String label, int concurrency, Supplier<Future<Integer>> request) throws InterruptedException {
        measure(closedLoop(label, concurrency, seconds, request));
    }

    private void measure(Figures figures) {
        results.put(figures.label() + "@" + figures.concurrency(), figures);
        figures.print();
    }

    /** {@code concurrency} requests in flight at all times for {@code seconds}. */
    private Figures closedLoop(String label, int concurrency, int seconds, Supplier<Future<Integer>> request) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        return load(label, concurrency, () -> System.nanoTime() < end ? request.get() : null);
    }

    /** Each item once, {@code concurrency} at a time. */
    private <T> Figures fixed(String label, int concurrency, List<T> items, java.util.function.Function<T, Future<Integer>> request)
            throws InterruptedException {
        Queue<T> left = new ConcurrentLinkedQueue<>(items);
        return load(label, concurrency, () -> {
            T item = left.poll();
            return item == null ? null : request.apply(item);
        });
    }

    private Figures fixed(String label, int concurrency, int count, Supplier<Future<Integer>> request) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(count);
        return load(label, concurrency, () -> left.getAndDecrement() > 0 ? request.get() : null);
    }

    /** Lanes that each send the next request when their last is answered, until {@code next} has none. */
    private Figures load(String label, int concurrency, Supplier<Future<Integer>> next) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch finished = new CountDownLatch(concurrency);
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            lane(next, latencies, statuses, finished);
        }
        finished.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2] / 1e6;
        double p99 = sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6;
        int succeeded = statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToInt(Map.Entry::getValue).sum();
        return new Figures(label, concurrency, succeeded / elapsed, p50, p99, new TreeMap<>(statuses));
    }

    private void lane(Supplier<Future<Integer>> next, List<Long> latencies, Map<Integer, Integer> statuses, CountDownLatch finished) {
        long sent = System.nanoTime();
        Future<Integer> request = next.get();
        if (request == null) {
            finished.countDown();
            return;
        }
        request.onComplete(result -> {
            latencies.add(System.nanoTime() - sent);
            statuses.merge(result.succeeded() ? result.result() : -1, 1, Integer::sum);
            lane(next, latencies, statuses, finished);
        });
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
