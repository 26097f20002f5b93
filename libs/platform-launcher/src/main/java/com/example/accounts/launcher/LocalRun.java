package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The local run: every server and service up, the demo account opened on the first start (found again on every later
 * one), and how to use it printed.
 */
final class LocalRun {

    /** The demo account's and Ada's member ids, in the data folder once the account is open. */
    static final String DEMO_ACCOUNT_FILE = "demo-account.json";
    /** The key the demo account is opened with: a start that died between the open and the file gets the same account back (SEC-3). */
    private static final String DEMO_ACCOUNT_KEY = "local-run-demo-account";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalRun() {
    }

    static void start(Platform platform) {
        platform.keycloak();
        platform.postgres();
        platform.kafka();
        String gateway = "http://127.0.0.1:" + Ports.LOCAL_RUN.get("gateway");
        for (Platform.Service service : Platform.Service.values()) {
            // the links session-service hands out (join links, invite URLs) go through the gateway, as front ends do
            platform.startService(service, service.localPort, service == Platform.Service.SESSION
                    ? Map.of("platform.public-url", gateway + "/api/sessions")
                    : Map.of());
        }
        platform.gateway();
        String accountId = demoAccount(platform);
        System.out.println(serversSummary(platform) + servicesSummary(platform, accountId));
    }

