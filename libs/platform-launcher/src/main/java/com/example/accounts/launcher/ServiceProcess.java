package com.example.accounts.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the four services, run from its built Quarkus application like in production. */
public final class ServiceProcess implements AutoCloseable {

    private final Platform.Service service;
    private final int port;
    private final ManagedProcess process;

    private ServiceProcess(Platform.Service service, int port, ManagedProcess process) {
        this.service = service;
        this.port = port;
        this.process = process;
    }

    /** Quick to start, small: what the tests use. A benchmark passes the production JVM's options. */
    static final List<String> QUICK_START_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1");

    /** The local run's: the full JIT, as in production, and a heap for real work. */
    static final List<String> LOCAL_RUN_JVM = List.of("-Xms256m", "-Xmx1g");

    static ServiceProcess start(Installation installation, Path runDir, Platform.Service service, int port, Map<String, String> config,
            List<String> jvmOptions) {
        return start(installation, runDir, service, service.module, port, config, jvmOptions);
    }

    /**
     * @param name its log's and pid file's name: another instance of the service needs its own, since a start stops a
     *             live process found under its name (left by a killed run)
     */
    static ServiceProcess start(Installation installation, Path runDir, Platform.Service service, String name, int port,
            Map<String, String> config, List<String> jvmOptions) {
        Path jar = installation.root().resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new LaunchException(service.module + " is not built (no " + jar + "): run ./mvnw package -DskipTests first");
        }
        List<String> command = new ArrayList<>(List.of(Installation.java21().toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        ManagedProcess process = ManagedProcess.start(name, command, runDir, Map.of(), runDir.resolve("logs"));
        ServiceProcess started = new ServiceProcess(service, port, process);
        process.awaitReady(Platform.serviceStartTimeout(), () -> Net.httpOk(started.baseUrl() + "/q/health/ready"));
        return started;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return process.log();
    }

    /** Kills the service at once, as a crash would: it records nothing more. */
    public void kill() {
        process.kill();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.stop(java.time.Duration.ofSeconds(15));
    }

    @Override
    public String toString() {
        return service.module;
    }
}
