package com.example.accounts.launcher;

import com.example.accounts.launcher.Platform.Service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service of a {@link Platform} is told, as Quarkus property names: where its database, Kafka, Keycloak and
 * the SMTP server are, the services started before it, and the local-only secrets of a local run or a test.
 */
final class ServiceConfiguration {

    /** base64 of "local-only-invite-url-key-000000": for the local run and the tests, never a deployment. */
    private static final String LOCAL_INVITE_URL_KEY = "bG9jYWwtb25seS1pbnZpdGUtdXJsLWtleS0wMDAwMDA=";

    private ServiceConfiguration() {
    }

    /** Starts whatever servers of the platform the configuration names and are not running yet. */
    static Map<String, String> of(Platform platform, Service service, Map<Service, ServiceProcess> startedServices) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", platform.postgres().reactiveUrl(service.database));
        // the JDBC datasource beside the reactive one, that the service's Flyway migrations run over at start
        config.put("quarkus.datasource.jdbc.url", platform.postgres().jdbcUrl(service.database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", "");
        config.put("kafka.bootstrap.servers", platform.kafka().bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", platform.keycloak().realmUrl());
        config.put("quarkus.oidc.client-id", service.module);
        config.put("quarkus.oidc.credentials.secret", service.clientSecret());
        config.put("platform.keycloak.url", platform.keycloak().baseUrl());
        config.put("platform.keycloak.realm", KeycloakServer.REALM);
        config.put("quarkus.mailer.host", platform.mail().smtpHost());
        config.put("quarkus.mailer.port", Integer.toString(platform.mail().smtpPort()));
        // the local servers take the committed local secrets, which a production start refuses (RequiredSecrets)
        config.put("platform.secrets.enforce", "false");
        if (service == Service.SESSION) {
            // the key of session-service's guest-pass hashes in a local run: clearly local; a deployment sets PLATFORM_CODES_SECRET
            config.put("platform.codes.secret", "local-only-codes-secret-not-for-production");
        }
        if (service == Service.SESSION || service == Service.NOTIFICATION) {
            // INV-2: the key the two seal and open invite URLs with on their way, clearly local; a deployment sets PLATFORM_INVITES_URL_KEY
            config.put("platform.invites.url-key", LOCAL_INVITE_URL_KEY);
        }
        // the services started before this one, where it finds them (session-service asks the permission-service)
        startedServices.forEach((started, process) -> config.put("platform." + started.module + ".url", process.baseUrl()));
        return config;
    }
}
