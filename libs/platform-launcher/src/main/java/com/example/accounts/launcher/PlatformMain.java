package com.example.accounts.launcher;

import java.util.concurrent.CountDownLatch;

/**
 * The local run: {@code run} starts every server and the four services, creates a demo account and prints how to
 * use it; {@code servers} starts only the servers (to run a service in dev mode against them). Ctrl-C stops all.
 */
public final class PlatformMain {

    private PlatformMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "run";
        Platform platform = Platform.local();
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
                    System.out.println(LocalRun.serversSummary(platform));
                }
                case "run" -> LocalRun.start(platform);
                default -> {
                    System.err.println("usage: PlatformMain [run|servers]");
                    System.exit(2);
                }
            }
        } catch (LaunchException e) {
            System.err.println("[platform] " + e.getMessage());
            System.exit(1);
        }
        System.out.println("Press Ctrl-C to stop everything.");
        stopped.await();
    }
}
