package com.example.accounts.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's PostgreSQL server with a cluster of the project's own, in the run's folder, on a free loopback port.
 * PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user and every command runs as it.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final Durability durability;
    private ManagedProcess process;
    /** Where the server listens: loopback for the local process, the engine's host for a container. */
    private final String host;
    /** The container the server runs in (platform.servers=containers), else null: a local process. */
    private final ServerContainer container;

    private PostgresServer(Path bin, Path dataDir, int port, Durability durability) {
        this(bin, dataDir, port, durability, "127.0.0.1", null);
    }

    private PostgresServer(Path bin, Path dataDir, int port, Durability durability, String host, ServerContainer container) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.durability = durability;
        this.host = host;
        this.container = container;
    }

    /** PostgreSQL from Testcontainers with the same user, trust authentication, durability and databases. */
    static PostgresServer inContainer(List<String> databases, Durability durability) {
        ServerContainer container = ContainerServers.postgres(durability.settings);
        PostgresServer server = new PostgresServer(null, null, container.port(ContainerServers.POSTGRES_PORT), durability, container.host(), container);
        for (String database : databases) {
            server.createDatabase(database);
        }
        return server;
    }

    /**
     * How the cluster treats a commit. {@link #DURABLE} is the server's own defaults (fsync, synchronous commit,
     * full page writes): what the local run and the benchmark use, so an acknowledged command survives a crash.
     * {@link #TEST_SPEED} trades that away for speed, and only tests may take it.
     */
    public enum Durability {
        DURABLE(List.of()),
        TEST_SPEED(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));

        final List<String> settings;

        Durability(List<String> settings) {
            this.settings = settings;
        }
    }

    /**
     * Starts PostgreSQL on the cluster in {@code runDir/postgres}: an existing one as it is (a restart after a stop or a
     * crash, its databases kept), else a new one made by initdb. Creates those of {@code databases} it lacks.
     */
    public static PostgresServer start(Path runDir, List<String> databases, Ports ports, Durability durability) {
        Path bin = findBinaries();
        Path dataDir = runDir.resolve("postgres");
        Path logDir = runDir.resolve("logs");
        boolean existing = isCluster(dataDir);
        if (!existing) {
            initdb(bin, dataDir, logDir, durability);
        }
        PostgresServer server = new PostgresServer(bin, dataDir, ports.port("postgres"), durability);
        server.startProcess();
        List<String> present = existing ? List.of(server.psql("postgres", "SELECT datname FROM pg_database").split("\n")) : List.of();
        for (String database : databases) {
            if (!present.contains(database)) {
                server.createDatabase(database);
            }
        }
        return server;
    }

    /** A folder initdb made a cluster in; anything else there (a half-made one) is made again. */
    private static boolean isCluster(Path dataDir) {
        return Files.exists(dataDir.resolve("PG_VERSION")) && Files.exists(dataDir.resolve("global").resolve("pg_control"));
    }

    private static void initdb(Path bin, Path dataDir, Path logDir, Durability durability) {
        try {
            deleteRecursively(dataDir);
            Files.createDirectories(dataDir);
            Files.createDirectories(logDir);
            if (isRoot()) {
                run(List.of("chown", "-R", USER + ":", dataDir.toString()), logDir, "chown");
            }
            List<String> initdb = new ArrayList<>(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER,
                    "--auth=trust", "-E", "UTF8", "--locale=C"));
            if (durability == Durability.TEST_SPEED) {
                initdb.add("--no-sync");
            }
            run(asServerUser(initdb), logDir, "initdb");
        } catch (IOException e) {
            throw new LaunchException("cannot prepare the PostgreSQL cluster in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts the server (again) on the same cluster and port, and waits until it accepts connections: after a
     * {@link #kill()} that includes the crash recovery, which replays what the WAL holds and nothing else.
     */
    public synchronized void startProcess() {
        if (container != null) {
            container.startServer(Duration.ofSeconds(120), this::answers);
            return;
        }
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(),
                "-D", dataDir.toString(), "-p", Integer.toString(port), "-k", dataDir.toString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"));
        command.addAll(durability.settings);
        process = ManagedProcess.start("postgres", asServerUser(command), dataDir, Map.of(), dataDir.getParent().resolve("logs"));
        process.awaitReady(Duration.ofSeconds(120), this::accepting);
    }

    /** SIGKILL to the postmaster and every backend, as a crash would: no checkpoint, no shutdown; {@link #startProcess()} recovers. */
    public synchronized void kill() {
        if (container != null) {
            container.killServer();
            return;
        }
        if (process != null) {
            process.kill();
        }
    }

    /** The cluster's folder, which a restart reuses. */
    public Path dataDir() {
        if (container != null) {
            throw ServerContainer.processOnly("PostgreSQL", "the cluster's folder");
        }
        return dataDir;
    }

    public int port() {
        return port;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public void createDatabase(String name) {
        psql("postgres", "CREATE DATABASE \"" + name + "\"");
    }

    /** Runs one SQL statement with psql and returns what it printed (unaligned, tuples only). */
    public String psql(String database, String sql) {
        if (container != null) {
            return container.exec("psql", "-U", USER, "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql);
        }
        List<String> command = List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", USER, "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql);
        return run(command, dataDir.getParent().resolve("logs"), "psql");
    }

    /** A container's server answers a query (its entrypoint's first start, which initialises, does not count). */
    private boolean answers() {
        try {
            return "1".equals(psql("postgres", "SELECT 1"));
        } catch (LaunchException e) {
            return false;
        }
    }

    private boolean accepting() {
        try {
            List<String> command = List.of(bin.resolve("pg_isready").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port));
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (container != null) {
            container.close();
        }
        if (process != null) {
            process.stop(Duration.ofSeconds(15));
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Debian's server binaries, newest major first; installs the package with apt-get where it is missing. */
    static Path findBinaries() {
        Path found = newestBinDir();
        if (found != null) {
            return found;
        }
        if (isRoot()) {
            DebianPackages.install("postgresql", "PostgreSQL server not found under /usr/lib/postgresql");
            found = newestBinDir();
        }
        if (found == null) {
            throw new LaunchException("PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/postgres): apt-get install postgresql");
        }
        return found;
    }

    private static Path newestBinDir() {
        Path base = Paths.get("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    static String run(List<String> command, Path logDir, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            int code = process.waitFor();
            if (code != 0) {
                throw new LaunchException(what + " failed (exit " + code + "): " + String.join(" ", command) + "\n" + output);
            }
            return output.trim();
        } catch (IOException e) {
            throw new LaunchException(what + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(what + " was interrupted", e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
