package com.example.accounts.launcher;

/** The one platform of a test JVM: started on first use, stopped by a shutdown hook. */
public final class TestPlatform {

    private static Platform platform;
    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private TestPlatform() {
    }

    /** A demo user's access token from this platform's Keycloak, one per user and JVM (they are valid for minutes). */
    public static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> Tokens.password(get().keycloak().realmUrl(), u, Tokens.DEMO_PASSWORD));
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
