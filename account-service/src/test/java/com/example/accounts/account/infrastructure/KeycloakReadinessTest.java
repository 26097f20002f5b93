package com.example.accounts.account.infrastructure;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeycloakReadinessTest {

    /** The settings as the service reads them, under their property names. */
    static KeycloakConfig keycloak(String url, String realm) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("platform.keycloak.url", url, "platform.keycloak.realm", realm), "application.properties", 250))
                .withMapping(KeycloakConfig.class).build().getConfigMapping(KeycloakConfig.class);
    }

    @Test
    void aKeycloakThatDoesNotAnswerTurnsReadinessDownNamingTheRealm() {
        // port 1 on loopback: nothing listens there, the connection is refused at once
        HealthCheckResponse response = new KeycloakReadiness(keycloak("http://127.0.0.1:1/", "accounts")).call().await().atMost(Duration.ofSeconds(10));
        assertEquals("keycloak", response.getName());
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("http://127.0.0.1:1/realms/accounts", response.getData().orElseThrow().get("realm"));
        assertTrue(String.valueOf(response.getData().orElseThrow().get("error")).contains("ConnectException"), response.getData().toString());
    }
}
