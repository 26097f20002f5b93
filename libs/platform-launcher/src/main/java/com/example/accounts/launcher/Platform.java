package com.example.accounts.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The servers a run needs, started in dependency order and stopped in reverse. One class serves the tests
 * (through {@link PlatformTestResource}) and the local run ({@link PlatformMain}), so the two never drift.
 */
public final class Platform implements AutoCloseable {

    /** The four services, with the database each owns and the HTTP port of the local run. */
    public enum Service {
        ACCOUNT("account-service", "account", 8081),
        PERMISSION("permission-service", "permission", 8082),
        SESSION("session-service", "session", 8083),
        NOTIFICATION("notification-service", "notification", 8084);

        public final String module;
        public final String database;
        public final int localPort;

        Service(String module, String database, int localPort) {
            this.module = module;
            this.database = database;
            this.localPort = localPort;
        }

        /** The gateway template's variable for the service's host:port ({@code ACCOUNT_SERVICE}, ...). */
        public String gatewayVariable() {
            return module.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        }

        public static Service ofModule(String module) {
            for (Service s : values()) {
                if (s.module.equals(module)) {
                    return s;
                }
            }
            throw new LaunchException("no service named " + module);
        }

        /** The service's Keycloak client secret: the local default of the realm file, or the environment's. */
        public String clientSecret() {
            String fromEnv = System.getenv(module.toUpperCase().replace('-', '_') + "_SECRET");
            return fromEnv != null ? fromEnv : module + "-local-secret";
        }
    }

    /** base64 of "local-only-invite-url-key-000000": for the local run and the tests, never a deployment. */
    private static final String LOCAL_INVITE_URL_KEY = "bG9jYWwtb25seS1pbnZpdGUtdXJsLWtleS0wMDAwMDA=";

    private final Installation installation;
    private final Path runDir;
    private final boolean keepsData;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private PostgresServer postgres;
    private KafkaServer kafka;
    private MailServer mail;
    private KeycloakServer keycloak;
    private GatewayServer gateway;
    private final Map<Service, ServiceProcess> services = new LinkedHashMap<>();

    private final Ports ports;
    /** Where the servers come from: local processes, or containers (platform.servers, ServerChoice). */
    private final ServerChoice servers;
    private final PostgresServer.Durability durability;
    private final List<String> serviceJvm;

    /** The servers' data folders in a run's folder; its logs (and the pid files in them) stay. */
    private static final List<String> DATA = List.of("postgres", "kafka", "keycloak", LocalRun.DEMO_ACCOUNT_FILE);

    private Platform(Installation installation, Path runDir, boolean keepsData, Ports ports, PostgresServer.Durability durability,
                     List<String> serviceJvm) {
        this.installation = installation;
        this.runDir = runDir;
        this.keepsData = keepsData;
        this.ports = ports;
        this.durability = durability;
        this.serviceJvm = serviceJvm;
        // the local run's fixed ports and kept data are its processes'; the tests' and benchmarks' platforms choose
        this.servers = ports == Ports.FIXED ? ServerChoice.PROCESSES : ServerChoice.forThisRun();
        // before anything is wiped or claims a port: a killed earlier run's servers still hold both
        ManagedProcess.killStaleIn(runDir.resolve("logs"));
        if (!keepsData) {
            wipe(runDir);
        }
    }

    /** A platform on free ports for tests: its PostgreSQL trades durability for speed, which only tests may do. */
    public static Platform create(String runName) {
        Installation installation = Installation.detect();
        return new Platform(installation, installation.runDir(runName), false, Ports.FREE, PostgresServer.Durability.TEST_SPEED,
                ServiceProcess.QUICK_START_JVM);
    }

    /**
     * A platform on free ports whose PostgreSQL keeps every acknowledged commit (the server's durable defaults):
     * for the benchmark, and for tests that kill the database and count what survived. It starts on empty servers.
     */
    public static Platform durable(String runName) {
        Installation installation = Installation.detect();
        return new Platform(installation, installation.runDir(runName), false, Ports.FREE, PostgresServer.Durability.DURABLE,
                ServiceProcess.QUICK_START_JVM);
    }

    /**
     * The local run's platform, on the well-known ports the README names, durable as a user's data must be, its
     * services on the full JIT. Its servers keep their data in {@code dataDir} from one start to the next; {@code fresh}
     * wipes it first.
     */
    public static Platform local(Path dataDir, boolean fresh) {
        if (fresh) {
            ManagedProcess.killStaleIn(dataDir.resolve("logs"));
            wipe(dataDir);
        }
        return new Platform(Installation.detect(), dataDir, true, Ports.FIXED, PostgresServer.Durability.DURABLE, ServiceProcess.LOCAL_RUN_JVM);
    }

