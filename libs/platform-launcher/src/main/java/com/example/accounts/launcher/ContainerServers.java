package com.example.accounts.launcher;

import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers from Testcontainers ({@code platform.servers=containers}, or {@code auto} where a Docker engine
 * answers): the images compose runs (PostgreSQL 15, Kafka 4.1.1, Keycloak 26.5.6) and the GreenMail of the local
 * processes, configured as the launcher configures its processes (the same realm with its local-only clients, the
 * same Kafka settings, trust authentication for {@code postgres}), so the services are given the same configuration.
 */
final class ContainerServers {

    static final String POSTGRES_IMAGE = "postgres:15";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.5.6";
    static final String GREENMAIL_IMAGE = "greenmail/standalone:2.1.8";
    static final int POSTGRES_PORT = 5432;
    static final int KAFKA_PORT = 9092;
    static final int SMTP_PORT = 3025;
    static final int MAIL_API_PORT = 8080;
    static final int KEYCLOAK_PORT = 8080;
    /** Keycloak reaches the SMTP server inside the containers' network by this name. */
    static final String MAIL_ALIAS = "mail";

    /** One network per JVM: Keycloak sends the realm's mail to the GreenMail container through it. */
    private static final Network NETWORK = Network.newNetwork();

    private ContainerServers() {
    }

    static ServerContainer postgres(List<String> settings) {
        List<String> command = new ArrayList<>(List.of("postgres", "-c", "max_connections=300"));
        command.addAll(settings);
        return start("PostgreSQL", new GenericContainer<>(DockerImageName.parse(POSTGRES_IMAGE))
                .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                .withCommand(command.toArray(String[]::new))
                .withExposedPorts(POSTGRES_PORT)
                // the image's entrypoint starts the server twice: once to initialise, then for good
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2)
                        .withStartupTimeout(Duration.ofSeconds(120))));
    }

    static ServerContainer kafka() {
        // as KafkaServer's server.properties: the services' relays create the topics, with six partitions by default
        return start("Kafka", new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", "6")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "6")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0"));
    }

    static ServerContainer mail() {
        return start("GreenMail", new GenericContainer<>(DockerImageName.parse(GREENMAIL_IMAGE))
                .withEnv("GREENMAIL_OPTS", "-Dgreenmail.setup.test.smtp -Dgreenmail.hostname=0.0.0.0 -Dgreenmail.auth.disabled"
                        + " -Dgreenmail.api.hostname=0.0.0.0 -Dgreenmail.api.port=" + MAIL_API_PORT)
                .withNetwork(NETWORK).withNetworkAliases(MAIL_ALIAS)
                .withExposedPorts(SMTP_PORT, MAIL_API_PORT)
                .waitingFor(Wait.forHttp("/api/service/readiness").forPort(MAIL_API_PORT)));
    }

    /** Keycloak in dev mode on the realm the processes import ({@code realm}: the realm file with the local-only clients). */
    static ServerContainer keycloak(byte[] realm) {
        return start("Keycloak", new GenericContainer<>(DockerImageName.parse(KEYCLOAK_IMAGE))
                .withCopyToContainer(Transferable.of(realm), "/opt/keycloak/data/import/accounts-realm.json")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USER)
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD)
                .withEnv("SMTP_HOST", MAIL_ALIAS)
                .withEnv("SMTP_PORT", Integer.toString(SMTP_PORT))
                .withCommand("start-dev", "--http-port=" + KEYCLOAK_PORT, "--hostname-strict=false", "--import-realm",
                        "--health-enabled=true", "--cache=local", "--log-level=warn,org.keycloak.exportimport:info")
                .withNetwork(NETWORK)
                .withExposedPorts(KEYCLOAK_PORT)
                .waitingFor(Wait.forHttp("/realms/" + KeycloakServer.REALM + "/.well-known/openid-configuration").forPort(KEYCLOAK_PORT)
                        .withStartupTimeout(Duration.ofSeconds(240))));
    }

    private static ServerContainer start(String name, GenericContainer<?> container) {
        // fixed host ports, so a container stopped and started again (an outage in a test) keeps its addresses,
        // and Kafka the listener it advertises
        List<String> bindings = new ArrayList<>();
        for (int exposed : container.getExposedPorts()) {
            bindings.add(Net.freePort() + ":" + exposed);
        }
        container.setPortBindings(bindings);
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new LaunchException("cannot start " + name + " in a container (" + container.getDockerImageName() + "): " + e.getMessage(), e);
        }
        return new ServerContainer() {
            @Override
            public String host() {
                return container.getHost();
            }

            @Override
            public int port(int containerPort) {
                return container.getMappedPort(containerPort);
            }

            @Override
            public String exec(String... command) {
                try {
                    ExecResult result = container.execInContainer(command);
                    if (result.getExitCode() != 0) {
                        throw new LaunchException(name + ": " + String.join(" ", command) + " failed (exit " + result.getExitCode() + "): "
                                + result.getStdout() + result.getStderr());
                    }
                    return result.getStdout().trim();
                } catch (IOException e) {
                    throw new LaunchException(name + ": cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LaunchException(name + ": interrupted running " + String.join(" ", command), e);
                }
            }

            @Override
            public void stopServer() {
                container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
            }

            @Override
            public void killServer() {
                container.getDockerClient().killContainerCmd(container.getContainerId()).withSignal("KILL").exec();
            }

            @Override
            public void startServer(Duration timeout, java.util.function.BooleanSupplier ready) {
                container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!ready.getAsBoolean()) {
                    if (System.nanoTime() > deadline) {
                        throw new LaunchException(name + " did not come back within " + timeout + " after a start of its container");
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new LaunchException("interrupted waiting for " + name, e);
                    }
                }
            }

            @Override
            public void close() {
                container.stop();
            }

            @Override
            public String toString() {
                return name + " (" + container.getDockerImageName() + ")";
            }
        };
    }
}
