package com.example.accounts.account.api;

import com.example.accounts.launcher.NonMemberOracle;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.example.accounts.account.api.ApiFixture.adaMember;
import static com.example.accounts.account.api.ApiFixture.add;
import static com.example.accounts.account.api.ApiFixture.openAccount;
import static com.example.accounts.account.api.ApiFixture.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ACC-6 over every operation of the published API: an outsider tells no real account or object from a made-up one. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class NonMemberOracleTest {

    private static String created(Response response, String id) {
        return response.then().statusCode(201).extract().path(id);
    }

    @Test
    void ACC6_aNonMemberGetsTheSameAnswerForRealAndMadeUpIdsOnEveryOperation() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 2);
        String accounts = "/accounts/" + accountId;
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"modules\": [\"REMOTE_SUPPORT\", \"CONTACT_CENTER\"], \"seats\": [{\"module\": \"REMOTE_SUPPORT\", \"seats\": 2}, {\"module\": \"CONTACT_CENTER\", \"seats\": 2}]}")
                .put(accounts + "/plan").then().statusCode(200);
        given().auth().oauth2(ada).put(accounts + "/members/" + adaMember(ada, accountId) + "/seats/CONTACT_CENTER").then().statusCode(200);
        String member = add(ada, accountId, "oracle." + UUID.randomUUID() + "@example.com", "STANDARD");
        String company = created(given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"North\"}").post(accounts + "/companies"),
                "companyId");
        String group = created(given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"Field\"}").post(accounts + "/user-groups"),
                "groupId");
        String device = created(given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"Till\", \"companyId\": \"" + company + "\"}")
                .post(accounts + "/devices"), "deviceId");
        String policy = created(given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"View only\", \"description\": \"For vendors\", \"permissions\": [\"VIEW_SCREEN\"]}")
                .post(accounts + "/security-policies"), "policyId");
        Response queue = given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"Sales\"}").post(accounts + "/contact-center/queues");
        String queueId = created(queue, "queueId");
        // Ben is the outsider: a member of an account of his own, and of no other here
        String ben = token(Tokens.DEMO_STANDARD);
        String his = created(given().auth().oauth2(ben).contentType(ContentType.JSON)
                .body("{\"name\": \"Ben's\", \"plan\": {\"modules\": [\"REMOTE_SUPPORT\", \"CONTACT_CENTER\"], \"seats\": []}, \"admin\": {\"name\": \"Ben\", \"email\": \"ben@demo.example\"}}")
                .post("/accounts"), "accountId");

        NonMemberOracle.Findings findings = NonMemberOracle.of(ConfigProvider.getConfig().getValue("test.url", String.class), ben)
                .id("accountId", accountId).id("memberId", member).id("companyId", company).id("groupId", group).id("deviceId", device)
                .id("policyId", policy).id("queueId", queueId)
                .ownAccount("accountId", his)
                .value("kind", "user-groups").value("role", "AGENT").value("module", "REMOTE_SUPPORT")
                .consistencyToken(queue.header("Consistency-Token"))
                .notProbed("POST /accounts", "opens a new account: there is no account id to vary")
                .probe().assertNone();
        assertTrue(findings.probed().size() >= 40, "only " + findings.probed() + " probed");
    }

    @Test
    void ACC6_SEC3_aMemberRemovedSinceGetsNoStoredAnswerForTheirIdempotencyKey() {
        String ada = token(Tokens.DEMO_ADMIN);
        String ben = token(Tokens.DEMO_STANDARD);
        String accountId = openAccount(ada, 1);
        String benMember = add(ada, accountId, Tokens.DEMO_STANDARD, "ADMIN");
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(ben).contentType(ContentType.JSON).header("Idempotency-Key", key).body("{\"name\": \"North\"}")
                .post("/accounts/" + accountId + "/companies").then().statusCode(201);
        given().auth().oauth2(ada).delete("/accounts/" + accountId + "/members/" + benMember).then().statusCode(204);

        String madeUp = UUID.randomUUID().toString();
        Response retried = given().auth().oauth2(ben).contentType(ContentType.JSON).header("Idempotency-Key", key).body("{\"name\": \"North\"}")
                .post("/accounts/" + accountId + "/companies");
        Response elsewhere = given().auth().oauth2(ben).contentType(ContentType.JSON).header("Idempotency-Key", key).body("{\"name\": \"North\"}")
                .post("/accounts/" + madeUp + "/companies");
        assertEquals(404, retried.statusCode(), retried.asString());
        assertEquals(elsewhere.asString().replace(madeUp, "{accountId}"), retried.asString().replace(accountId, "{accountId}"));
    }
}
