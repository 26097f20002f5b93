package com.example.accounts.account.api;

import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.eventstore.EventStore;
import com.example.accounts.launcher.KeycloakServer;
import com.example.accounts.launcher.LaunchException;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.example.accounts.account.api.ApiFixture.add;
import static com.example.accounts.account.api.ApiFixture.openAccount;
import static com.example.accounts.account.api.ApiFixture.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Billing information, account-wide settings and a member's own profile over HTTP with real tokens. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class BillingAndProfileApiTest {

    @Inject
    EventStore store;

    /** Every log record of this JVM while {@code run} runs. */
    private static List<String> logged(Runnable run) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + " " + (record.getParameters() == null ? "" : List.of(record.getParameters()))
                        + " " + (record.getThrown() == null ? "" : record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            run.run();
        } finally {
            root.removeHandler(handler);
        }
        return lines;
    }

    @Test
    void ACC4_EVT5_aCardNumberIsRefusedNamingTheFieldNeverStoredNeverLoggedAndNeverInAnEvent() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String etag = given().auth().oauth2(ada).get("/accounts/" + accountId).header("ETag");

        List<String> lines = logged(() -> given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"address\": \"1 Main St\", \"paymentMethodRef\": \"5555 5555 5555 4444\"}")
                .put("/accounts/" + accountId + "/billing-info")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("ACC-4"))
                .body("errors[0].field", equalTo("billingInfo.paymentMethodRef"))
                .body(not(containsString("4444"))));

        assertTrue(lines.stream().noneMatch(line -> line.contains("5555 5555") || line.contains("5555555555554444")), lines.toString());
        given().auth().oauth2(ada).get("/accounts/" + accountId + "/billing-info").then().statusCode(200)
                .header("ETag", etag).body("paymentMethodRef", nullValue()).body("address", nullValue());
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"address\": \"1 Main St\", \"paymentMethodRef\": \"pm_card_visa\"}")
                .put("/accounts/" + accountId + "/billing-info").then().statusCode(200);
        List<String> stored = store.readStream(AccountCommands.streamOf(UUID.fromString(accountId)), 0).await().indefinitely().stream()
                .map(event -> event.data().toString()).toList();
        assertTrue(stored.stream().anyMatch(data -> data.contains("pm_card_visa")), stored.toString());
        assertTrue(stored.stream().noneMatch(data -> data.contains("5555 5555 5555 4444") || data.contains("5555555555554444")
                || data.toLowerCase().contains("password")), stored.toString());
    }

    @Test
    void ACC4_EVT5_aDigitRunOfTensOfThousandsIsRefusedNamingTheFieldNotA500AndOtherSeparatorsHideNoCard() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String etag = given().auth().oauth2(ada).get("/accounts/" + accountId).header("ETag");

        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"paymentMethodRef\": \"" + "4".repeat(40_000) + "\"}")
                .put("/accounts/" + accountId + "/billing-info")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("ACC-4"))
                .body("errors[0].field", equalTo("billingInfo.paymentMethodRef")).body(not(containsString("4444")));
        for (String card : List.of("4111.1111.1111.1111", "4111/1111/1111/1111", "4111  1111  1111  1111", "4111 1111 1111 1111 123",
                "\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661")) {
            given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"address\": \"Main St, " + card + "\"}")
                    .put("/accounts/" + accountId + "/billing-info")
                    .then().statusCode(422).body("rule", equalTo("ACC-4")).body("errors[0].field", equalTo("billingInfo.address"));
        }
        given().auth().oauth2(ada).get("/accounts/" + accountId + "/billing-info").then().statusCode(200).header("ETag", etag);
    }

    @Test
    void ACC3_ACC4_theBillingContactSetsBillingInformationOthersMayNot() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        add(ada, accountId, Tokens.DEMO_STANDARD, "ADMIN");
        String body = "{\"address\": \"1 Main St, Berlin\", \"email\": \"Billing@Acme.test\", \"vatId\": \"DE123456789\", \"paymentMethodRef\": \"pm_123\"}";

        given().auth().oauth2(token(Tokens.DEMO_STANDARD)).contentType(ContentType.JSON).body(body)
                .put("/accounts/" + accountId + "/billing-info").then().statusCode(403).body("rule", equalTo("ACC-3"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body(body).put("/accounts/" + accountId + "/billing-info")
                .then().statusCode(200).body("email", equalTo("billing@acme.test")).body("paymentMethodRef", equalTo("pm_123"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"cardNumber\": \"4111111111111111\"}")
                .put("/accounts/" + accountId + "/billing-info").then().statusCode(400).body("errors[0].field", equalTo("cardNumber"));
    }

    @Test
    void ACC5_fullAdminsChangeSettingsAndAnUnknownLanguageIsNamed() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        add(ada, accountId, Tokens.DEMO_STANDARD, "STANDARD");

        given().auth().oauth2(ada).get("/accounts/" + accountId).then()
                .body("settings.serverInviteEmails", equalTo(true)).body("settings.defaultLanguage", equalTo("en"));
        given().auth().oauth2(token(Tokens.DEMO_STANDARD)).contentType(ContentType.JSON)
                .body("{\"serverInviteEmails\": false, \"coOrganizers\": true, \"defaultLanguage\": \"fr\"}")
                .put("/accounts/" + accountId + "/settings").then().statusCode(403).body("rule", equalTo("ACC-5"));
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"serverInviteEmails\": false, \"coOrganizers\": true, \"defaultLanguage\": \"xx\"}")
                .put("/accounts/" + accountId + "/settings").then().statusCode(422).body("errors[0].field", equalTo("defaultLanguage"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"coOrganizers\": true, \"defaultLanguage\": \"fr\"}")
                .put("/accounts/" + accountId + "/settings").then().statusCode(400).body("errors[0].field", equalTo("serverInviteEmails"));
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"serverInviteEmails\": false, \"coOrganizers\": false, \"defaultLanguage\": \"fr\"}")
                .put("/accounts/" + accountId + "/settings").then().statusCode(200)
                .body("settings.serverInviteEmails", equalTo(false)).body("settings.defaultLanguage", equalTo("fr"));
    }

    @Test
    void USR5_aMemberChangesTheirOwnProfileAndAnAdminWhoTriesIsRefused() {
        String ada = token(Tokens.DEMO_ADMIN);
        String ben = token(Tokens.DEMO_STANDARD);
        String accountId = openAccount(ada, 1);
        String benMember = add(ada, accountId, Tokens.DEMO_STANDARD, "STANDARD");
        String taken = "taken." + UUID.randomUUID() + "@example.com";
        add(ada, accountId, taken, "STANDARD");

        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"Benny\", \"email\": \"ben@demo.example\"}")
                .put("/accounts/" + accountId + "/members/" + benMember + "/profile").then().statusCode(403).body("rule", equalTo("USR-5"));
        given().auth().oauth2(ben).contentType(ContentType.JSON).body("{\"name\": \"Ben B.\", \"email\": \"" + taken.toUpperCase() + "\"}")
                .put("/accounts/" + accountId + "/members/" + benMember + "/profile").then().statusCode(409).body("errors[0].field", equalTo("email"));
        given().auth().oauth2(ben).contentType(ContentType.JSON).body("{\"name\": \"  Ben B.  \", \"email\": \"ben@demo.example\"}")
                .put("/accounts/" + accountId + "/members/" + benMember + "/profile").then().statusCode(200).body("name", equalTo("Ben B."));
        given().auth().oauth2(ben).get("/accounts/" + accountId + "/members/me").then().statusCode(200)
                .body("memberId", equalTo(benMember)).body("name", equalTo("Ben B."));
        given().auth().oauth2(ben).contentType(ContentType.JSON).body("{\"name\": \"Benjamin\", \"email\": \"ben@demo.example\"}")
                .put("/accounts/" + accountId + "/members/me/profile").then().statusCode(200).body("name", equalTo("Benjamin"));
        given().auth().oauth2(token(Tokens.DEMO_ADMIN)).get("/accounts/" + accountId + "/members/" + benMember).then().body("name", equalTo("Benjamin"));
    }

    @Test
    void USR5_aNewEmailBecomesTheLoginsAndEveryMembershipsEmailAndAnotherLoginsEmailIsRefused() {
        KeycloakServer keycloak = TestPlatform.get().keycloak();
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String before = "usr5." + UUID.randomUUID() + "@example.com";
        String after = "usr5.new." + UUID.randomUUID() + "@example.com";
        String loginId = given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"Mo\", \"email\": \"" + before + "\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members").then().statusCode(201).extract().path("loginId");
        keycloak.setPassword(loginId, "usr5-password");
        String mo = Tokens.password(keycloak.realmUrl(), before, "usr5-password");
        String alsoThere = openAccount(ada, 1);
        add(ada, alsoThere, before, "STANDARD"); // the same person, by the same login, a member of a second account
        String elsewhere = "usr5.other." + UUID.randomUUID() + "@example.com";
        add(ada, openAccount(ada, 1), elsewhere, "STANDARD"); // another person's login, not a member here

        given().auth().oauth2(mo).contentType(ContentType.JSON).body("{\"name\": \"Mo\", \"email\": \"" + elsewhere.toUpperCase() + "\"}")
                .put("/accounts/" + accountId + "/members/me/profile").then().statusCode(409)
                .body("rule", equalTo("USR-5")).body("errors[0].field", equalTo("email"));
        assertEquals(before, keycloak.user(loginId).get("email").asText());
        given().auth().oauth2(mo).get("/accounts/" + accountId + "/members/me").then().statusCode(200).body("email", equalTo(before));

        given().auth().oauth2(mo).contentType(ContentType.JSON).body("{\"name\": \"Mo\", \"email\": \"" + after + "\"}")
                .put("/accounts/" + accountId + "/members/me/profile").then().statusCode(200).body("email", equalTo(after));
        assertEquals(after, keycloak.user(loginId).get("email").asText());
        String moNow = Tokens.password(keycloak.realmUrl(), after, "usr5-password");
        assertEquals(loginId, Tokens.subject(moNow), "signs in with the new address");
        given().auth().oauth2(moNow).get("/accounts/" + alsoThere + "/members/me").then().statusCode(200).body("email", equalTo(after));
        assertThrows(LaunchException.class, () -> Tokens.password(keycloak.realmUrl(), before, "usr5-password"), "the old address signs nobody in");
    }

    @Test
    void USR5_aLoginTheRealmsOperatorsMadeKeepsItsEmailAndItsMemberIsToldWhoChangesIt() {
        KeycloakServer keycloak = TestPlatform.get().keycloak();
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        // olga's login was made in the realm, not by the platform: the service account may not edit it
        add(ada, accountId, Tokens.DEMO_OPERATOR, "STANDARD");
        String olga = token(Tokens.DEMO_OPERATOR);
        String loginId = Tokens.subject(olga);
        String elsewhere = "usr5.olga." + UUID.randomUUID() + "@example.com";

        given().auth().oauth2(olga).contentType(ContentType.JSON).body("{\"name\": \"Olga\", \"email\": \"" + elsewhere + "\"}")
                .put("/accounts/" + accountId + "/members/me/profile").then().statusCode(409)
                .body("rule", equalTo("USR-5")).body("errors[0].field", equalTo("email"))
                .body("errors[0].message", containsString("identity provider's operators"));
        assertEquals(Tokens.DEMO_OPERATOR, keycloak.user(loginId).get("email").asText());
        given().auth().oauth2(olga).get("/accounts/" + accountId + "/members/me").then().statusCode(200).body("email", equalTo(Tokens.DEMO_OPERATOR));
    }
}
