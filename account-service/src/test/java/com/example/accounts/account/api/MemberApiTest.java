package com.example.accounts.account.api;

import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static com.example.accounts.account.api.ApiFixture.adaMember;
import static com.example.accounts.account.api.ApiFixture.add;
import static com.example.accounts.account.api.ApiFixture.atOnce;
import static com.example.accounts.account.api.ApiFixture.openAccount;
import static com.example.accounts.account.api.ApiFixture.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Member edits over HTTP with real tokens, including requests fired at the same moment. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class MemberApiTest {

    @Test
    void SEAT2_parallelProvisioningNeverExceedsTheSeatsBought() throws Exception {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 3);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(add(ada, accountId, "tech" + i + "." + UUID.randomUUID() + "@example.com", "STANDARD"));
        }

        List<Response> answers = atOnce(members.stream().<Callable<Response>>map(member -> () -> given().auth().oauth2(ada)
                .put("/accounts/" + accountId + "/members/" + member + "/seats/REMOTE_SUPPORT")).toList());

        assertEquals(3, answers.stream().filter(r -> r.statusCode() == 200).count());
        List<Response> refused = answers.stream().filter(r -> r.statusCode() == 409).toList();
        assertEquals(5, refused.size());
        refused.forEach(r -> r.then().contentType("application/problem+json").body("rule", equalTo("SEAT-2"))
                .body("detail", equalTo("module: REMOTE_SUPPORT: 3 seats bought, 3 in use")));
        assertEquals(3, given().auth().oauth2(ada).queryParam("seat", "REMOTE_SUPPORT").get("/accounts/" + accountId + "/members").jsonPath()
                .getList("items").size());
    }

    @Test
    void USR7_twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        String ada = token(Tokens.DEMO_ADMIN);
        String ben = token(Tokens.DEMO_STANDARD);
        String accountId = openAccount(ada, 1);
        String benMember = add(ada, accountId, Tokens.DEMO_STANDARD, "ADMIN");
        String adaMember = adaMember(ada, accountId);
        String charlie = add(ada, accountId, "charlie." + UUID.randomUUID() + "@example.com", "ADMIN");
        // Ada hands the billing flag to Charlie, so that neither Ada nor Ben is protected by BIL-3.
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"memberId\": \"" + charlie + "\"}")
                .put("/accounts/" + accountId + "/billing-contact").then().statusCode(200);

        List<Response> answers = atOnce(List.of(
                () -> given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"role\": \"STANDARD\"}")
                        .put("/accounts/" + accountId + "/members/" + benMember + "/role"),
                () -> given().auth().oauth2(ben).contentType(ContentType.JSON).body("{\"role\": \"STANDARD\"}")
                        .put("/accounts/" + accountId + "/members/" + adaMember + "/role")));

        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 200).count(), answers.get(0).asString() + answers.get(1).asString());
        answers.stream().filter(r -> r.statusCode() != 200).forEach(r -> r.then().statusCode(403).body("rule", equalTo("USR-4")));
        List<String> roles = given().auth().oauth2(ada).get("/accounts/" + accountId + "/members").jsonPath()
                .getList("items.findAll { it.email == 'ada@demo.example' || it.email == 'ben@demo.example' }.role");
        assertEquals(1, roles.stream().filter("ADMIN"::equals).count(), roles.toString());
    }

    @Test
    void BIL1_handingTheFlagOverWhileTheNewHolderIsDemotedNeverLeavesANonAdminHoldingIt() throws Exception {
        String ada = token(Tokens.DEMO_ADMIN);
        String ben = token(Tokens.DEMO_STANDARD);
        String accountId = openAccount(ada, 1);
        add(ada, accountId, Tokens.DEMO_STANDARD, "ADMIN");
        String charlie = add(ada, accountId, "charlie." + UUID.randomUUID() + "@example.com", "ADMIN");

        List<Response> answers = atOnce(List.of(
                () -> given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"memberId\": \"" + charlie + "\"}")
                        .put("/accounts/" + accountId + "/billing-contact"),
                () -> given().auth().oauth2(ben).contentType(ContentType.JSON).body("{\"role\": \"STANDARD\"}")
                        .put("/accounts/" + accountId + "/members/" + charlie + "/role")));

        String holder = given().auth().oauth2(ada).get("/accounts/" + accountId).jsonPath().getString("billingContactMemberId");
        assertEquals("ADMIN", given().auth().oauth2(ada).get("/accounts/" + accountId + "/members/" + holder).jsonPath().getString("role"),
                answers.get(0).asString() + " / " + answers.get(1).asString());
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 200).count(), "one of the two wins, the other is refused by BIL-1 or BIL-3");
    }

    @Test
    void USR6_aDeletedMemberIsGoneTheirSeatFreedAndTheirEmailAddableAgain() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String email = "leaver." + UUID.randomUUID() + "@example.com";
        String leaver = add(ada, accountId, email, "STANDARD");
        given().auth().oauth2(ada).put("/accounts/" + accountId + "/members/" + leaver + "/seats/REMOTE_SUPPORT").then().statusCode(200)
                .body("seats", org.hamcrest.Matchers.contains("REMOTE_SUPPORT"));

        given().auth().oauth2(ada).delete("/accounts/" + accountId + "/members/" + leaver).then().statusCode(204)
                .header("Consistency-Token", containsString(accountId));
        given().auth().oauth2(ada).get("/accounts/" + accountId + "/members/" + leaver).then().statusCode(404);
        given().auth().oauth2(ada).put("/accounts/" + accountId + "/members/" + adaMember(ada, accountId) + "/seats/REMOTE_SUPPORT")
                .then().statusCode(200);
        String again = add(ada, accountId, email.toUpperCase(), "STANDARD");
        org.junit.jupiter.api.Assertions.assertNotEquals(leaver, again);
    }

    @Test
    void ETag_anEditOnAStaleVersionIs412AndChangesNothing() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 2);
        String member = add(ada, accountId, "x." + UUID.randomUUID() + "@example.com", "STANDARD");
        String etag = given().auth().oauth2(ada).get("/accounts/" + accountId).header("ETag");

        given().auth().oauth2(ada).header("If-Match", etag).contentType(ContentType.JSON).body("{\"role\": \"ADMIN\"}")
                .put("/accounts/" + accountId + "/members/" + member + "/role").then().statusCode(200)
                .header("ETag", "\"6\""); // RoleChanged, and the company access and features every admin holds (USR-3)
        given().auth().oauth2(ada).header("If-Match", etag).contentType(ContentType.JSON).body("{\"role\": \"STANDARD\"}")
                .put("/accounts/" + accountId + "/members/" + member + "/role")
                .then().statusCode(412).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().auth().oauth2(ada).get("/accounts/" + accountId + "/members/" + member).then().body("role", equalTo("ADMIN"));
    }

    @Test
    void SEC3_aCreatingCommandRetriedWithItsIdempotencyKeyAnswersTheSameAndAppendsNothing() throws Exception {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Once\", \"email\": \"once." + UUID.randomUUID() + "@example.com\", \"role\": \"STANDARD\"}";

        List<Response> answers = atOnce(List.of(1, 2, 3, 4).stream().<Callable<Response>>map(i -> () -> given().auth().oauth2(ada)
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/accounts/" + accountId + "/members")).toList());

        answers.forEach(r -> r.then().statusCode(201));
        assertEquals(1, answers.stream().map(r -> r.path("memberId")).distinct().count());
        assertEquals(1, answers.stream().map(r -> r.header("Consistency-Token")).distinct().count());
        given().auth().oauth2(ada).get("/accounts/" + accountId).then().header("ETag", "\"3\"").body("memberCount", equalTo(2));

        given().auth().oauth2(ada).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"name\": \"Other\", \"email\": \"other@example.com\", \"role\": \"STANDARD\"}")
                .post("/accounts/" + accountId + "/members")
                .then().statusCode(422).body("rule", equalTo("SEC-3"));
    }

    @Test
    void ACC3_onlyTheBillingContactChangesThePlanNeverBelowProvisionedSeats() {
        String ada = token(Tokens.DEMO_ADMIN);
        String ben = token(Tokens.DEMO_STANDARD);
        String accountId = openAccount(ada, 2);
        add(ada, accountId, Tokens.DEMO_STANDARD, "ADMIN");
        given().auth().oauth2(ada).put("/accounts/" + accountId + "/members/" + adaMember(ada, accountId) + "/seats/REMOTE_SUPPORT").then().statusCode(200);
        String none = "{\"modules\": [\"REMOTE_SUPPORT\"], \"seats\": [{\"module\": \"REMOTE_SUPPORT\", \"seats\": 0}]}";

        given().auth().oauth2(ben).contentType(ContentType.JSON).body(none).put("/accounts/" + accountId + "/plan")
                .then().statusCode(403).body("rule", equalTo("ACC-3"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body(none).put("/accounts/" + accountId + "/plan")
                .then().statusCode(409).body("rule", equalTo("ACC-3"))
                .body("detail", equalTo("plan.seats: REMOTE_SUPPORT: 1 seats are provisioned, the plan asks for 0; release seats first"));
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"modules\": [\"REMOTE_SUPPORT\", \"TRAINING\"], \"seats\": [{\"module\": \"REMOTE_SUPPORT\", \"seats\": 9}]}")
                .put("/accounts/" + accountId + "/plan").then().statusCode(200).body("plan.seats[0].seats", equalTo(9));
    }
}
