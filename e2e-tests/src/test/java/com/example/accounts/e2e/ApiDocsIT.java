package com.example.accounts.e2e;

import com.example.accounts.e2e.client.account.api.AccountResourceApi;
import com.example.accounts.e2e.client.account.api.CompanyResourceApi;
import com.example.accounts.e2e.client.account.api.MemberResourceApi;
import com.example.accounts.e2e.client.account.model.AccountOpenedView;
import com.example.accounts.e2e.client.account.model.AccountView;
import com.example.accounts.e2e.client.account.model.AdminBody;
import com.example.accounts.e2e.client.account.model.CompanyRequest;
import com.example.accounts.e2e.client.account.model.CompanyView;
import com.example.accounts.e2e.client.account.model.Module;
import com.example.accounts.e2e.client.account.model.OpenAccountRequest;
import com.example.accounts.e2e.client.account.model.PlanBody;
import com.example.accounts.e2e.client.account.model.SeatBody;
import com.example.accounts.e2e.client.notification.api.DeliveriesResourceApi;
import com.example.accounts.e2e.client.notification.model.AccountDeliveries;
import com.example.accounts.e2e.client.permission.api.CheckResourceApi;
import com.example.accounts.e2e.client.permission.model.CheckAnswer;
import com.example.accounts.e2e.client.session.api.SupportSessionResourceApi;
import com.example.accounts.e2e.client.session.model.StartBody;
import com.example.accounts.e2e.client.session.model.Started;
import com.example.accounts.launcher.OperationIds;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.Platform.Service;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API docs as front-end developers reach them, through the gateway: each service's OpenAPI document and Swagger
 * UI under /api/docs/, without a token, and no other path of Quarkus's; every operation with an id of its own, the
 * security schemes and problems declared. Then the documents proved by a real generator: the Java clients
 * openapi-generator made from them at build time (target/generated-test-sources/openapi) call the running services
 * with a real token.
 */
class ApiDocsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The gateway's prefix of each service's docs. */
    private static final Map<Service, String> DOCS = Map.of(Service.ACCOUNT, "accounts", Service.PERMISSION, "permissions",
            Service.SESSION, "sessions", Service.NOTIFICATION, "notifications");

    private static Platform platform;
    private static String gateway;

    @BeforeAll
    static void servicesThenGateway() {
        platform = TestPlatform.get();
        gateway = platform.ensureEveryService().baseUrl();
    }

    private static String token() {
        return TestPlatform.token(Tokens.DEMO_ADMIN);
    }

    @Test
    void eachServicesDocumentAndSwaggerUiAreServedThroughTheGatewayWithoutAToken() throws Exception {
        given().get(gateway + "/api/docs/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("accounts/ui/"), containsString("permissions/ui/"), containsString("sessions/ui/"),
                        containsString("notifications/ui/"));
        given().get(gateway + "/api/docs/oauth2-redirect.html").then().statusCode(200).body(containsString("oauth2"));
        for (Map.Entry<Service, String> docs : DOCS.entrySet()) {
            String prefix = gateway + "/api/docs/" + docs.getValue();
            Response document = given().queryParam("format", "json").get(prefix + "/openapi");
            document.then().statusCode(200);
            assertEquals(List.of(), OperationIds.findings(document.asString()), docs.getKey() + ": every operation has an id of its own");
            JsonNode parsed = JSON.readTree(document.asString());
            assertEquals("http", parsed.at("/components/securitySchemes/bearer/type").asText(), docs.getKey() + ": the bearer scheme");
            assertTrue(parsed.at("/components/securitySchemes/keycloak/flows/authorizationCode/authorizationUrl").asText()
                    .startsWith(platform.keycloak().realmUrl()), docs.getKey() + ": signing in through the realm");
            assertEquals("object", parsed.at("/components/schemas/Problem/type").asText(), docs.getKey() + ": the Problem schema");

            given().get(prefix + "/ui/").then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("swagger-ui-bundle.js"), containsString("../openapi"), containsString("clientId: 'web'"));
            given().get(prefix + "/ui/swagger-ui-bundle.js").then().statusCode(200);
            // nothing else of the service's /q is published with the docs
            for (String other : List.of("/q/health", "/metrics", "/health", "/openapi.json")) {
                given().urlEncodingEnabled(false).get(prefix + other).then().statusCode(404);
            }
        }
        given().get(gateway + "/api/docs/nowhere/openapi").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyServiceAnswersTheClientGeneratedFromItsDocument() throws Exception {
        var accounts = new com.example.accounts.e2e.client.account.ApiClient();
        configure(accounts::updateBaseUri, accounts::setRequestInterceptor, Service.ACCOUNT);
        var accountApi = new AccountResourceApi(accounts);
        var opened = accountApi.openAccountWithHttpInfo(new OpenAccountRequest().name("Generated client " + UUID.randomUUID())
                .plan(new PlanBody().modules(List.of(Module.REMOTE_SUPPORT)).seats(List.of(new SeatBody().module(Module.REMOTE_SUPPORT).seats(1))))
                .admin(new AdminBody().name("Ada Admin").email(Tokens.DEMO_ADMIN)), null, null);
        assertEquals(201, opened.getStatusCode());
        AccountOpenedView account = opened.getData();
        AccountView read = accountApi.getAccount(account.getAccountId());
        assertEquals(account.getAccountId(), read.getAccountId());
        CompanyView company = new CompanyResourceApi(accounts).addCompany(account.getAccountId(), new CompanyRequest().name("Contoso"), null, null);
        assertEquals("Contoso", company.getName());
        var seat = new MemberResourceApi(accounts).provisionSeatWithHttpInfo(account.getAccountId(), account.getMemberId(),
                Module.REMOTE_SUPPORT, null, null);
        String consistency = header(seat.getHeaders(), "Consistency-Token");

        var permissions = new com.example.accounts.e2e.client.permission.ApiClient();
        configure(permissions::updateBaseUri, permissions::setRequestInterceptor, Service.PERMISSION);
        CheckAnswer check = new CheckResourceApi(permissions).check(account.getAccountId(), null, null, "support.session.host", null, consistency);
        assertEquals(Boolean.TRUE, check.getAllowed(), "Ada holds a seat of remote support: she may host");

        var sessions = new com.example.accounts.e2e.client.session.ApiClient();
        configure(sessions::updateBaseUri, sessions::setRequestInterceptor, Service.SESSION);
        // SEC-3 through the header the document names: a retry with the same Idempotency-Key is the first session
        String key = "generated-" + UUID.randomUUID();
        var supportSessions = new SupportSessionResourceApi(sessions);
        Started started = supportSessions.startSupportSession(account.getAccountId(), new StartBody().clientVersion("2.4.0"), consistency, key, null);
        assertNotNull(started.getSessionId());
        assertEquals(account.getMemberId(), started.getOwnerMemberId());
        Started retried = supportSessions.startSupportSession(account.getAccountId(), new StartBody().clientVersion("2.4.0"), consistency, key, null);
        assertEquals(started.getSessionId(), retried.getSessionId(), "a retry with its Idempotency-Key is the first session, not a second");

        var notifications = new com.example.accounts.e2e.client.notification.ApiClient();
        configure(notifications::updateBaseUri, notifications::setRequestInterceptor, Service.NOTIFICATION);
        AccountDeliveries deliveries = new DeliveriesResourceApi(notifications).listDeliveries(account.getAccountId().toString(), null, null);
        assertEquals(account.getAccountId(), deliveries.getAccountId());
    }

    /** A generated client's base URI (the service itself) and Ada's token on every request. */
    private static void configure(java.util.function.Consumer<String> baseUri,
            java.util.function.Consumer<java.util.function.Consumer<java.net.http.HttpRequest.Builder>> interceptor,
            Service service) {
        baseUri.accept(platform.service(service).baseUrl());
        String token = token();
        interceptor.accept(request -> request.header("Authorization", "Bearer " + token));
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(h -> h.getValue().getFirst())
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " header in " + headers.keySet()));
    }
}
