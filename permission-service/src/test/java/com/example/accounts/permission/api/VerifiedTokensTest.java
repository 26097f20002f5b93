package com.example.accounts.permission.api;

import com.example.accounts.kit.VerifiedTokens;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static com.example.accounts.permission.api.Story.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SEC-1 with the verified-token memory: a token OIDC verified answers its later requests for a bounded while; a
 * forged one, an ID token or a token meant for another client never.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "permission-service"))
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
    String secret;

    @Test
    void SEC1_aVerifiedTokenIsRememberedUntilItExpiresAndAForgedOneIsRefused() {
        String token = Story.token(Tokens.DEMO_OPERATOR);
        as(Tokens.DEMO_OPERATOR).get("/read-model/status").then().statusCode(200);
        assertNotNull(tokens.identity(token, System.currentTimeMillis()), "remembered after OIDC verified it");
        assertNull(tokens.identity(token, System.currentTimeMillis() + 24 * 3600 * 1000L), "not past its expiry");
        long answered = tokens.answered();
        as(Tokens.DEMO_OPERATOR).get("/read-model/status").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals(answered + 1, tokens.answered(), "the second request did not need OIDC");

        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).get("/read-model/status").then().statusCode(401);
        assertNull(tokens.identity(forged, System.currentTimeMillis()));
    }

    @Test
    void SEC1_aRememberedTokenIsTrustedOnlyForTheBoundThoughItIsValidLonger() {
        String token = Tokens.password(TestPlatform.get().keycloak().realmUrl(), Tokens.DEMO_OPERATOR, Tokens.DEMO_PASSWORD);
        long verifiedAt = System.currentTimeMillis();
        given().auth().oauth2(token).get("/read-model/status").then().statusCode(200);
        assertNotNull(tokens.identity(token, System.currentTimeMillis()), "remembered");
        long expiresAt = claims(token).get("exp").asLong() * 1000;
        long pastTheBound = verifiedAt + 61_000; // platform.auth.verified-token-trust: 60 s
        assertTrue(expiresAt > pastTheBound, "the token itself is valid beyond the bound");
        assertNull(tokens.identity(token, pastTheBound), "OIDC verifies it again once the bound has passed");
    }

    @Test
    void SEC1_anIdTokenOrAnotherClientsTokenIsRefusedAndNeverRemembered() {
        String realm = TestPlatform.get().keycloak().realmUrl();
        JsonNode signedIn = Tokens.passwordGrant(realm, Tokens.LOCAL_CLIENT, Tokens.DEMO_OPERATOR, Tokens.DEMO_PASSWORD);
        given().auth().oauth2(signedIn.get("access_token").asText()).get("/read-model/status").then().statusCode(200);
        String idToken = signedIn.get("id_token").asText();
        String otherClients = Tokens.passwordGrant(realm, Tokens.OTHER_LOCAL_CLIENT, Tokens.DEMO_OPERATOR, Tokens.DEMO_PASSWORD).get("access_token").asText();
        String serviceAccounts = Tokens.clientCredentials(realm, "permission-service", secret);
        for (String notForThePlatform : List.of(idToken, otherClients, serviceAccounts)) {
            given().auth().oauth2(notForThePlatform).get("/read-model/status").then().statusCode(401);
            assertNull(tokens.identity(notForThePlatform, System.currentTimeMillis()));
        }
    }

    private static JsonNode claims(String jwt) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
