package com.example.accounts.launcher;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the real servers: PostgreSQL, Kafka, Keycloak and the SMTP server, started once per
 * test JVM by the same {@link Platform} as the local run, and stopped when the JVM exits.
 * Use it with {@code @WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))}.
 */
public final class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private Platform.Service service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = Platform.Service.ofModule(initArgs.getOrDefault("service", "account-service"));
    }

    @Override
    public Map<String, String> start() {
        return TestPlatform.get().configFor(service);
    }

    @Override
    public void stop() {
        // the servers outlive one test class: TestPlatform stops them when the JVM exits
    }
}
