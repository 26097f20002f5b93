package com.example.accounts.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A server running as a child process: its output goes to a log file, its pid to a pid file so that a
 * later run can clean up after a run that was killed, and it is stopped gently before it is killed.
 */
public final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    public static ManagedProcess start(String name, List<String> command, Path workDir, Map<String, String> env, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path pidFile = logDir.resolve(name + ".pid");
            killStale(pidFile);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            Files.writeString(pidFile, process.pid() + " " + process.toHandle().info().startInstant().map(Instant::toEpochMilli).orElse(0L));
            return new ManagedProcess(name, process, log, pidFile);
        } catch (IOException e) {
            throw new LaunchException("could not start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    /** Stops what a killed earlier run left behind in this log folder, before anything claims its ports. */
    static void killStaleIn(Path logDir) {
        if (!Files.isDirectory(logDir)) {
            return;
        }
        try (var pidFiles = Files.list(logDir)) {
            for (Path pidFile : pidFiles.filter(p -> p.toString().endsWith(".pid")).toList()) {
                killStale(pidFile);
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read " + logDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A run that was killed leaves its servers behind; their pid files let the next run stop them. The file also
     * holds the process's start time, so that a pid the system has since given to another process is left alone.
     */
    private static void killStale(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String[] recorded = Files.readString(pidFile).trim().split(" ");
        Files.delete(pidFile);
        if (recorded.length != 2) {
            return;
        }
        ProcessHandle.of(Long.parseLong(recorded[0]))
                .filter(stale -> stale.info().startInstant().map(start -> Long.toString(start.toEpochMilli()).equals(recorded[1])).orElse(false))
                .ifPresent(stale -> {
                    // gently first, as close() does: the local run's servers hold data it keeps (a checkpoint, a clean log)
                    stale.descendants().forEach(ProcessHandle::destroy);
                    stale.destroy();
                    try {
                        stale.onExit().get(20, TimeUnit.SECONDS);
                    } catch (TimeoutException | ExecutionException e) {
                        stale.descendants().forEach(ProcessHandle::destroyForcibly);
                        stale.destroyForcibly();
                        stale.onExit().join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }

    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new LaunchException(name + " exited with code " + process.exitValue() + " before it was ready; see " + log + "\n" + tail());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(200);
        }
        throw new LaunchException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log + "\n" + tail());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the process, gently first (SIGTERM lets Kafka and PostgreSQL shut down cleanly), then for good. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /** Kills the process at once (SIGKILL), as a crash would: no shutdown hook runs. */
    public void kill() {
        boolean wrapper = process.children().findAny().isPresent();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            // a wrapper (runuser) reaps the child it ran, then exits: killed before that, it would leave the child a
            // zombie that keeps its pid, and a PostgreSQL restarted on the cluster would see its postmaster.pid alive
            if (wrapper && process.waitFor(5, TimeUnit.SECONDS)) {
                return;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop(Duration grace) {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // the pid file only helps a later run clean up; a process that is gone needs none
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting", e);
        }
    }
}
