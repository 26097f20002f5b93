package com.example.accounts.permission.api;

import com.example.accounts.kit.VerifiedTokens;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static com.example.accounts.permission.api.Story.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** SEC-1 with the verified-token memory: a token OIDC verified answers its later requests; a forged one never. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "permission-service"))
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

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
}
