package com.example.accounts.launcher;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a {@link Platform} started, servers and service instances alike, in the order it started them, so that they
 * stop in reverse: nothing stops before what depends on it. Used under the platform's lock.
 */
final class StartedInOrder {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    <T extends AutoCloseable> T remember(T server) {
        started.push(server);
        return server;
    }

    /** Stops each, the last started first; one that cannot be stopped is logged and the others still stopped. */
    void stopAll() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                Platform.log("could not stop " + server + ": " + e.getMessage());
            }
        }
    }
}
