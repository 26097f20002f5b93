// Over 300 lines: the one door tests and the local run go through, each server started once, on demand, under one lock; its parts are ServiceConfiguration, InstancesTogether, StartedInOrder and RunFolder.
package com.example.accounts.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers a run needs, started in dependency order and stopped in reverse. One class serves the tests
 * (through {@link PlatformTestResource}) and the local run ({@link PlatformMain}), so the two never drift. What a
 * service is told is {@link ServiceConfiguration}, replicas started at once {@link InstancesTogether}, the stop order
 * {@link StartedInOrder} and the run's folder {@link RunFolder}.
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

    private final Installation installation;
    private final Path runDir;
    private final boolean keepsData;
    private final StartedInOrder started = new StartedInOrder();
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
        RunFolder.stopStale(runDir);
        if (!keepsData) {
            RunFolder.wipe(runDir);
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
            RunFolder.stopStale(dataDir);
            RunFolder.wipe(dataDir);
        }
        return new Platform(Installation.detect(), dataDir, true, Ports.FIXED, PostgresServer.Durability.DURABLE, ServiceProcess.LOCAL_RUN_JVM);
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
            postgres = remember(servers == ServerChoice.CONTAINERS
                    ? PostgresServer.inContainer(databases, durability)
                    : PostgresServer.start(runDir, databases, ports, durability));
            log("PostgreSQL ready on 127.0.0.1:" + postgres.port());
        }
        return postgres;
    }

    public synchronized KafkaServer kafka() {
        if (kafka == null) {
            log("starting Kafka");
            kafka = remember(servers == ServerChoice.CONTAINERS
                    ? KafkaServer.inContainer()
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
            keycloak = remember(servers == ServerChoice.CONTAINERS
                    ? KeycloakServer.inContainer(installation)
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
        return ServiceConfiguration.of(this, service, services);
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
        started.remember(process);
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
        InstancesTogether together = InstancesTogether.start(installation, runDir, service, ports, config, serviceJvm);
        synchronized (this) {
            together.ready().forEach(started::remember);
        }
        if (together.failed() != null) {
            throw together.failed();
        }
        log(count + " instances of " + service.module + " are UP");
        return together.ready();
    }

    /** The service, started on a free port unless it already runs in this platform. */
    public synchronized ServiceProcess ensureService(Service service) {
        ServiceProcess running = services.get(service);
        return running != null ? running : startService(service, Net.freePort(), Map.of());
    }

    /** Every service, each started unless it already runs, then the gateway in front of them all (an end-to-end test's platform). */
    public synchronized GatewayServer ensureEveryService() {
        for (Service service : Service.values()) {
            ensureService(service);
        }
        return gateway();
    }

    public synchronized ServiceProcess service(Service service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new LaunchException(service.module + " is not started in this platform");
        }
        return process;
    }

    private <T extends AutoCloseable> T remember(T server) {
        return started.remember(server);
    }

    @Override
    public synchronized void close() {
        started.stopAll();
    }

    static void log(String message) {
        System.err.println("[platform] " + message);
    }

    static Duration serviceStartTimeout() {
        return Duration.ofSeconds(120);
    }
}
