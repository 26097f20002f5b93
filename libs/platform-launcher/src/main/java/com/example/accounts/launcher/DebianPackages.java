package com.example.accounts.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Installs a Debian package the launcher needs where it is missing, when we are root (a fresh CI machine). */
final class DebianPackages {

    private DebianPackages() {
    }

    /** {@code apt-get update} then {@code apt-get install} of the package, its output logged under a temporary folder. */
    static void install(String pkg, String why) {
        System.err.println("[launcher] " + why + ": installing Debian's package " + pkg);
        try {
            Path logDir = Files.createTempDirectory("apt-" + pkg);
            PostgresServer.run(List.of("apt-get", "update"), logDir, "apt-get-update");
            PostgresServer.run(List.of("apt-get", "install", "-y", "--no-install-recommends", pkg), logDir, "apt-get-install");
        } catch (IOException e) {
            throw new LaunchException("cannot install " + pkg + ": " + e.getMessage(), e);
        }
    }
}