    private static void wipe(Path runDir) {
        try {
            for (String data : DATA) {
                PostgresServer.deleteRecursively(runDir.resolve(data));
            }
        } catch (IOException e) {
            throw new LaunchException("cannot wipe the data in " + runDir + ": " + e.getMessage(), e);
        }
    }

    public Installation installation() {
        return installation;
    }

    /** The run's folder: the servers' data, and the logs under logs/. */
    public Path runDir() {
        return runDir;
    }

    public synchronized PostgresServer postgres() {
        if (postgres == null) {
            log("starting PostgreSQL");
            List<String> databases = List.of(Service.ACCOUNT.database, Service.PERMISSION.database, Service.SESSION.database, Service.NOTIFICATION.database);
            postgres = remember(servers == ServerChoice.CONTAINERS ? PostgresServer.inContainer(databases, durability)
                    : PostgresServer.start(runDir, databases, ports, durability));
            log("PostgreSQL ready on 127.0.0.1:" + postgres.port());
        }
        return postgres;
    }

    public synchronized KafkaServer kafka() {
        if (kafka == null) {
            log("starting Kafka");
            kafka = remember(servers == ServerChoice.CONTAINERS ? KafkaServer.inContainer()
                    : KafkaServer.start(installation, runDir, ports, keepsData ? KafkaServer.LOCAL_RUN_JVM : KafkaServer.QUICK_START_JVM));
            log("Kafka ready on " + kafka.bootstrapServers());
        }
        return kafka;
    }

    public synchronized MailServer mail() {
        if (mail == null) {
            log("starting the SMTP server (GreenMail)");
            mail = remember(servers == ServerChoice.CONTAINERS ? MailServer.inContainer() : MailServer.start(installation, runDir, ports));
            log("SMTP ready on 127.0.0.1:" + mail.smtpPort() + ", mail readable at " + mail.apiUrl());
        }
        return mail;
    }

    /**
     * The API gateway in front of the services started so far (a service not started answers 502 through it);
     * started once, so start the services first.
     */
    public synchronized GatewayServer gateway() {
        if (gateway == null) {
            log("starting the API gateway (nginx)");
            gateway = remember(GatewayServer.start(installation, runDir, ports.port("gateway"), routed()));
            log("gateway ready at " + gateway.baseUrl());
        }
        return gateway;
    }

    /**
     * Another gateway in front of the services started so far, as if behind a proxy on loopback that names the
     * client in the header {@code X-Real-IP} (nginx's realip): a test's clients from any address, IPv6 ones
     * included. Stopped with the platform.
     */
    public synchronized GatewayServer gatewayBehindProxy() {
        log("starting a gateway behind a proxy (nginx)");
        return remember(GatewayServer.start(installation, runDir, "gateway-behind-proxy", Net.freePort(), routed(),
                "set_real_ip_from 127.0.0.1;\nreal_ip_header X-Real-IP;"));
    }

