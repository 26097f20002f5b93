package com.example.accounts.account.api;

import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.example.accounts.account.api.ApiFixture.adaMember;
import static com.example.accounts.account.api.ApiFixture.add;
import static com.example.accounts.account.api.ApiFixture.openAccount;
import static com.example.accounts.account.api.ApiFixture.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Contact-center roles, licences, queues, role permissions and settings over HTTP with real tokens (CC-1 to CC-6). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class ContactCenterApiTest {

    @Test
    void CC1_CC3_CC6_SEAT3_anAdminWithALicenceStaffsAQueueAndConfiguresTheContactCenter() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String cc = "/accounts/" + accountId + "/contact-center";
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"modules\": [\"REMOTE_SUPPORT\", \"CONTACT_CENTER\"], \"seats\": [{\"module\": \"REMOTE_SUPPORT\", \"seats\": 1}, {\"module\": \"CONTACT_CENTER\", \"seats\": 2}]}")
                .put("/accounts/" + accountId + "/plan").then().statusCode(200);
        String agent = add(ada, accountId, "agent." + UUID.randomUUID() + "@example.com", "STANDARD");
        add(ada, accountId, Tokens.DEMO_STANDARD, "STANDARD");

        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"Early\"}").post(cc + "/queues")
                .then().statusCode(403).body("rule", equalTo("SEAT-3"));
        given().auth().oauth2(ada).put("/accounts/" + accountId + "/members/" + adaMember(ada, accountId) + "/seats/CONTACT_CENTER").then().statusCode(200);
        given().auth().oauth2(ada).put("/accounts/" + accountId + "/members/" + agent + "/seats/CONTACT_CENTER").then().statusCode(200);
        given().auth().oauth2(ada).put(cc + "/members/" + agent + "/roles/CONTACT_ADMIN").then().statusCode(422).body("rule", equalTo("CC-1"));
        given().auth().oauth2(ada).put(cc + "/members/" + agent + "/roles/AGENT").then().statusCode(200).body("contactCenterRoles", contains("AGENT"));
        given().auth().oauth2(ada).put(cc + "/members/" + agent + "/roles/JANITOR").then().statusCode(400).body("errors[0].field", equalTo("role"));
        String queue = given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"Sales\"}").post(cc + "/queues")
                .then().statusCode(201).extract().path("queueId");
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"role\": \"AGENT\"}").put(cc + "/queues/" + queue + "/members/" + agent)
                .then().statusCode(200).body("agents", contains(agent));
        given().auth().oauth2(token(Tokens.DEMO_STANDARD)).contentType(ContentType.JSON).body("{\"name\": \"Mine\"}").post(cc + "/queues")
                .then().statusCode(403).body("rule", equalTo("CC-1"));

        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"permissions\": [\"VIEW_QUEUE_SETTINGS\", \"MANAGE_BREAK_REASONS\"]}")
                .put(cc + "/role-permissions/SUPERVISOR").then().statusCode(200)
                .body("supervisorPermissions", contains("VIEW_QUEUE_SETTINGS", "VIEW_BREAK_REASONS", "MANAGE_BREAK_REASONS"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"permissions\": [\"MANAGE_BREAK_REASONS\"]}")
                .put(cc + "/role-permissions/SUPERVISOR").then().statusCode(422).body("rule", equalTo("CC-3"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"restrictUnassignedQueueLogin\": true}")
                .put(cc + "/settings").then().statusCode(200).body("restrictUnassignedQueueLogin", equalTo(true));

        given().auth().oauth2(ada).delete(cc + "/members/" + agent + "/roles/AGENT").then().statusCode(200);
        given().auth().oauth2(ada).get(cc).then().body("queues[0].agents.size()", equalTo(0));
    }
}
