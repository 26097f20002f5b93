package com.example.accounts.notification.delivery;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** notification-service's settings keep the property names, defaults and checks its beans read before they were mappings. */
class NotificationConfigTest {

    /** What every mapping needs: the keys without a default. */
    private static final Map<String, String> REQUIRED = Map.of("platform.mail.retry.first", "2s", "platform.mail.retry.longest", "5m",
            "platform.mail.retry.give-up-after", "2d", "platform.mail.send-timeout", "30s", "platform.mail.claim-timeout", "5m",
            "platform.links.sign-in", "https://sso.example/account", "platform.links.choose-password", "https://sso.example/reset",
            "platform.invites.url-key", "a,b", "quarkus.mailer.from", "Accounts <no-reply@accounts.example>");

    private static SmallRyeConfig config(Map<String, String> set) {
        Map<String, String> properties = new HashMap<>(REQUIRED);
        properties.putAll(set);
        // Quarkus's own converter, which reads "2h" as Quarkus does
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withConverter(Duration.class, 200, new DurationConverter()).withMapping(NotificationConfig.Mail.class)
                .withMapping(NotificationConfig.Links.class).withMapping(NotificationConfig.Invites.class)
                .withMapping(NotificationConfig.InviteEmails.class).withMapping(NotificationConfig.SmtpServer.class).build();
    }

    @Test
    void theServicesPropertiesKeepTheirNames() {
        SmallRyeConfig config = config(Map.of("platform.invite-emails.retention", "12h"));
        NotificationConfig.Mail mail = config.getConfigMapping(NotificationConfig.Mail.class);
        assertEquals(Duration.ofSeconds(2), mail.retry().first());
        assertEquals(Duration.ofMinutes(5), mail.retry().longest());
        assertEquals(Duration.ofDays(2), mail.retry().giveUpAfter());
        assertEquals(Duration.ofSeconds(30), mail.sendTimeout());
        assertEquals(Duration.ofMinutes(5), mail.claimTimeout());
        NotificationConfig.Links links = config.getConfigMapping(NotificationConfig.Links.class);
        assertEquals("https://sso.example/account", links.signIn());
        assertEquals("https://sso.example/reset", links.choosePassword());
        assertEquals(List.of("a", "b"), config.getConfigMapping(NotificationConfig.Invites.class).urlKeys());
        assertEquals(Duration.ofHours(12), config.getConfigMapping(NotificationConfig.InviteEmails.class).retention());
    }

    @Test
    void withNothingSetTheInviteEmailsTopicKeepsARequestTwoHours() {
        assertEquals(Duration.ofHours(2), config(Map.of()).getConfigMapping(NotificationConfig.InviteEmails.class).retention());
    }

    @Test
    void withOnlyFromSetTheSmtpServerIsTheMailersDefault() {
        SmtpSettings settings = SmtpSettings.of(config(Map.of("quarkus.mailer.own-host-name", "notifications.example"))
                .getConfigMapping(NotificationConfig.SmtpServer.class));
        assertEquals(new SmtpSettings("localhost", 25, false, "OPTIONAL", false, "NONE", Optional.empty(), Optional.empty(), "no-reply@accounts.example",
                "notifications.example"), settings);
    }

    @Test
    void theSmtpServersKeysKeepTheirNames() {
        SmtpSettings settings = SmtpSettings.of(config(Map.ofEntries(Map.entry("quarkus.mailer.host", "smtp.example"), Map.entry("quarkus.mailer.port", "2525"),
                Map.entry("quarkus.mailer.tls", "true"), Map.entry("quarkus.mailer.start-tls", "required"), Map.entry("quarkus.mailer.trust-all", "true"),
                Map.entry("quarkus.mailer.login", "required"), Map.entry("quarkus.mailer.username", "mailer"), Map.entry("quarkus.mailer.password", "s3cret"),
                Map.entry("quarkus.mailer.bounce-address", "Bounces <bounces@accounts.example>"),
                Map.entry("quarkus.mailer.own-host-name", "notifications.example"))).getConfigMapping(NotificationConfig.SmtpServer.class));
        assertEquals(new SmtpSettings("smtp.example", 2525, true, "REQUIRED", true, "REQUIRED", Optional.of("mailer"), Optional.of("s3cret"),
                "bounces@accounts.example", "notifications.example"), settings);
    }

    @Test
    void theMailersOlderSslKeySecuresTheDefaultPort() {
        SmtpSettings settings = SmtpSettings.of(config(Map.of("quarkus.mailer.ssl", "true", "quarkus.mailer.own-host-name", "n.example"))
                .getConfigMapping(NotificationConfig.SmtpServer.class));
        assertTrue(settings.tls());
        assertEquals(465, settings.port());
    }

    @Test
    void NTF5_aClaimTimeoutNotLongerThanTheSendTimeoutIsRefusedNamingBoth() {
        NotificationConfig.Mail mail = config(Map.of("platform.mail.send-timeout", "5m")).getConfigMapping(NotificationConfig.Mail.class);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new Sender(null, null, null, mail));
        assertTrue(refused.getMessage().startsWith("platform.mail.claim-timeout (PT5M) must be longer than platform.mail.send-timeout (PT5M)"),
                refused.getMessage());
    }
}
