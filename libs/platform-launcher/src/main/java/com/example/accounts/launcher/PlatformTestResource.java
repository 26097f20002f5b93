package com.example.accounts.launcher;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the real servers: PostgreSQL, Kafka, Keycloak and the SMTP server, started once per
 * test JVM by the same {@link Platform} as the local run, and stopped when the JVM exits.
 * Use it with {@code @WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))};
 * {@code @ResourceArg(name = "needs", value = "permission-service")} also runs those services (built jars, comma
 * separated) and tells the service under test where they are ({@code platform.<module>.url}): behind a
 * {@link FaultProxy} each ({@link TestPlatform#proxyTo}), which passes every byte until a test makes it fail.
 */
public final class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private Platform.Service service;
    private final List<Platform.Service> needs = new ArrayList<>();

    @Override
    public void init(Map<String, String> initArgs) {
        service = Platform.Service.ofModule(initArgs.getOrDefault("service", "account-service"));
        String needed = initArgs.getOrDefault("needs", "");
        for (String module : needed.split(",")) {
            if (!module.isBlank()) {
                needs.add(Platform.Service.ofModule(module.strip()));
            }
        }
    }

    @Override
    public Map<String, String> start() {
        Platform platform = TestPlatform.get();
        for (Platform.Service needed : needs) {
            platform.ensureService(needed);
        }
        Map<String, String> config = new java.util.LinkedHashMap<>(platform.configFor(service));
        for (Platform.Service needed : needs) {
            config.put("platform." + needed.module + ".url", TestPlatform.proxyTo(needed).url());
        }
        // a port known before start, so the links the service hands out (invite URLs, join links) work as they are
        int port = Net.freePort();
        config.put("quarkus.http.test-port", Integer.toString(port));
        config.put("platform.public-url", "http://127.0.0.1:" + port);
        return config;
    }

    @Override
    public void stop() {
        // the servers outlive one test class: TestPlatform stops them when the JVM exits
    }
}
