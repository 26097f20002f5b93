package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its Quarkus distribution on Maven Central, in development mode, bound to 127.0.0.1, importing the
 * project's realm ({@value #REALM_FILE}) with the local-only clients of {@value #LOCAL_ONLY_CLIENTS} added: a
 * password grant for tests and the local run, which no production realm has (compose and Kubernetes import the
 * realm file alone). The tests' Keycloak keeps its database in memory and imports the realm at every start; the
 * local run's keeps it in an H2 file of its data folder, so the realm is imported the first time only and what
 * changed in it since (logins, passwords, members' names) stays.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "accounts";
    public static final String REALM_FILE = "deploy/keycloak/accounts-realm.json";
    public static final String LOCAL_ONLY_CLIENTS = "/keycloak/local-only-clients.json";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final ManagedProcess process;
    /** Where Keycloak listens: loopback for the local process, the engine's host for a container. */
    private final String host;
    /** The container Keycloak runs in (platform.servers=containers), else null: a local process. */
    private final ServerContainer container;

    private KeycloakServer(int port, ManagedProcess process) {
        this(port, process, "127.0.0.1", null);
    }

    private KeycloakServer(int port, ManagedProcess process, String host, ServerContainer container) {
        this.port = port;
        this.process = process;
        this.host = host;
        this.container = container;
    }

    /**
     * Keycloak from Testcontainers on the realm the local process imports (the local-only clients included), its
     * own mail sent to the GreenMail container; its database in memory, as the tests' process has it.
     */
    static KeycloakServer inContainer(Installation installation) {
        byte[] realm;
        try {
            realm = JSON.writeValueAsBytes(localRealm(installation.root().resolve(REALM_FILE)));
        } catch (IOException e) {
            throw new LaunchException("cannot read the realm " + REALM_FILE + ": " + e.getMessage(), e);
        }
        ServerContainer container = ContainerServers.keycloak(realm);
        return new KeycloakServer(container.port(ContainerServers.KEYCLOAK_PORT), null, container.host(), container);
    }

    /**
     * @param smtp where the realm sends its own mail (password resets); may be null
     * @param keepsData whether the database lives in {@code runDir/keycloak} (kept across starts) rather than in memory
     */
    public static KeycloakServer start(Installation installation, Path runDir, MailServer smtp, Ports ports, boolean keepsData) {
        Path home = installation.keycloakHome();
        // --import-realm reads the distribution's data/import; every run imports the same file, so runs may share it.
        Path importDir = home.resolve("data").resolve("import");
        try {
            Files.createDirectories(importDir);
            Path written = Files.createTempFile(importDir, "accounts-realm", ".tmp");
            JSON.writeValue(written.toFile(), localRealm(installation.root().resolve(REALM_FILE)));
            Files.move(written, importDir.resolve("accounts-realm.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LaunchException("cannot write the realm " + REALM_FILE + " for import: " + e.getMessage(), e);
        }
        int port = ports.port("keycloak");
        int managementPort = ports.port("keycloak-management");
        Path java = Installation.java21();
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", java.getParent().getParent().toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        env.put("SMTP_HOST", smtp == null ? "127.0.0.1" : smtp.smtpHost());
        env.put("SMTP_PORT", smtp == null ? "25" : Integer.toString(smtp.smtpPort()));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                // dev-mem for both: the database kind is a build option, and the distribution is shared with the tests,
                // so a kept database is dev-mem's H2 given a file URL (a runtime option), never a rebuild to dev-file
                "--hostname-strict=false", "--db=dev-mem", "--import-realm", "--health-enabled=true",
                "--cache=local", "--log-level=warn,org.keycloak.exportimport:info"));
        if (keepsData) {
            Path database = runDir.resolve("keycloak");
            try {
                Files.createDirectories(database);
            } catch (IOException e) {
                throw new LaunchException("cannot make Keycloak's folder " + database + ": " + e.getMessage(), e);
            }
            command.add("--db-url=jdbc:h2:file:" + database.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
        }
        ManagedProcess process = ManagedProcess.start("keycloak", command, home, env, runDir.resolve("logs"));
        KeycloakServer server = new KeycloakServer(port, process);
        process.awaitReady(Duration.ofSeconds(240), () -> Net.httpOk(server.realmUrl() + "/.well-known/openid-configuration"));
        if (keepsData) {
            server.addMissingLocalClients();
        }
        return server;
    }

    /**
     * A kept realm was imported by an earlier start, which skips the import now: the local-only clients this launcher
     * knows and that realm lacks are added, the others left as they are.
     */
    private void addMissingLocalClients() {
        try (InputStream local = KeycloakServer.class.getResourceAsStream(LOCAL_ONLY_CLIENTS)) {
            for (JsonNode client : JSON.readTree(local).get("clients")) {
                String clientId = client.get("clientId").asText();
                if (JSON.readTree(admin("GET", "/clients?clientId=" + clientId, null)).isEmpty()) {
                    admin("POST", "/clients", client.toString());
                    Platform.log("added the local-only client " + clientId + " to the kept realm");
                }
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read " + LOCAL_ONLY_CLIENTS + " or Keycloak's clients: " + e.getMessage(), e);
        }
    }

    /** The production realm and the local-only clients, the realm of tests and the local run. */
    private static JsonNode localRealm(Path realmFile) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(realmFile.toFile());
        try (InputStream local = KeycloakServer.class.getResourceAsStream(LOCAL_ONLY_CLIENTS)) {
            if (local == null) {
                throw new LaunchException("the launcher lacks " + LOCAL_ONLY_CLIENTS);
            }
            ((ArrayNode) realm.get("clients")).addAll((ArrayNode) JSON.readTree(local).get("clients"));
        }
        return realm;
    }

    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The realm's user with this login id, as Keycloak's admin API shows it (for tests: what the services changed). */
    public JsonNode user(String loginId) {
        try {
            return JSON.readTree(admin("GET", "/users/" + loginId, null));
        } catch (IOException e) {
            throw new LaunchException("unreadable user from Keycloak: " + e.getMessage(), e);
        }
    }

    /** Gives a login a password, as its person would through the choose-a-password link (for tests and demos). */
    public void setPassword(String loginId, String password) {
        admin("PUT", "/users/" + loginId + "/reset-password",
                JSON.createObjectNode().put("type", "password").put("value", password).put("temporary", false).toString());
    }

    /** A realm role as the admin API shows it, to send back in a role mapping. */
    public JsonNode realmRole(String name) {
        try {
            return JSON.readTree(admin("GET", "/roles/" + name, null));
        } catch (IOException e) {
            throw new LaunchException("unreadable role from Keycloak: " + e.getMessage(), e);
        }
    }

    private String admin(String method, String path, String body) {
        HttpResponse<String> response = admin(Tokens.administrator(baseUrl() + "/realms/master", ADMIN_USER, ADMIN_PASSWORD), method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new LaunchException("Keycloak's admin API refused " + method + " " + path + " (" + response.statusCode() + "): " + response.body());
        }
        return response.body();
    }

    /** Keycloak's admin API for this realm, asked with {@code token} (for tests: what a service account may do), whatever it answers. */
    public HttpResponse<String> admin(String token, String method, String path, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + REALM + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LaunchException("cannot reach Keycloak's admin API: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted calling Keycloak's admin API", e);
        }
    }

    @Override
    public void close() {
        if (container != null) {
            container.close();
            return;
        }
        process.stop(Duration.ofSeconds(20));
    }
}
