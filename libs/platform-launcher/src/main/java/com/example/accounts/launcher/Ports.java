package com.example.accounts.launcher;

import java.util.Map;

/**
 * Which loopback port each server listens on: fixed, well-known ports for the local run (so the README's requests
 * work as written), free ones for tests (so test runs never collide with each other or with a local run).
 */
public interface Ports {

    int port(String name);

    Ports FREE = name -> Net.freePort();

    Map<String, Integer> LOCAL_RUN = Map.of(
            "postgres", 55432,
            "kafka", 9092,
            "kafka-controller", 9093,
            "kafka-sasl", 9094,
            "keycloak", 8180,
            "keycloak-management", 9190,
            "smtp", 2525,
            "mail-api", 8025,
            "gateway", 8080);

    Ports FIXED = name -> {
        Integer port = LOCAL_RUN.get(name);
        if (port == null) {
            throw new LaunchException("no fixed port for " + name);
        }
        if (Net.listening(port)) {
            throw new LaunchException("port " + port + " (for " + name + ") is already in use: is another local run still up? Stop it first.");
        }
        return port;
    };
}
