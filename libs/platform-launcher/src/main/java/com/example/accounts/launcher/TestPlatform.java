package com.example.accounts.launcher;

/** The one platform of a test JVM: started on first use, stopped by a shutdown hook. */
public final class TestPlatform {

    private static Platform platform;

    private TestPlatform() {
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
