package com.example.accounts.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A single Apache Kafka broker in KRaft mode (broker and controller in one process), run from the broker
 * jars on Maven Central. It can be stopped and started again on the same port and data, as a real outage would.
 * Beside its PLAINTEXT listener it has a SASL_PLAINTEXT one (mechanism PLAIN, one user {@value #SASL_USER}), where a
 * client is refused without the right password: what a secured cluster asks of the services' Kafka clients.
 */
public final class KafkaServer implements AutoCloseable {

    /** How long a stop waits for the server to end before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Installation installation;
    private final Path dir;
    private final Path logDir;
    private final int port;
    private final int saslPort;
    private final List<String> jvmOptions;
    private ManagedProcess process;
    /** The container the broker runs in (platform.servers=containers), else null: a local process. */
    private ServerContainer container;
    private String host = "127.0.0.1";

    /** The one user of the SASL listener and its password: local, for tests and the local run only. */
    public static final String SASL_USER = "platform";
    public static final String SASL_PASSWORD = "platform-local-secret";

    /** A broker without the SASL listener. */
    private KafkaServer(Installation installation, Path dir, Path logDir, int port, List<String> jvmOptions) {
        this(installation, dir, logDir, port, -1, jvmOptions);
    }

    private KafkaServer(Installation installation, Path dir, Path logDir, int port, int saslPort, List<String> jvmOptions) {
        this.installation = installation;
        this.dir = dir;
        this.logDir = logDir;
        this.port = port;
        this.saslPort = saslPort;
        this.jvmOptions = jvmOptions;
    }

    /** Quick to start, small: the tests' broker. */
    public static final List<String> QUICK_START_JVM = List.of("-Xms128m", "-Xmx512m", "-XX:TieredStopAtLevel=1");

    /** The local run's broker: the full JIT and room for a user's traffic. */
    static final List<String> LOCAL_RUN_JVM = List.of("-Xms256m", "-Xmx1g");

    /**
     * Starts the broker on the log folders in {@code runDir/kafka}: formatted the first time, kept as they are after
     * that (a restart keeps every topic and record), with this run's ports written into its configuration.
     */
    public static KafkaServer start(Installation installation, Path runDir, Ports ports, List<String> jvmOptions) {
        Path dir = runDir.resolve("kafka");
        Path logDir = runDir.resolve("logs");
        int port = ports.port("kafka");
        int controllerPort = ports.port("kafka-controller");
        int saslPort = ports.port("kafka-sasl");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("server.properties"), String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "sasl.enabled.mechanisms=PLAIN",
                    "listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_"
                            + SASL_USER + "=\"" + SASL_PASSWORD + "\";",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=6",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=6",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=false",
                    "log.flush.interval.messages=9223372036854775807",
                    ""));
            Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                    "status = warn",
                    "appender.console.type = Console",
                    "appender.console.name = STDOUT",
                    "appender.console.layout.type = PatternLayout",
                    "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                    "rootLogger.level = info",
                    "rootLogger.appenderRef.stdout.ref = STDOUT",
                    "logger.kafka.name = kafka",
                    "logger.kafka.level = info",
                    "logger.apache.name = org.apache",
                    "logger.apache.level = warn",
                    ""));
        } catch (IOException e) {
            throw new LaunchException("cannot prepare Kafka's folder " + dir + ": " + e.getMessage(), e);
        }
        KafkaServer server = new KafkaServer(installation, dir, logDir, port, saslPort, jvmOptions);
        if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            server.format();
        }
        server.startProcess();
        return server;
    }

    private void format() {
        List<String> command = java("kafka.tools.StorageTool");
        // "--cluster-id=": a base64url id may start with '-', which the tool would take for an option (1 start in 64).
        command.addAll(List.of("format", "--cluster-id=" + clusterId(), "--config=" + dir.resolve("server.properties")));
        PostgresServer.run(command, logDir, "kafka storage format");
    }

    /** Kafka from Testcontainers, with the settings of the local broker's server.properties. */
    static KafkaServer inContainer() {
        ServerContainer container = ContainerServers.kafka();
        KafkaServer server = new KafkaServer(null, null, null, container.port(ContainerServers.KAFKA_PORT), -1, List.<String>of());
        server.container = container;
        server.host = container.host();
        return server;
    }

    /** Starts the broker (again) on the same port and data. */
    public synchronized void startProcess() {
        if (container != null) {
            container.startServer(Duration.ofSeconds(90), this::answers);
            return;
        }
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = java("kafka.Kafka");
        command.add(dir.resolve("server.properties").toString());
        process = ManagedProcess.start("kafka", command, dir, Map.of(), logDir);
        process.awaitReady(Duration.ofSeconds(90), () -> Net.listening(port) && logSays("Kafka Server started"));
    }

    /** Stops the broker as an outage would; {@link #startProcess()} brings it back. */
    public synchronized void stopProcess() {
        ServerContainer.stop(container, process, STOP_GRACE);
    }

    /** A container's broker answers a client (the container publishes its port before the broker listens). */
    private boolean answers() {
        try {
            // the broker's listener inside the container (KafkaContainer's BROKER, advertised by the container's name)
            container.exec("/opt/kafka/bin/kafka-broker-api-versions.sh", "--bootstrap-server", "localhost:9093");
            return true;
        } catch (LaunchException e) {
            return false;
        }
    }

    private boolean logSays(String text) {
        try {
            return Files.readString(process.log()).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> java(String mainClass) {
        List<String> command = new ArrayList<>(List.of(Installation.java21().toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", String.join(java.io.File.pathSeparator, installation.kafkaClasspath())));
        command.add(mainClass);
        return command;
    }

    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    /**
     * A client's Kafka settings for the SASL listener as {@code user} with {@code password} (the right ones are
     * {@link #SASL_USER} and {@link #SASL_PASSWORD}): what a service reads from {@code kafka.*} or {@code KAFKA_*}.
     */
    public Map<String, String> saslClientConfig(String user, String password) {
        if (saslPort < 0) {
            throw new LaunchException("this Kafka broker has no SASL listener");
        }
        return Map.of("bootstrap.servers", host + ":" + saslPort, "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                        + "\" password=\"" + password + "\";");
    }

    @Override
    public synchronized void close() {
        ServerContainer.close(container, process, STOP_GRACE);
    }
}
