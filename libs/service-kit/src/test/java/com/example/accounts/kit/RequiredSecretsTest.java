package com.example.accounts.kit;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SEC: production refuses to start without real secrets; the refusal names the properties, never their values. */
class RequiredSecretsTest {

    private static final Map<String, String> SHIPPED = Map.of(
            "platform.secrets.required", "quarkus.oidc.credentials.secret,quarkus.datasource.password,platform.codes.secret",
            "platform.secrets.placeholders", "not-a-real-secret",
            "quarkus.oidc.credentials.secret", "account-service-local-secret",
            "%dev.platform.codes.secret", "local-only-codes-secret-not-for-production");

    private static Config config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(SHIPPED, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }

    @Test
    void SEC_aMissingAPlaceholderOrTheCommittedLocalSecretIsRefusedByName() {
        List<String> refusals = RequiredSecrets
                .refusals(config(Map.of("QUARKUS_DATASOURCE_PASSWORD", "postgres", "PLATFORM_CODES_SECRET", "not-a-real-secret")));

        assertEquals(List.of("quarkus.oidc.credentials.secret is the local default committed with the service",
                "quarkus.datasource.password is a placeholder", "platform.codes.secret is a placeholder"), refusals);
        assertTrue(refusals.stream().noneMatch(r -> r.contains("account-service-local-secret")), "never the value");
        assertEquals(List.of("platform.codes.secret is not set"), RequiredSecrets.refusals(config(Map.of(
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "3f9c1e0b7a", "QUARKUS_DATASOURCE_PASSWORD", "b81d0c2e", "PLATFORM_CODES_SECRET", " "))));
    }

    @Test
    void SEC_aLocalValueOfTheDevOrTestProfileIsRefusedInProductionToo() {
        assertEquals(List.of("platform.codes.secret is the local default committed with the service"), RequiredSecrets.refusals(config(Map.of(
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "3f9c1e0b7a", "QUARKUS_DATASOURCE_PASSWORD", "b81d0c2e",
                "PLATFORM_CODES_SECRET", "local-only-codes-secret-not-for-production"))));
    }

    @Test
    void SEC_realSecretsFromTheEnvironmentPass() {
        assertEquals(List.of(), RequiredSecrets.refusals(config(Map.of("QUARKUS_OIDC_CREDENTIALS_SECRET", "3f9c1e0b7a",
                "QUARKUS_DATASOURCE_PASSWORD", "b81d0c2e", "PLATFORM_CODES_SECRET", "5e0a99d1c4"))));
    }
}