    /** The demo account this data folder holds, opened (and Ada given her seat) if it holds none yet. */
    private static String demoAccount(Platform platform) {
        Path file = platform.runDir().resolve(DEMO_ACCOUNT_FILE);
        try {
            if (Files.exists(file)) {
                String accountId = JSON.readTree(file.toFile()).get("accountId").asText();
                if (adaSees(platform, accountId)) {
                    Platform.log("found the demo account " + accountId + " of an earlier start");
                    return accountId;
                }
                Platform.log("the demo account " + accountId + " named in " + file + " is not in the database: opening another");
            }
            JsonNode opened = openDemoAccount(platform);
            String accountId = opened.get("accountId").asText();
            giveAdaASeat(platform, accountId, opened.get("memberId").asText());
            Files.writeString(file, JSON.createObjectNode().put("accountId", accountId).put("memberId", opened.get("memberId").asText()).toString());
            return accountId;
        } catch (IOException e) {
            throw new LaunchException("cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean adaSees(Platform platform, String accountId) {
        String token = Tokens.password(platform.keycloak().realmUrl(), Tokens.DEMO_ADMIN, Tokens.DEMO_PASSWORD);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.service(Platform.Service.ACCOUNT).baseUrl()
                    + "/accounts/" + accountId)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            throw new LaunchException("cannot reach account-service: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        }
    }

    /** Opens the demo account as Ada, who becomes its ADMIN and billing contact; answers its id and Ada's member id. */
    static JsonNode openDemoAccount(Platform platform) {
        String token = Tokens.password(platform.keycloak().realmUrl(), Tokens.DEMO_ADMIN, Tokens.DEMO_PASSWORD);
        String body = """
                {"name": "Demo Company",
                 "plan": {"modules": ["REMOTE_SUPPORT", "SERVICE_DESK", "MONITORING", "TRAINING", "CONTACT_CENTER"],
                          "seats": [{"module": "REMOTE_SUPPORT", "seats": 10}, {"module": "SERVICE_DESK", "seats": 5},
                                    {"module": "CONTACT_CENTER", "seats": 5}]},
                 "admin": {"name": "Ada Admin", "email": "%s"}}""".formatted(Tokens.DEMO_ADMIN);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.service(Platform.Service.ACCOUNT).baseUrl() + "/accounts"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", DEMO_ACCOUNT_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new LaunchException("account-service did not open the demo account (" + response.statusCode() + "): " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new LaunchException("cannot reach account-service: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        }
    }

    /** A REMOTE_SUPPORT seat for Ada, so that the demo can start a support session (SUP-1). */
    private static void giveAdaASeat(Platform platform, String accountId, String memberId) {
        String token = Tokens.password(platform.keycloak().realmUrl(), Tokens.DEMO_ADMIN, Tokens.DEMO_PASSWORD);
        String url = platform.service(Platform.Service.ACCOUNT).baseUrl() + "/accounts/" + accountId + "/members/" + memberId + "/seats/REMOTE_SUPPORT";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new LaunchException("account-service did not give the demo admin a seat (" + response.statusCode() + "): " + response.body());
            }
        } catch (IOException e) {
            throw new LaunchException("cannot reach account-service: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        }
    }

    static String serversSummary(Platform platform) {
        return String.join("\n",
                "",
                "Data          " + platform.runDir() + "  (PostgreSQL, Kafka and Keycloak keep theirs here across restarts;"
                        + " ./platform run --fresh wipes it; logs in logs/)",
                "",
                "Servers",
                "  Keycloak      " + platform.keycloak().baseUrl() + "  (admin console: admin / admin, realm " + KeycloakServer.REALM + ")",
                "  PostgreSQL    127.0.0.1:" + platform.postgres().port() + "  (user postgres, databases account, permission, session, notification)",
                "  Kafka         " + platform.kafka().bootstrapServers(),
                "  SMTP          127.0.0.1:" + platform.mail().smtpPort() + "  (GreenMail, in memory: the mail it received is gone after a restart;"
                        + " readable at " + platform.mail().apiUrl() + "/api/user/{email}/messages/INBOX)",
                "");
    }

    /** What {@code ./platform servers} is for: a service in dev mode against these servers, on its local run port. */
    static String devModeSummary() {
        StringBuilder summary = new StringBuilder("Run a service in dev mode against these servers (its %dev settings name them; live reload,"
                + " Dev UI at /q/dev-ui), from the project folder:\n");
        for (Platform.Service service : Platform.Service.values()) {
            summary.append(String.format("  ./mvnw quarkus:dev -pl %-22s # http://127.0.0.1:%d%s%n", service.module, service.localPort,
                    service == Platform.Service.SESSION ? ", asks the permission-service at :" + Platform.Service.PERMISSION.localPort + ": run it too" : ""));
        }
        return summary.toString();
    }

    private static String servicesSummary(Platform platform, String accountId) {
        String gateway = platform.gateway().baseUrl();
        String account = gateway + "/api";
        String permission = gateway + "/api/permissions";
        String session = gateway + "/api/sessions";
        return String.join("\n",
                "API gateway  " + gateway + "  (nginx, " + GatewayServer.TEMPLATE + "): /api/accounts, /api/permissions, /api/sessions, /api/notifications",
                "",
                "Services behind it (each has /q/health, and /q/openapi for a token; the gateway publishes neither)",
                "  account-service       " + platform.service(Platform.Service.ACCOUNT).baseUrl(),
                "  permission-service    " + platform.service(Platform.Service.PERMISSION).baseUrl(),
                "  session-service       " + platform.service(Platform.Service.SESSION).baseUrl(),
                "  notification-service  " + platform.service(Platform.Service.NOTIFICATION).baseUrl(),
                "",
                "Demo logins (password demo-password for all)",
                "  " + Tokens.DEMO_ADMIN + "   ADMIN and billing contact of the demo account, with a REMOTE_SUPPORT seat",
                "  " + Tokens.DEMO_STANDARD + "   a login outside the demo account until the request below adds it",
                "  " + Tokens.DEMO_OPERATOR + "  realm role platform-operator: GET " + platform.service(Platform.Service.PERMISSION).baseUrl()
                        + "/read-model/status (on the service: the gateway publishes no operator endpoint)",
                "",
                "Demo account: " + accountId,
                "",
                "Try (bash):",
                "  ACCOUNT=" + accountId,
                "  # LOCAL ONLY: a password on a plain POST works through " + Tokens.LOCAL_CLIENT + ", a client only the local run's realm has;",
                "  # front ends sign in through Keycloak's pages with the client web (authorization code flow with PKCE)",
                "  TOKEN=$(curl -s -d grant_type=password -d client_id=" + Tokens.LOCAL_CLIENT + " -d username=" + Tokens.DEMO_ADMIN + " -d password="
                        + Tokens.DEMO_PASSWORD
                        + " " + platform.keycloak().realmUrl() + "/protocol/openid-connect/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')",
                "  curl -s -H \"Authorization: Bearer $TOKEN\" " + account + "/accounts/$ACCOUNT",
                "  curl -s -i -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\",
                "       -d '{\"name\": \"Ben Standard\", \"email\": \"" + Tokens.DEMO_STANDARD + "\", \"role\": \"STANDARD\"}' " + account
                        + "/accounts/$ACCOUNT/members",
                "  curl -s -H \"Authorization: Bearer $TOKEN\" \"" + permission + "/accounts/$ACCOUNT/checks?permission=members.manage\"",
                "  curl -s " + platform.mail().apiUrl() + "/api/user/" + Tokens.DEMO_STANDARD + "/messages/INBOX",
                "  curl -s -H \"Authorization: Bearer $TOKEN\" " + gateway
                        + "/api/notifications/accounts/$ACCOUNT/deliveries   # what became of the account's emails",
                "  # a support session: the customer joins with the code it answers",
                "  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '{\"clientVersion\": \"2.4.0\"}' "
                        + session + "/accounts/$ACCOUNT/support-sessions",
                "  curl -s -H 'Content-Type: application/json' -d '{\"code\": \"<joinCode>\", \"platform\": \"BROWSER\"}' "
                        + session + "/guest/support-sessions/join",
                "");
    }
}
