package com.example.accounts.e2e;

import com.example.accounts.launcher.GatewayServer;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.Platform.Service;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API gateway (nginx with deploy/gateway/gateway.conf.template) in front of the four services as built: one
 * routing table, correlation ids, CORS for the front end, a body size limit, the guests' rate limit on canonical
 * paths only, per IPv6 network, logs without secrets, security headers, and no operator endpoint published.
 */
class GatewayIT {

    private static Platform platform;
    private static String gateway;
    /** The same gateway behind a proxy that names the client (X-Real-IP): clients from any address, each test its own. */
    private static GatewayServer behindProxy;

    @BeforeAll
    static void servicesThenGateway() {
        platform = TestPlatform.get();
        gateway = platform.ensureEveryService().baseUrl();
        behindProxy = platform.gatewayBehindProxy();
    }

    /** Like an invite URL's token: 256 random bits, base64url. */
    private static String madeUpToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A guest request refused by the gateway's limit (not by session-service's own). */
    private static boolean limitedAtTheGateway(Response answer) {
        return answer.statusCode() == 429 && answer.asString().contains("at the gateway");
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

    @Test
    void SEC1_aPathThatIsNotCanonicalStopsAtTheGatewayBeforeAnyLimit() throws Exception {
        // session-service drops a matrix parameter: "/guest;x/..." was its customer join, outside the gateway's guest limit
        for (String path : List.of("/api/sessions/guest;x/support-sessions/join", "/api/sessions/guest%3Bx/support-sessions/join",
                "/api/sessions/guest/support-sessions/join;x", "/api/sessions//guest/support-sessions/join",
                "/api/sessions/guest%2Fsupport-sessions/join", "/api/sessions/x/../guest/support-sessions/join",
                "/api/sessions/./guest/support-sessions/join", "/api/sessions/%67uest/support-sessions/join")) {
            // sent as written: rest-assured's client would resolve the dot segments itself
            HttpResponse<String> join = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"000000000\", \"platform\": \"BROWSER\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, join.statusCode(), path + ": " + join.body());
            assertEquals("application/problem+json", join.headers().firstValue("Content-Type").orElse(""), path);
            assertTrue(join.body().contains("not canonical"), path + ": " + join.body());
        }
        given().auth().oauth2(token()).get(gateway + "/api/accounts/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void SEC1_anIpv6ClientIsLimitedByItsNetworkNotByEachOfItsAddresses() {
        // eight addresses of 2001:db8::/64, written in every way nginx may compress them, five quick requests each:
        // under a limit per address none is refused, under one per /64 most are
        List<String> oneNetwork = List.of("2001:db8::1", "2001:db8::1:2:3:4", "2001:db8:0:0:1::", "2001:db8:0:0:abcd:0:0:1",
                "2001:db8::ffff:1:2", "2001:0db8:0000:0000:0000:0000:0000:0007", "2001:db8::5:0:0:0", "2001:db8:0:0:9:8:7:6");
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            Response status = given().header("X-Real-IP", oneNetwork.get(i % oneNetwork.size()))
                    .get(behindProxy.baseUrl() + "/api/sessions/guest/invites/" + madeUpToken());
            if (limitedAtTheGateway(status)) {
                limited++;
            } else {
                assertEquals(404, status.statusCode(), "a made-up invite, before the limit: " + status.asString());
            }
        }
        assertTrue(limited >= 20, "most of 40 quick requests from one /64 are refused at the gateway, " + limited + " were");
        Response neighbour = given().header("X-Real-IP", "2001:db8:0:1::1").get(behindProxy.baseUrl() + "/api/sessions/guest/invites/" + madeUpToken());
        assertEquals(404, neighbour.statusCode(), "the next /64 has a limit of its own: " + neighbour.asString());
    }

    @Test
    void INV2_theGatewaysLogsKeepNoInviteTokenNorJoinCode() {
        String token = madeUpToken();
        String code = "%09d".formatted(new Random().nextInt(1_000_000_000));
        String client = "203.0.113." + (1 + new Random().nextInt(250));
        int limited = 0;
        for (int i = 0; i < 15; i++) {
            limited += limitedAtTheGateway(given().header("X-Real-IP", client).get(behindProxy.baseUrl() + "/api/sessions/guest/invites/" + token)) ? 1 : 0;
            limited += limitedAtTheGateway(given().header("X-Real-IP", client).post(behindProxy.baseUrl() + "/api/sessions/guest/invites/" + token)) ? 1 : 0;
            limited += limitedAtTheGateway(given().header("X-Real-IP", client).queryParam("code", code)
                    .get(behindProxy.baseUrl() + "/api/sessions/guest/training-sessions/join")) ? 1 : 0;
        }
        assertTrue(limited > 0, "the limit refused some");
        // a body too large, paths refused as not canonical: nginx logs these too
        given().header("X-Real-IP", client).contentType(ContentType.JSON).body("{\"x\": \"" + "x".repeat(100 * 1024) + "\"}")
                .post(behindProxy.baseUrl() + "/api/sessions/guest/invites/" + token).then().statusCode(413);
        given().urlEncodingEnabled(false).header("X-Real-IP", client).post(behindProxy.baseUrl() + "/api/sessions/guest;x/invites/" + token);
        given().urlEncodingEnabled(false).header("X-Real-IP", client).get(behindProxy.baseUrl() + "/api/sessions//guest/support-sessions/join?code=" + code);

        String logs = behindProxy.logs();
        assertFalse(logs.contains(token), "no invite token in the gateway's logs");
        assertFalse(logs.contains(code), "no join code in the gateway's logs");
        assertTrue(logs.contains("\"path\":\"/api/sessions/guest/invites/(token)\",\"status\":429"), "the refusals are logged, masked");
        assertTrue(logs.contains("\"path\":\"(not canonical)\",\"status\":400"), "so are the paths refused as not canonical");
    }

    /**
     * A trace starts where a request enters: the gateway passes the caller's traceparent on, or starts one from its
     * request id, and names its trace id in its access log; the service's log lines of that request (JSON, as the
     * launcher's log files hold them) carry the same trace id, the correlation id and the account id.
     */
    @Test
    void aRequestsTraceIdIsTheCallersOrTheGatewaysAndTheServicesLogLinesNameIt() throws Exception {
        Response opened = given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body("""
                        {"name": "Traced %s", "plan": {"modules": ["REMOTE_SUPPORT"], "seats": [{"module": "REMOTE_SUPPORT", "seats": 1}]},
                         "admin": {"name": "Ada Admin", "email": "%s"}}""".formatted(UUID.randomUUID(), Tokens.DEMO_ADMIN))
                .post(gateway + "/api/accounts");
        opened.then().statusCode(201);
        String accountId = opened.path("accountId");
        String callersTrace = UUID.randomUUID().toString().replace("-", "");
        String continued = "trace-" + UUID.randomUUID();
        given().auth().oauth2(token()).header("X-Correlation-Id", continued).header("traceparent", "00-" + callersTrace + "-00f067aa0ba902b7-01")
                .get(gateway + "/api/accounts/" + accountId).then().statusCode(200);
        String started = "trace-" + UUID.randomUUID();
        given().auth().oauth2(token()).header("X-Correlation-Id", started).header("traceparent", "00-not-a-trace-01")
                .get(gateway + "/api/accounts/" + accountId).then().statusCode(200);

        Matcher gateways = Pattern.compile("\"correlationId\":\"" + started + "\",\"traceId\":\"([0-9a-f]{32})\"")
                .matcher(platform.gateway().logs());
        assertTrue(gateways.find(), "the gateway logs the trace it started");
        String gatewaysTrace = gateways.group(1);
        assertTrue(platform.gateway().logs().contains("\"correlationId\":\"" + continued + "\",\"traceId\":\"" + callersTrace + "\""),
                "the gateway logs the caller's trace");

        var json = new ObjectMapper();
        Map<String, String> traces = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (traces.size() < 2 && System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(platform.service(Service.ACCOUNT).log())) {
                if (!line.startsWith("{")) {
                    continue;
                }
                var mdc = json.readTree(line).path("mdc");
                String correlation = mdc.path("correlationId").asText();
                if (correlation.equals(continued) || correlation.equals(started)) {
                    assertEquals(accountId, mdc.path("accountId").asText(), line);
                    traces.put(correlation, mdc.path("traceId").asText());
                }
            }
            Thread.sleep(100);
        }
        assertEquals(callersTrace, traces.get(continued), "account-service's line of the request continues the caller's trace");
        assertEquals(gatewaysTrace, traces.get(started), "and the one the gateway started");
    }

    @Test
    void SEC1_operatorEndpointsAreNotPublished() {
        String operator = TestPlatform.token(Tokens.DEMO_OPERATOR);
        given().auth().oauth2(operator).get(platform.service(Service.PERMISSION).baseUrl() + "/read-model/status").then().statusCode(200);
        for (String path : List.of("/api/permissions/read-model/status", "/api/notifications/status", "/api/accounts/q/health",
                "/api/permissions/q/openapi", "/api/sessions/q/metrics", "/api/notifications/q/swagger-ui", "/api/sessions/q")) {
            given().auth().oauth2(operator).get(gateway + path)
                    .then().statusCode(404).body("detail", equalTo("not published through the gateway"));
        }
        given().auth().oauth2(operator).post(gateway + "/api/permissions/read-model/rebuilds")
                .then().statusCode(404).body("detail", equalTo("not published through the gateway"));
        given().get(gateway + "/health").then().statusCode(200);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndHstsWhereItCameOverTls() {
        List<Response> answers = List.of(
                given().auth().oauth2(token()).get(gateway + "/api/accounts/" + UUID.randomUUID()),
                given().header("X-Real-IP", "198.51.100.7").get(behindProxy.baseUrl() + "/api/sessions/guest/support-sessions/join?code=123456789"),
                given().get(gateway + "/nowhere"),
                given().urlEncodingEnabled(false).get(gateway + "/api/sessions/guest;x/invites/x"));
        for (Response answer : answers) {
            answer.then().header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                    .header("Strict-Transport-Security", nullValue());
        }
        given().header("X-Forwarded-Proto", "https").get(gateway + "/nowhere")
                .then().header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void INV2_answersCarryingCodesOrGuestKeysAreNeverStored() {
        // a join link's landing repeats its code; a service's every answer, an error too, is not for caches
        given().header("X-Real-IP", "198.51.100.8").get(behindProxy.baseUrl() + "/api/sessions/guest/support-sessions/join?code=123456789")
                .then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(token()).get(gateway + "/api/accounts/" + UUID.randomUUID())
                .then().statusCode(404).header("Cache-Control", "no-store");
        given().get(platform.service(Service.SESSION).baseUrl() + "/guest/training-sessions/join?code=123456789")
                .then().statusCode(200).header("Cache-Control", "no-store");
    }
}
