package com.example.accounts.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Real tokens from the platform's Keycloak, for tests and the local run's demo. A person's token comes from the
 * local-only client {@value #LOCAL_CLIENT} (a password on a plain POST), which only the launcher's realm has: the
 * production realm's front-end client {@code web} signs people in through Keycloak's pages (code flow with PKCE).
 */
public final class Tokens {

    public static final String DEMO_ADMIN = "ada@demo.example";
    public static final String DEMO_STANDARD = "ben@demo.example";
    /** Holds the realm role platform-operator: read-model rebuilds and status. */
    public static final String DEMO_OPERATOR = "olga@demo.example";
    /** Meets the realm's password policy (at least 12 characters, neither the username nor the email). */
    public static final String DEMO_PASSWORD = "demo-password";
    /** LOCAL RUN AND TESTS ONLY: the password grant with the platform's audience (KeycloakServer adds it). */
    public static final String LOCAL_CLIENT = "local-only-password-grant";
    /** LOCAL RUN AND TESTS ONLY: another application of the realm, whose tokens are not meant for the platform. */
    public static final String OTHER_LOCAL_CLIENT = "local-only-other-app";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** A user's access token through the local-only client {@value #LOCAL_CLIENT} (direct access grant). */
    public static String password(String realmUrl, String username, String password) {
        return passwordGrant(realmUrl, LOCAL_CLIENT, username, password).get("access_token").asText();
    }

    /** Keycloak's whole answer to a password grant at {@code clientId} (access, ID and refresh token); refused: a LaunchException. */
    public static JsonNode passwordGrant(String realmUrl, String clientId, String username, String password) {
        return token(realmUrl, "grant_type=password&client_id=" + encode(clientId) + "&scope=openid%20email%20profile&username=" + encode(username)
                + "&password=" + encode(password));
    }

    /** A confidential client's own token (client credentials grant): a service account's. */
    public static String clientCredentials(String realmUrl, String clientId, String secret) {
        return token(realmUrl, "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret))
                .get("access_token").asText();
    }

    /** The server administrator's token through the master realm's {@code admin-cli} client. */
    static String administrator(String masterRealmUrl, String username, String password) {
        return token(masterRealmUrl, "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password=" + encode(password))
                .get("access_token").asText();
    }

    /** The login id ({@code sub}) an access token names, read from its payload (not verified: for tests and demos). */
    public static String subject(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            throw new LaunchException("not a JWT access token");
        }
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1])).get("sub").asText();
        } catch (IOException | IllegalArgumentException e) {
            throw new LaunchException("unreadable access token: " + e.getMessage(), e);
        }
    }

    private static JsonNode token(String realmUrl, String form) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !body.has("access_token")) {
                throw new LaunchException("Keycloak refused the token request (" + response.statusCode() + "): " + response.body());
            }
            return body;
        } catch (IOException e) {
            throw new LaunchException("cannot reach Keycloak at " + realmUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