    private Map<Service, String> routed() {
        Map<Service, String> routed = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            ServiceProcess process = services.get(service);
            routed.put(service, process == null ? "127.0.0.1:1" : process.baseUrl());
        }
        return routed;
    }

    public synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            MailServer smtp = mail();
            log("starting Keycloak");
            keycloak = remember(servers == ServerChoice.CONTAINERS ? KeycloakServer.inContainer(installation)
                    : KeycloakServer.start(installation, runDir, smtp, ports, keepsData));
            log("Keycloak ready at " + keycloak.baseUrl());
        }
        return keycloak;
    }

    /**
     * The configuration a service needs to reach the servers of this platform, as Quarkus property names.
     * Starts whatever servers that configuration names and are not running yet.
     */
    public Map<String, String> configFor(Service service) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", postgres().reactiveUrl(service.database));
        // the JDBC datasource beside the reactive one, that the service's Flyway migrations run over at start
        config.put("quarkus.datasource.jdbc.url", postgres().jdbcUrl(service.database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", "");
        config.put("kafka.bootstrap.servers", kafka().bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloak().realmUrl());
        config.put("quarkus.oidc.client-id", service.module);
        config.put("quarkus.oidc.credentials.secret", service.clientSecret());
        config.put("platform.keycloak.url", keycloak().baseUrl());
        config.put("platform.keycloak.realm", KeycloakServer.REALM);
        config.put("quarkus.mailer.host", mail().smtpHost());
        config.put("quarkus.mailer.port", Integer.toString(mail().smtpPort()));
        config.put("platform.mail.api-url", mail().apiUrl());
        // the local servers take the committed local secrets, which a production start refuses (RequiredSecrets)
        config.put("platform.secrets.enforce", "false");
        if (service == Service.SESSION) {
            // the key of session-service's guest-pass hashes in a local run: clearly local; a deployment sets PLATFORM_CODES_SECRET
            config.put("platform.codes.secret", "local-only-codes-secret-not-for-production");
        }
        if (service == Service.SESSION || service == Service.NOTIFICATION) {
            // INV-2: the key the two seal and open invite URLs with on their way, clearly local; a deployment sets PLATFORM_INVITES_URL_KEY
            config.put("platform.invites.url-key", LOCAL_INVITE_URL_KEY);
        }
        // the services started before this one, where it finds them (session-service asks the permission-service)
        services.forEach((started, process) -> config.put("platform." + started.module + ".url", process.baseUrl()));
        return config;
    }

    /**
     * Starts a service from its built jar (module/target/quarkus-app) on the given port and waits until its health is UP;
     * on the platform's JVM options (quick to start for tests, the full JIT for the local run).
     */
    public synchronized ServiceProcess startService(Service service, int port, Map<String, String> extraConfig) {
        return startService(service, port, extraConfig, serviceJvm);
    }

    /** Starts a service with these JVM options instead of the quick-start ones (a benchmark wants the full JIT). */
    public synchronized ServiceProcess startService(Service service, int port, Map<String, String> extraConfig, List<String> jvmOptions) {
        ServiceProcess process = startInstance(service, port, extraConfig, jvmOptions, service.module);
        services.put(service, process);
        return process;
    }

    /**
     * Another instance of the service, on its own configuration (a test's own topics or database), that the platform
     * does not take for the service: {@link #service}, {@link #ensureService} and the gateway keep the one they have.
     * Stopped with the platform, unless it was stopped or killed before.
     */
    public synchronized ServiceProcess startInstance(Service service, int port, Map<String, String> extraConfig) {
        // a log of its own: a start under the name of a live instance (the platform's) would stop it
        return startInstance(service, port, extraConfig, serviceJvm, service.module + "-" + port);
    }

    private ServiceProcess startInstance(Service service, int port, Map<String, String> extraConfig, List<String> jvmOptions, String name) {
        Map<String, String> config = new LinkedHashMap<>(configFor(service));
        config.putAll(extraConfig);
        log("starting " + service.module + " on port " + port);
        ServiceProcess process = ServiceProcess.start(installation, runDir, service, name, port, config, jvmOptions);
        started.push(process);
        log(service.module + " is UP at " + process.baseUrl());
        return process;
    }

    /**
     * Instances of the service started at the same moment on one configuration, as the replicas of a deployment
     * start together (on one database, they migrate it at once); each on a free port and a log of its own. Returns
     * once every one is ready; stopped with the platform, as {@link #startInstance}'s.
     */
    public List<ServiceProcess> startInstancesTogether(Service service, int count, Map<String, String> extraConfig) {
        Map<String, String> config = new LinkedHashMap<>(configFor(service));
        config.putAll(extraConfig);
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(Net.freePort());
        }
        log("starting " + count + " instances of " + service.module + " together on ports " + ports);
        ExecutorService starting = Executors.newFixedThreadPool(count);
        try {
            List<Future<ServiceProcess>> starts = new ArrayList<>();
            for (int port : ports) {
                starts.add(starting.submit(() -> ServiceProcess.start(installation, runDir, service, service.module + "-" + port, port,
                        config, serviceJvm)));
            }
            List<ServiceProcess> ready = new ArrayList<>();
            LaunchException failed = null;
            for (Future<ServiceProcess> start : starts) {
                try {
                    ready.add(start.get());
                } catch (ExecutionException e) {
                    failed = e.getCause() instanceof LaunchException launch ? launch : new LaunchException(e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed = new LaunchException("interrupted while starting " + service.module, e);
                }
            }
            synchronized (this) {
                ready.forEach(started::push);
            }
            if (failed != null) {
                throw failed;
            }
            log(count + " instances of " + service.module + " are UP");
            return ready;
        } finally {
            starting.shutdownNow();
        }
    }

    /** The service, started on a free port unless it already runs in this platform. */
    public synchronized ServiceProcess ensureService(Service service) {
        ServiceProcess running = services.get(service);
        return running != null ? running : startService(service, Net.freePort(), Map.of());
    }

    public synchronized ServiceProcess service(Service service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new LaunchException(service.module + " is not started in this platform");
        }
        return process;
    }

    private <T extends AutoCloseable> T remember(T server) {
        started.push(server);
        return server;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                log("could not stop " + server + ": " + e.getMessage());
            }
        }
    }

    static void log(String message) {
        System.err.println("[platform] " + message);
    }

    static Duration serviceStartTimeout() {
        return Duration.ofSeconds(120);
    }
}
