package com.example.accounts.account.infrastructure;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * USR-2: account-service adds and finds logins through Keycloak's admin API, so it is ready only while Keycloak
 * answers: one GET of the realm's public document ({@code /realms/<realm>}, no token, a few hundred bytes), DOWN
 * when it fails or takes longer than {@link #TIMEOUT}. The other services only verify tokens against keys they keep,
 * so they need no such check.
 */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements AsyncHealthCheck {

    static final String NAME = "keycloak";
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI realm;

    public KeycloakReadiness(KeycloakConfig keycloak) {
        this.realm = URI.create(keycloak.url().replaceAll("/+$", "") + "/realms/" + keycloak.realm());
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HttpRequest request = HttpRequest.newBuilder(realm).timeout(TIMEOUT).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> HealthCheckResponse.named(NAME).status(response.statusCode() == 200)
                        .withData("realm", realm.toString()).withData("status", response.statusCode()).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down().withData("realm", realm.toString())
                        .withData("error", failure.getClass().getSimpleName() + ": " + failure.getMessage()).build());
    }
}
