package com.example.accounts.account.api;

import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Scraped;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.example.accounts.account.api.ApiFixture.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account API against the real PostgreSQL, Kafka and Keycloak, with real tokens. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class AccountApiTest {

    private static String openAccount(String adminToken) {
        return given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("""
                        {"name": "Acme %s", "plan": {"modules": ["REMOTE_SUPPORT", "TRAINING"], "seats": [{"module": "REMOTE_SUPPORT", "seats": 5}]},
                         "admin": {"name": "Ada Admin", "email": "ada@demo.example"}}""".formatted(UUID.randomUUID()))
                .post("/accounts")
                .then().statusCode(201)
                .header("Consistency-Token", matchesPattern("account-events\\.[0-9a-f-]{36}\\.\\d+"))
                .extract().path("accountId");
    }

    @Test
    void readinessNamesTheDatabaseKafkaTheRelayAndKeycloakEachUpAndLivenessReadsNoServer() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'keycloak' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Reactive PostgreSQL connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", not(hasItem(anyOf(equalTo("kafka"), equalTo("keycloak"), equalTo("event relay")))));
    }

    @Test
    void ACC1_USR1_USR2_anAdminOpensAnAccountAndAddsAMemberWithANewLogin() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada);
        String email = "new." + UUID.randomUUID() + "@example.com";

        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"New Member\", \"email\": \"" + email.toUpperCase() + "\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(201)
                .header("Consistency-Token", notNullValue())
                .header("ETag", "\"3\"")
                .body("loginId", notNullValue());

        given().auth().oauth2(ada).get("/accounts/" + accountId + "/members")
                .then().statusCode(200)
                .body("items.email", hasItem(email))
                .body("items.find { it.email == 'ada@demo.example' }.role", equalTo("ADMIN"));
    }

    @Test
    void USR2_anEmailThatHasALoginReusesIt() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada);
        String benLogin = given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"Ben\", \"email\": \"ben@demo.example\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(201).extract().path("loginId");

        // Ben signs in with the credentials he has, and sees the account he was added to.
        given().auth().oauth2(token(Tokens.DEMO_STANDARD)).get("/accounts/" + accountId + "/members")
                .then().statusCode(200).body("items.find { it.email == 'ben@demo.example' }.loginId", equalTo(benLogin));
    }

    @Test
    void ACC6_someoneOutsideTheAccountGets404AndUSR1_aStandardMemberMayNotAdd() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada);
        String ben = token(Tokens.DEMO_STANDARD);

        given().auth().oauth2(ben).get("/accounts/" + accountId).then().statusCode(404)
                .contentType("application/problem+json").body("rule", equalTo("ACC-6"));
        given().auth().oauth2(ben).contentType(ContentType.JSON)
                .body("{\"name\": \"Cy\", \"email\": \"cy@example.com\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members").then().statusCode(404);
        given().auth().oauth2(ada).get("/accounts/" + UUID.randomUUID()).then().statusCode(404);

        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"Ben\", \"email\": \"ben@demo.example\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members").then().statusCode(201);
        given().auth().oauth2(ben).contentType(ContentType.JSON)
                .body("{\"name\": \"Cy\", \"email\": \"cy@example.com\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(403).contentType("application/problem+json").body("rule", equalTo("USR-1"));
    }

    @Test
    void SEC1_withoutATokenNothingAnswers() {
        given().get("/accounts/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void SEC2_USR1_malformedJsonUnknownFieldsMissingOrLongNamesBadOrDuplicateEmailsAreNamedAndChangeNothing() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada);

        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(400).contentType("application/problem+json").body("rule", equalTo("SEC-2"));
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"Cy\", \"email\": \"cy@example.com\", \"role\": \"STANDARD\", \"isBillingContact\": true}")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(400).body("errors[0].field", equalTo("isBillingContact"));
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"Cy\", \"email\": \"cy@example.com\", \"role\": \"EMPEROR\"}")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"" + "x".repeat(101) + "\", \"email\": \"cy@example.com\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(422).body("rule", equalTo("USR-1")).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"   \", \"email\": \"cy@example.com\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(422).body("errors[0].field", equalTo("name")).body("errors[0].message", equalTo("is required"));
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"Ada Again\", \"email\": \"ADA@Demo.Example\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(409).body("rule", equalTo("USR-1")).body("errors[0].field", equalTo("email"));
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"Cy\", \"email\": \"cy@\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(422).body("errors[0].field", equalTo("email"));
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"" + "x".repeat(70_000) + "\", \"email\": \"cy@example.com\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(413);

        given().auth().oauth2(ada).get("/accounts/" + accountId).then().statusCode(200)
                .header("ETag", "\"2\"").body("memberCount", equalTo(1));
    }

    @Test
    void SEC2_aMissingSettingOrANullInAnyListIsA400NamingTheFieldAndChangesNothing() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada);
        String base = "/accounts/" + accountId;
        String ben = ApiFixture.add(ada, accountId, "sec2." + UUID.randomUUID() + "@example.com", "STANDARD");
        String etag = given().auth().oauth2(ada).get(base).header("ETag");

        record Bad(String method, String path, String body, String field) {
        }
        for (Bad bad : java.util.List.of(
                new Bad("PUT", base + "/settings", "{\"serverInviteEmails\": true, \"coOrganizers\": true}", "defaultLanguage"),
                new Bad("PUT", base + "/settings", "{\"serverInviteEmails\": true, \"coOrganizers\": true, \"defaultLanguage\": null}", "defaultLanguage"),
                new Bad("PUT", base + "/settings", "{\"coOrganizers\": true, \"defaultLanguage\": \"fr\"}", "serverInviteEmails"),
                new Bad("POST", base + "/members", "{\"name\": \"Cy\", \"email\": \"cy." + UUID.randomUUID() + "@example.com\", \"role\": \"STANDARD\", "
                        + "\"companyAccess\": {\"all\": false, \"companies\": [null]}}", "companyAccess.companies[0]"),
                new Bad("POST", base + "/members", "{\"name\": \"Cy\", \"email\": \"cy." + UUID.randomUUID() + "@example.com\", \"role\": \"STANDARD\", "
                        + "\"supportFeatures\": [\"FILE_TRANSFER\", null]}", "supportFeatures[1]"),
                new Bad("PUT", base + "/members/" + ben + "/company-access", "{\"all\": false, \"companies\": [null]}", "companies[0]"),
                new Bad("PUT", base + "/members/" + ben + "/support-features", "{\"supportFeatures\": [null]}", "supportFeatures[0]"),
                new Bad("PUT", base + "/members/" + ben + "/groups", "{\"userGroups\": [null]}", "userGroups[0]"),
                new Bad("PUT", base + "/plan", "{\"modules\": [\"REMOTE_SUPPORT\", null], \"seats\": []}", "modules[1]"),
                new Bad("PUT", base + "/plan", "{\"modules\": [\"REMOTE_SUPPORT\"], \"seats\": [null]}", "seats[0]"),
                new Bad("POST", base + "/security-policies", "{\"name\": \"P\", \"description\": \"d\", \"permissions\": [null]}", "permissions[0]"),
                new Bad("PUT", base + "/contact-center/role-permissions/AGENT", "{\"permissions\": [null]}", "permissions[0]"),
                new Bad("POST", "/accounts", "{\"name\": \"Acme\", \"plan\": {\"modules\": [null], \"seats\": []}, "
                        + "\"admin\": {\"name\": \"Ada\", \"email\": \"ada@demo.example\"}}", "plan.modules[0]"))) {
            given().auth().oauth2(ada).contentType(ContentType.JSON).body(bad.body()).request(bad.method(), bad.path())
                    .then().statusCode(400).contentType("application/problem+json").body("rule", equalTo("SEC-2"))
                    .body("errors[0].field", equalTo(bad.field()));
        }
        given().auth().oauth2(ada).get(base).then().statusCode(200).header("ETag", etag);
    }

    @Test
    void aCommandMovesTheCounterOfItsTypeAndOutcomeAndARefusalNamesItsRule() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada);
        String adaMember = ApiFixture.adaMember(ada, accountId);
        Map<String, String> added = Map.of("stream", "account", "command", "AddMember", "outcome", "appended", "rule", "none");

        Scraped before = scrape();
        ApiFixture.add(ada, accountId, "metrics." + UUID.randomUUID() + "@example.com", "STANDARD");
        // Ada may not demote herself: refused by a rule, the one her answer and the counter name
        String rule = given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"role\": \"STANDARD\"}")
                .put("/accounts/" + accountId + "/members/" + adaMember + "/role")
                .then().statusCode(403).extract().path("rule");
        Scraped after = scrape();

        assertEquals(before.sum("platform_commands_total", added) + 1, after.sum("platform_commands_total", added));
        Map<String, String> refused = Map.of("stream", "account", "command", "ChangeRole", "outcome", "refused", "rule", rule);
        assertEquals(before.sum("platform_commands_total", refused) + 1, after.sum("platform_commands_total", refused));
        assertTrue(after.sum("platform_commands_append_seconds_count", Map.of("stream", "account")) > before.sum("platform_commands_append_seconds_count",
                Map.of("stream", "account")), "the append was timed");
        // the member's login was looked up through Keycloak's admin REST client
        assertTrue(after.has("http_client_requests_seconds_count"), "the calls out are timed");
    }

    @Test
    void metricsAnswerWithoutATokenWithTheRelaysLagAndTheHttpMeters() {
        Scraped metrics = scrape();
        for (String name : List.of("platform_relay_unpublished", "platform_relay_oldest_unpublished_seconds", "platform_relay_leading",
                "http_server_requests_seconds_count")) {
            assertTrue(metrics.has(name), name + " is scraped");
        }
    }

    /** /q/metrics as Prometheus reads it: on the service port, without a token. */
    private static Scraped scrape() {
        return Scraped.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
