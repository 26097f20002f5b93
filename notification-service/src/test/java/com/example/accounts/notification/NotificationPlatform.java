package com.example.accounts.notification;

import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.SmtpRelay;
import com.example.accounts.launcher.TestPlatform;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real servers of {@link PlatformTestResource}, with the service's mail going through an {@link SmtpRelay} to
 * the real SMTP server, so that a test can have a recipient refused.
 */
public final class NotificationPlatform implements QuarkusTestResourceLifecycleManager {

    private static SmtpRelay relay;
    private final PlatformTestResource platform = new PlatformTestResource();

    /** The relay between the service and the SMTP server. */
    static synchronized SmtpRelay relay() {
        if (relay == null) {
            Platform servers = TestPlatform.get();
            relay = SmtpRelay.to(servers.mail().smtpHost(), servers.mail().smtpPort());
        }
        return relay;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        platform.init(Map.of("service", "notification-service"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(platform.start());
        // the event topics exist before the service reads them, as the relays would have made them
        PublishedEvents.onTestPlatform();
        config.put("quarkus.mailer.port", Integer.toString(relay().port()));
        return config;
    }

    @Override
    public void stop() {
        platform.stop();
    }
}
