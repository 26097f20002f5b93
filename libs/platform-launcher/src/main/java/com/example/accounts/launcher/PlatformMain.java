package com.example.accounts.launcher;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

/**
 * The local run: {@code run} starts every server and the four services, creates a demo account and prints how to
 * use it; {@code servers} starts only the servers (to run a service in dev mode against them). Ctrl-C stops all.
 * Both keep their data in one folder across starts ({@link Installation#localDataDir()}, or {@code --data-dir});
 * {@code --fresh} wipes it first.
 */
public final class PlatformMain {

    private PlatformMain() {
    }

    static final String USAGE = """
            usage: ./platform run|servers [--fresh] [--data-dir DIR]
              --fresh          wipe the data folder first: a new cluster, empty topics, the realm imported again, a new demo account
              --data-dir DIR   keep the data in DIR instead of $PLATFORM_DATA_DIR, else <project>/.platform/local""";

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "run";
        boolean fresh = false;
        Path dataDir = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                case "--data-dir" -> {
                    if (i + 1 == args.length) {
                        usage();
                    }
                    dataDir = Paths.get(args[++i]).toAbsolutePath().normalize();
                }
                default -> usage();
            }
        }
        if (!mode.equals("run") && !mode.equals("servers")) {
            usage();
        }
        Platform platform;
        try {
            platform = Platform.local(dataDir != null ? dataDir : Installation.detect().localDataDir(), fresh);
        } catch (LaunchException e) {
            System.err.println("[platform] " + e.getMessage());
            System.exit(1);
            return;
        }
        Platform.log((fresh ? "fresh data in " : "data in ") + platform.runDir());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Platform.log("stopping everything");
            platform.close();
            stopped.countDown();
        }, "platform-stop"));
        try {
            switch (mode) {
                case "servers" -> {
                    platform.keycloak();
                    platform.postgres();
                    platform.kafka();
                    System.out.println(LocalRun.serversSummary(platform) + LocalRun.devModeSummary());
                }
                default -> LocalRun.start(platform);
            }
        } catch (LaunchException e) {
            System.err.println("[platform] " + e.getMessage());
            System.exit(1);
        }
        System.out.println("Press Ctrl-C to stop everything; the data stays in " + platform.runDir() + ".");
        stopped.await();
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }
}
