package com.example.accounts.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where things are on this machine: the project's root, the servers the build fetched from Maven Central
 * (servers.properties, written by the servers module), a JDK 21+ and Debian's PostgreSQL.
 */
public final class Installation {

    private final Properties servers;
    private final Path root;

    private Installation(Properties servers, Path root) {
        this.servers = servers;
        this.root = root;
    }

    public static Installation detect() {
        Properties properties = new Properties();
        try (InputStream in = Installation.class.getResourceAsStream("/servers.properties")) {
            if (in == null) {
                throw new LaunchException("servers.properties is not on the classpath: build libs/servers first (./mvnw install -pl libs/servers)");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new LaunchException("cannot read servers.properties: " + e.getMessage(), e);
        }
        return new Installation(properties, projectRoot());
    }

    /** The project's root: -Dplatform.root (set by the build), else the nearest folder upwards with mvnw. */
    static Path projectRoot() {
        String configured = System.getProperty("platform.root", System.getenv("PLATFORM_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new LaunchException("cannot find the project root (a folder with mvnw and pom.xml); set -Dplatform.root");
    }

    public Path root() {
        return root;
    }

    /** Where a run keeps its data and logs: one folder per run name, under target/ so that `clean` removes it. */
    public Path runDir(String runName) {
        return root.resolve("target").resolve("platform").resolve(runName);
    }

    /**
     * Where the local run keeps its data from one start to the next: {@code -Dplatform.data-dir} or
     * {@code PLATFORM_DATA_DIR}, else {@code <root>/.platform/local} (ignored by git). Outside target/, because a
     * user's accounts must outlive {@code ./mvnw clean}.
     */
    public Path localDataDir() {
        String configured = System.getProperty("platform.data-dir", System.getenv("PLATFORM_DATA_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        return root.resolve(".platform").resolve("local");
    }

    public List<String> kafkaClasspath() {
        return List.of(require("kafka.classpath").split(java.io.File.pathSeparator));
    }

    public Path greenmailJar() {
        return existing(require("greenmail.jar"), "GreenMail");
    }

    public Path keycloakHome() {
        return existing(require("keycloak.home"), "Keycloak");
    }

    private Path existing(String path, String what) {
        Path p = Paths.get(path);
        if (!Files.exists(p)) {
            throw new LaunchException(what + " is not at " + p + ": build libs/servers again (./mvnw install -pl libs/servers)");
        }
        return p;
    }

    private String require(String key) {
        String value = servers.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new LaunchException("servers.properties has no " + key + ": build libs/servers again");
        }
        return value;
    }

    /** The java binary of a JDK 21+: this JVM's when it is one, else JAVA_HOME's, else the newest in /usr/lib/jvm. */
    public static Path java21() {
        if (Runtime.version().feature() >= 21) {
            return ProcessHandle.current().info().command().map(Paths::get)
                    .orElseGet(() -> Paths.get(System.getProperty("java.home"), "bin", "java"));
        }
        return Optional.ofNullable(System.getenv("JAVA_HOME")).map(Paths::get)
                .filter(home -> featureOf(home) >= 21)
                .or(Installation::newestSystemJdk)
                .map(home -> home.resolve("bin").resolve("java"))
                .orElseThrow(() -> new LaunchException("no JDK 21 or newer: set JAVA_HOME to one, or install one under /usr/lib/jvm"));
    }

    private static Optional<Path> newestSystemJdk() {
        Path jvm = Paths.get("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvm)) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/javac")))
                    .filter(d -> featureOf(d) >= 21)
                    .max(Comparator.comparingInt(Installation::featureOf));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static int featureOf(Path javaHome) {
        Path release = javaHome.resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
