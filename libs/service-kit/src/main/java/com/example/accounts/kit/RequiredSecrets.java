package com.example.accounts.kit;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A production start refuses to go on while a secret the service needs ({@code platform.secrets.required}, names of
 * properties) is unset, blank, a well-known placeholder ({@code platform.secrets.placeholders}) or still the value
 * the build ships (the local default committed in application.properties, which anybody can read in the source). It
 * runs before anything else at start and names the properties, never their values. On by default in the prod
 * profile and off in dev and test; {@code platform.secrets.enforce=false} turns it off for the local run, whose
 * servers take the committed local values.
 */
@Singleton
public class RequiredSecrets {

    /** Values no deployment means as a secret. */
    static final Set<String> WELL_KNOWN = Set.of("changeme", "change-me", "changeit", "secret", "password", "admin", "postgres", "test");

    /** Config sources at or below application.properties' ordinal are what the build ships, not the deployment. */
    private static final int SHIPPED_ORDINAL = 250;

    void check(@Observes @Priority(1) StartupEvent event, Config config) {
        boolean enforce = config.getOptionalValue("platform.secrets.enforce", Boolean.class).orElse(!LaunchMode.current().isDevOrTest());
        if (enforce) {
            List<String> refusals = refusals(config);
            if (!refusals.isEmpty()) {
                throw new IllegalStateException("refusing to start without real secrets: " + String.join("; ", refusals)
                        + " (set them in the environment, see deploy/README.md#security)");
            }
        }
    }

    /** Each required secret that is missing or not real, with why; empty when all are real. */
    static List<String> refusals(Config config) {
        List<String> required = config.getOptionalValues("platform.secrets.required", String.class).orElse(List.of());
        Set<String> placeholders = config.getOptionalValues("platform.secrets.placeholders", String.class).map(Set::copyOf).orElse(Set.of())
                .stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> refusals = new ArrayList<>();
        for (String name : required) {
            Optional<String> value = config.getOptionalValue(name, String.class).map(String::strip);
            if (value.isEmpty() || value.get().isEmpty()) {
                refusals.add(name + " is not set");
            } else if (WELL_KNOWN.contains(value.get().toLowerCase(Locale.ROOT)) || placeholders.contains(value.get().toLowerCase(Locale.ROOT))) {
                refusals.add(name + " is a placeholder");
            } else if (shipped(config, name).contains(value.get())) {
                refusals.add(name + " is the local default committed with the service");
            }
        }
        return refusals;
    }

    private static Set<String> shipped(Config config, String name) {
        Set<String> values = new java.util.HashSet<>();
        for (ConfigSource source : config.getConfigSources()) {
            if (source.getOrdinal() <= SHIPPED_ORDINAL) {
                // the name itself and every profile's value of it (%dev.name, %test.name): a production that sets a
                // local value it found in the jar runs on a published secret
                for (String property : source.getPropertyNames()) {
                    boolean ofAProfile = property.startsWith("%") && property.substring(property.indexOf('.') + 1).equals(name);
                    String value = property.equals(name) || ofAProfile ? source.getValue(property) : null;
                    if (value != null) {
                        values.add(value.strip());
                    }
                }
            }
        }
        return values;
    }
}
