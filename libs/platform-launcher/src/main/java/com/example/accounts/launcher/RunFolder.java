package com.example.accounts.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A run's folder as a {@link Platform} finds it: the servers' data folders, and the logs with the pid files of the
 * processes a run started, which stay.
 */
final class RunFolder {

    private static final List<String> DATA = List.of("postgres", "kafka", "keycloak", LocalRun.DEMO_ACCOUNT_FILE);

    private RunFolder() {
    }

    /** Before anything is wiped or claims a port: a killed earlier run's servers still hold both. */
    static void stopStale(Path runDir) {
        ManagedProcess.killStaleIn(runDir.resolve("logs"));
    }

    /** Deletes the servers' data in the folder; its logs stay. */
    static void wipe(Path runDir) {
        try {
            for (String data : DATA) {
                PostgresServer.deleteRecursively(runDir.resolve(data));
            }
        } catch (IOException e) {
            throw new LaunchException("cannot wipe the data in " + runDir + ": " + e.getMessage(), e);
        }
    }
}
