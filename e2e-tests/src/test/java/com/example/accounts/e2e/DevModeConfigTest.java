package com.example.accounts.e2e;

import com.example.accounts.launcher.KeycloakServer;
import com.example.accounts.launcher.Platform.Service;
import com.example.accounts.launcher.Ports;
import com.example.accounts.launcher.PostgresServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The root README's recipe, {@code ./platform servers} and then {@code ./mvnw quarkus:dev -pl <service>}, works as
 * written: each service's dev profile names the servers, ports, databases, user, realm and client secret that the
 * launcher's local run starts them with ({@link Ports#LOCAL_RUN}), so neither side drifts from the other unseen.
 */
class DevModeConfigTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)}");

    @Test
    void everyServiceInDevModeReachesTheServersThatPlatformServersStarts() throws IOException {
        String localhost = "127.0.0.1:";
        for (Service service : Service.values()) {
            Properties properties = properties(service);
            String where = service.module + " in dev mode";
            int postgres = Ports.LOCAL_RUN.get("postgres");
            assertEquals("postgresql://" + localhost + postgres + "/" + service.database, dev(properties, "quarkus.datasource.reactive.url"), where);
            if (dev(properties, "quarkus.datasource.jdbc.url") != null) {
                assertEquals("jdbc:postgresql://" + localhost + postgres + "/" + service.database, dev(properties, "quarkus.datasource.jdbc.url"), where);
            }
            assertEquals(PostgresServer.USER, dev(properties, "quarkus.datasource.username"), where);
            assertEquals(localhost + Ports.LOCAL_RUN.get("kafka"), dev(properties, "kafka.bootstrap.servers"), where);
            assertEquals("http://" + localhost + Ports.LOCAL_RUN.get("keycloak"), dev(properties, "platform.keycloak.url"), where);
            assertEquals(KeycloakServer.REALM, dev(properties, "platform.keycloak.realm"), where);
            assertEquals("http://" + localhost + Ports.LOCAL_RUN.get("keycloak") + "/realms/" + KeycloakServer.REALM,
                    dev(properties, "quarkus.oidc.auth-server-url"), where);
            assertEquals(service.module, dev(properties, "quarkus.oidc.client-id"), where);
            // the realm the local run imports gives each client this secret (Platform.Service#clientSecret without the environment's)
            assertEquals(service.module + "-local-secret", dev(properties, "quarkus.oidc.credentials.secret"), where);
            // the service's own port is the local run's, clear of every server's
            assertEquals(Integer.toString(service.localPort), dev(properties, "quarkus.http.port"), where);
            assertFalse(Ports.LOCAL_RUN.containsValue(service.localPort), where + " takes a server's port");
        }
        Properties notification = properties(Service.NOTIFICATION);
        assertEquals("127.0.0.1", dev(notification, "quarkus.mailer.host"));
        assertEquals(Integer.toString(Ports.LOCAL_RUN.get("smtp")), dev(notification, "quarkus.mailer.port"));
        assertEquals("http://" + localhost + Service.PERMISSION.localPort, dev(properties(Service.SESSION), "platform.permission-service.url"));
    }

    /** The value in the dev profile: {@code %dev.<name>} if set, else {@code <name>}, its {@code ${...}} resolved the same way. */
    private static String dev(Properties properties, String name) {
        String value = properties.getProperty("%dev." + name, properties.getProperty(name));
        if (value == null) {
            return null;
        }
        Matcher expression = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (expression.find()) {
            String inner = dev(properties, expression.group(1));
            expression.appendReplacement(resolved, Matcher.quoteReplacement(inner == null ? expression.group() : inner));
        }
        expression.appendTail(resolved);
        return resolved.toString();
    }

    private static Properties properties(Service service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(service.module).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }
}
