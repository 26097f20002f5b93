package com.example.accounts.session.application;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** session-service's settings keep the property names and the default its beans read before they were one mapping. */
class SessionConfigTest {

    private static final Map<String, String> SET = Map.ofEntries(Map.entry("platform.public-url", "https://sessions.example"),
            Map.entry("platform.guests.per-address", "1"), Map.entry("platform.guests.per-session", "2"), Map.entry("platform.guests.window", "3s"),
            Map.entry("platform.guests.wrong-codes.per-address", "4"), Map.entry("platform.guests.wrong-codes.global", "5"),
            Map.entry("platform.guests.wrong-codes.window", "6m"), Map.entry("platform.guests.max-tracked", "7"),
            Map.entry("platform.guests.passes-kept", "8h"), Map.entry("platform.guests.prune-every", "9m"),
            Map.entry("platform.guests.external-key-lifetime", "10h"), Map.entry("platform.training.max-participants", "11"),
            Map.entry("platform.codes.secret", "a-secret"), Map.entry("platform.invites.url-key", "new-key,old-key"),
            Map.entry("platform.invite-emails.retention", "12h"));

    private static SmallRyeConfig config(Map<String, String> properties) {
        // Quarkus's own converter, which reads "60s" as Quarkus does
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withConverter(Duration.class, 200, new DurationConverter()).withMapping(SessionConfig.PublicUrl.class)
                .withMapping(SessionConfig.GuestEndpoints.class).withMapping(SessionConfig.Training.class).withMapping(SessionConfig.Codes.class)
                .withMapping(SessionConfig.Invites.class).withMapping(SessionConfig.InviteEmails.class).build();
    }

    private static Map<String, String> without(String... names) {
        Map<String, String> properties = new HashMap<>(SET);
        List.of(names).forEach(properties::remove);
        return properties;
    }

    @Test
    void theServicesPropertiesKeepTheirNames() {
        SmallRyeConfig config = config(SET);
        assertEquals(URI.create("https://sessions.example"), config.getConfigMapping(SessionConfig.PublicUrl.class).value());
        SessionConfig.GuestEndpoints guests = config.getConfigMapping(SessionConfig.GuestEndpoints.class);
        assertEquals(1, guests.perAddress());
        assertEquals(2, guests.perSession());
        assertEquals(Duration.ofSeconds(3), guests.window());
        assertEquals(4, guests.wrongCodes().perAddress());
        assertEquals(5, guests.wrongCodes().global());
        assertEquals(Duration.ofMinutes(6), guests.wrongCodes().window());
        assertEquals(7, guests.maxTracked());
        assertEquals(Duration.ofHours(8), guests.passesKept());
        assertEquals(Duration.ofMinutes(9), guests.pruneEvery());
        assertEquals(Duration.ofHours(10), guests.externalKeyLifetime());
        assertEquals(11, config.getConfigMapping(SessionConfig.Training.class).maxParticipants());
        assertEquals(Optional.of("a-secret"), config.getConfigMapping(SessionConfig.Codes.class).secret());
        assertEquals(List.of("new-key", "old-key"), config.getConfigMapping(SessionConfig.Invites.class).urlKeys());
        assertEquals(Duration.ofHours(12), config.getConfigMapping(SessionConfig.InviteEmails.class).retention());
    }

    @Test
    void invitationEmailsAreKeptTwoHoursWhenNothingIsSet() {
        assertEquals(Duration.ofHours(2), config(without("platform.invite-emails.retention")).getConfigMapping(SessionConfig.InviteEmails.class).retention());
    }

    @Test
    void withoutACodesSecretTheMappingLeavesTheRefusalToPasses() {
        assertEquals(Optional.empty(), config(without("platform.codes.secret")).getConfigMapping(SessionConfig.Codes.class).secret());
    }

    @Test
    void theOtherSettingsHaveNoDefault() {
        for (String name : SET.keySet()) {
            if (!name.equals("platform.invite-emails.retention") && !name.equals("platform.codes.secret")) {
                assertThrows(RuntimeException.class, () -> config(without(name)), name);
            }
        }
    }
}
