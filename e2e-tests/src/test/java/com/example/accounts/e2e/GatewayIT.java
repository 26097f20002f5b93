package com.example.accounts.e2e;

import com.example.accounts.launcher.GatewayServer;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.Platform.Service;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API gateway (nginx with deploy/gateway/gateway.conf.template) in front of the four services as built: one
 * routing table, correlation ids, CORS for the front end, a body size limit and the guests' rate limit.
 */
class GatewayIT {

    private static Platform platform;
    private static String gateway;

    @BeforeAll
    static void servicesThenGateway() {
        platform = TestPlatform.get();
        for (Service service : Service.values()) {
            platform.ensureService(service);
        }
        gateway = platform.gateway().baseUrl();
    }

    private static String token() {
        return TestPlatform.token(Tokens.DEMO_ADMIN);
    }

    @Test
    void everyPrefixReachesItsServiceAndEveryAnswerCarriesACorrelationId() {
        Response opened = given().auth().oauth2(token()).contentType(ContentType.JSON).header("X-Correlation-Id", "audit-42")
                .body("""
                        {"name": "Gateway %s", "plan": {"modules": ["REMOTE_SUPPORT"], "seats": [{"module": "REMOTE_SUPPORT", "seats": 1}]},
                         "admin": {"name": "Ada Admin", "email": "%s"}}""".formatted(UUID.randomUUID(), Tokens.DEMO_ADMIN))
                .post(gateway + "/api/accounts");
        opened.then().statusCode(201).header("X-Correlation-Id", "audit-42").header("Location", containsString("/api/accounts/"));
        String accountId = opened.path("accountId");
        Response read = given().auth().oauth2(token()).get(gateway + "/api/accounts/" + accountId);
        read.then().statusCode(200).body("accountId", equalTo(accountId));
        assertTrue(read.header("X-Correlation-Id") != null && !read.header("X-Correlation-Id").isBlank(), "a correlation id is made when none comes");

        given().auth().oauth2(token()).header("Consistency-Token", opened.header("Consistency-Token"))
                .queryParam("permission", "members.manage").get(gateway + "/api/permissions/accounts/" + accountId + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true));
        given().auth().oauth2(token()).get(gateway + "/api/sessions/accounts/" + accountId + "/support-sessions/" + UUID.randomUUID())
                .then().statusCode(404).contentType(containsString("json"));
        given().get(gateway + "/api/sessions/q/health").then().statusCode(404).body("detail", equalTo("not published through the gateway"));
        given().auth().oauth2(token()).get(gateway + "/api/notifications/accounts/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
        given().get(gateway + "/nowhere").then().statusCode(404).contentType("application/problem+json").body("detail", containsString("/api/accounts"));
    }

    @Test
    void theFrontEndsOriginMayCallAndNoOtherOrigin() {
        given().header("Origin", GatewayServer.LOCAL_FRONT_END).header("Access-Control-Request-Method", "POST")
                .options(gateway + "/api/accounts")
                .then().statusCode(204).header("Access-Control-Allow-Origin", GatewayServer.LOCAL_FRONT_END)
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Expose-Headers", containsString("Consistency-Token"));
        given().header("Origin", "https://evil.example").options(gateway + "/api/accounts")
                .then().statusCode(204).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void SEC2_aBodyTooLargeStopsAtTheGateway() {
        String large = "{\"name\": \"" + "x".repeat(100 * 1024) + "\"}";
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(large).post(gateway + "/api/accounts")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("64 KiB"));
    }

    @Test
    void SEC1_guestsAreRateLimitedPerAddressAtTheGateway() {
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            Response join = given().contentType(ContentType.JSON).body("{\"code\": \"000000000\", \"platform\": \"BROWSER\"}")
                    .post(gateway + "/api/sessions/guest/support-sessions/join");
            if (join.statusCode() == 429) {
                limited++;
                join.then().contentType("application/problem+json").body("rule", equalTo("SEC-1")).header("Retry-After", "60");
            } else {
                assertEquals(404, join.statusCode(), "a wrong code, before the limit: " + join.asString());
            }
        }
        // a burst of 10, then one every 2 seconds: of 40 quick joins at most a dozen or so pass, however slow the machine
        assertTrue(limited >= 20, "most of 40 quick joins are refused at the gateway, " + limited + " were");
    }
}
