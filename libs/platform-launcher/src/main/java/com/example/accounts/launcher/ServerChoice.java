package com.example.accounts.launcher;

import org.testcontainers.DockerClientFactory;

import java.util.Locale;

/**
 * Where a platform's servers (PostgreSQL, Kafka, Keycloak, the SMTP server) come from: local processes, as on the
 * machines this project is built on, or Testcontainers where a Docker engine answers. Chosen by
 * {@code platform.servers} (system property, else the environment's {@code PLATFORM_SERVERS}): {@code auto} (the
 * default) takes containers when an engine answers and processes otherwise, {@code processes} and {@code containers}
 * insist. Either way the services are given the same configuration (hosts, ports, credentials) by {@link Platform}.
 */
public enum ServerChoice {
    PROCESSES,
    CONTAINERS;

    public static final String PROPERTY = "platform.servers";

    /** Whether a Docker engine answers, and if not, why not (Testcontainers' own words). */
    public record Engine(boolean available, String description) {

        /** Asks Testcontainers' DockerClientFactory, which tries every way it knows to reach an engine. */
        public static Engine probe() {
            try {
                DockerClientFactory docker = DockerClientFactory.instance();
                if (docker.isDockerAvailable()) {
                    return new Engine(true, "Docker engine at " + docker.getTransportConfig().getDockerHost());
                }
                return new Engine(false, "no Docker engine answers (Testcontainers found no working Docker environment)");
            } catch (RuntimeException | LinkageError e) {
                return new Engine(false, "no Docker engine answers (" + e.getMessage() + ")");
            }
        }
    }

    /** The setting as the run was given it: the system property, else the environment, else {@code auto}. */
    public static String setting() {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            return property;
        }
        String env = System.getenv("PLATFORM_SERVERS");
        return env != null ? env : "auto";
    }

    /** The choice for {@code setting}, asking {@code engine} only when the setting needs to know. */
    public static ServerChoice select(String setting, java.util.function.Supplier<Engine> engine) {
        switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "processes" :
                return PROCESSES;
            case "auto" :
                return engine.get().available() ? CONTAINERS : PROCESSES;
            case "containers" : {
                Engine found = engine.get();
                if (!found.available()) {
                    throw new LaunchException(PROPERTY + "=containers needs a Docker engine for Testcontainers, and " + found.description()
                            + ": start one (or set DOCKER_HOST), or run with " + PROPERTY + "=processes or auto");
                }
                return CONTAINERS;
            }
            default :
                throw new LaunchException(PROPERTY + " is '" + setting + "'; it takes auto, processes or containers");
        }
    }

    /** Chooses from this run's setting, and says on the log what it chose and why. */
    static ServerChoice forThisRun() {
        String setting = setting();
        Engine[] asked = new Engine[1];
        ServerChoice choice = select(setting, () -> asked[0] = Engine.probe());
        Platform.log("servers: " + choice.name().toLowerCase(Locale.ROOT) + " (" + PROPERTY + "=" + setting
                + (asked[0] == null ? "" : "; " + asked[0].description()) + ")");
        return choice;
    }
}
