package com.example.accounts.launcher;

/** The one platform of a test JVM: started on first use, stopped by a shutdown hook. */
public final class TestPlatform {

    private static Platform platform;
    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<Platform.Service, FaultProxy> PROXIES = new java.util.concurrent.ConcurrentHashMap<>();

    private TestPlatform() {
    }

    /** A demo user's access token from this platform's Keycloak, one per user and JVM (they are valid for minutes). */
    public static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> Tokens.password(get().keycloak().realmUrl(), u, Tokens.DEMO_PASSWORD));
    }

    /**
     * The {@link FaultProxy} in front of a service this JVM's tests need: the service under test reaches it through the
     * proxy (see {@link PlatformTestResource}), so a test can make it slow or unreachable. It passes every byte until told.
     */
    public static FaultProxy proxyTo(Platform.Service service) {
        return PROXIES.computeIfAbsent(service, s -> {
            java.net.URI target = java.net.URI.create(get().ensureService(s).baseUrl());
            return FaultProxy.to(target.getHost(), target.getPort());
        });
    }

    public static synchronized Platform get() {
        if (platform == null) {
            String module = System.getProperty("platform.run", "test-" + ProcessHandle.current().pid());
            platform = Platform.create(module);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
        }
        return platform;
    }
}
