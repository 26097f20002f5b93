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

/** Real tokens from the platform's Keycloak, for tests and the local run's demo. */
public final class Tokens {

    public static final String DEMO_ADMIN = "ada@demo.example";
    public static final String DEMO_STANDARD = "ben@demo.example";
    /** Holds the realm role platform-operator: read-model rebuilds and status. */
    public static final String DEMO_OPERATOR = "olga@demo.example";
    public static final String DEMO_PASSWORD = "demo-password";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** A user's access token through the public client {@code web} (direct access grant). */
    public static String password(String realmUrl, String username, String password) {
        return token(realmUrl, "grant_type=password&client_id=web&scope=openid%20email%20profile&username=" + encode(username)
                + "&password=" + encode(password));
    }

    /** The server administrator's token through the master realm's {@code admin-cli} client. */
    static String administrator(String masterRealmUrl, String username, String password) {
        return token(masterRealmUrl, "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password=" + encode(password));
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

    private static String token(String realmUrl, String form) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !body.has("access_token")) {
                throw new LaunchException("Keycloak refused the token request (" + response.statusCode() + "): " + response.body());
            }
            return body.get("access_token").asText();
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
