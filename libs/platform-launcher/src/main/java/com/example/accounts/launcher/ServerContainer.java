package com.example.accounts.launcher;

/**
 * A server running in a container ({@link ContainerServers}), as the server classes see it: where its ports are
 * published and how to run a command inside it. Keeps Testcontainers' types in {@link ContainerServers} alone.
 */
interface ServerContainer extends AutoCloseable {

    /** The host the published ports are on (the engine's, often localhost). */
    String host();

    /** The published port of the container's {@code containerPort}. */
    int port(int containerPort);

    /** Runs a command in the container; returns what it printed, or fails naming the command and what it printed. */
    String exec(String... command);

    /** Stops the container as an outage would (SIGTERM, then SIGKILL after a grace period); its ports and files stay. */
    void stopServer();

    /** SIGKILL to the container's server, as a crash would: no shutdown; {@link #startServer} recovers. */
    void killServer();

    /** Starts the stopped or killed container again, on the same published ports and files, and waits for {@code ready}. */
    void startServer(java.time.Duration timeout, java.util.function.BooleanSupplier ready);

    @Override
    void close();

    /** Stops a server as an outage would: in its container if it runs in one, else its local process (if started), given {@code grace}. */
    static void stop(ServerContainer container, ManagedProcess process, java.time.Duration grace) {
        if (container != null) {
            container.stopServer();
        } else if (process != null) {
            process.stop(grace);
        }
    }

    /** Stops a server for good: its container goes, or its local process stops as {@link #stop} would stop it. */
    static void close(ServerContainer container, ManagedProcess process, java.time.Duration grace) {
        if (container != null) {
            container.close();
        } else {
            stop(null, process, grace);
        }
    }

    /** The refusal of what only a local process has (the cluster's folder on this machine). */
    static LaunchException processOnly(String server, String what) {
        return new LaunchException(server + " runs in a container (" + ServerChoice.PROPERTY + "=containers): " + what
                + " is the local process's; run this with " + ServerChoice.PROPERTY + "=processes");
    }
}
