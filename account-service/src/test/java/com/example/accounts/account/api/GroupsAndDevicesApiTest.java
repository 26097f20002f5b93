package com.example.accounts.account.api;

import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.example.accounts.account.api.ApiFixture.add;
import static com.example.accounts.account.api.ApiFixture.openAccount;
import static com.example.accounts.account.api.ApiFixture.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Groups, the groups a limited admin supervises, and devices over HTTP with real tokens (CMP-3, CMP-4, USR-4). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class GroupsAndDevicesApiTest {

    private static String create(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201).extract().path(
                path.endsWith("devices") ? "deviceId" : path.endsWith("companies") ? "companyId" : "groupId");
    }

    @Test
    void CMP3_CMP4_USR4_aLimitedAdminWorksWithinTheGroupsAssignedToIt() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 2);
        String base = "/accounts/" + accountId;
        String support = create(ada, base + "/user-groups", "{\"name\": \"Support\"}");
        String servers = create(ada, base + "/device-groups", "{\"name\": \"Servers\"}");
        String desks = create(ada, base + "/device-groups", "{\"name\": \"Desks\"}");
        String globex = create(ada, base + "/companies", "{\"name\": \"Globex\"}");
        String ben = add(ada, accountId, Tokens.DEMO_STANDARD, "LIMITED_ADMIN");
        String tech = add(ada, accountId, "tech." + UUID.randomUUID() + "@example.com", "STANDARD");
        String other = add(ada, accountId, "other." + UUID.randomUUID() + "@example.com", "STANDARD");
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"userGroups\": [\"" + support + "\"], \"deviceGroups\": [\"" + servers + "\"]}")
                .put(base + "/members/" + ben + "/supervised-groups").then().statusCode(200)
                .body("supervisedUserGroups", contains(support)).body("supervisedDeviceGroups", contains(servers));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"userGroups\": [\"" + support + "\"]}")
                .put(base + "/members/" + tech + "/groups").then().statusCode(200).body("userGroups", contains(support));
        String lia = token(Tokens.DEMO_STANDARD);

        given().auth().oauth2(lia).put(base + "/members/" + tech + "/seats/REMOTE_SUPPORT").then().statusCode(200);
        given().auth().oauth2(lia).put(base + "/members/" + other + "/seats/REMOTE_SUPPORT").then().statusCode(403).body("rule", equalTo("USR-4"));
        given().auth().oauth2(lia).contentType(ContentType.JSON).body("{\"role\": \"ADMIN\"}")
                .put(base + "/members/" + tech + "/role").then().statusCode(403).body("rule", equalTo("USR-4"));
        given().auth().oauth2(lia).contentType(ContentType.JSON)
                .body("{\"name\": \"db-01\", \"companyId\": \"" + globex + "\", \"deviceGroupId\": \"" + servers + "\"}")
                .post(base + "/devices").then().statusCode(201).body("deviceGroupId", equalTo(servers));
        given().auth().oauth2(lia).contentType(ContentType.JSON)
                .body("{\"name\": \"desk-07\", \"companyId\": \"" + globex + "\", \"deviceGroupId\": \"" + desks + "\"}")
                .post(base + "/devices").then().statusCode(403).body("rule", equalTo("CMP-4"));
        given().auth().oauth2(ada).queryParam("group", support).get(base + "/members").then().body("items.memberId", contains(tech));
    }

    @Test
    void CMP3_CMP4_deletingAGroupFreesItsMembersAndDevicesAndBadReferencesAreNamed() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String base = "/accounts/" + accountId;
        String support = create(ada, base + "/user-groups", "{\"name\": \"Support\"}");
        String servers = create(ada, base + "/device-groups", "{\"name\": \"Servers\"}");
        String globex = create(ada, base + "/companies", "{\"name\": \"Globex\"}");
        String tech = add(ada, accountId, "tech." + UUID.randomUUID() + "@example.com", "STANDARD");
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"userGroups\": [\"" + support + "\"]}")
                .put(base + "/members/" + tech + "/groups").then().statusCode(200);
        String device = create(ada, base + "/devices", "{\"name\": \"db-01\", \"companyId\": \"" + globex + "\", \"deviceGroupId\": \"" + servers + "\"}");

        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"support\"}").post(base + "/user-groups")
                .then().statusCode(409).body("rule", equalTo("CMP-3"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"db-01\", \"companyId\": \"" + UUID.randomUUID() + "\"}")
                .post(base + "/devices").then().statusCode(422).body("rule", equalTo("ACC-6")).body("errors[0].field", equalTo("companyId"));
        given().auth().oauth2(ada).delete(base + "/companies/" + globex).then().statusCode(409).body("rule", equalTo("CMP-4"));

        given().auth().oauth2(ada).delete(base + "/user-groups/" + support).then().statusCode(204);
        given().auth().oauth2(ada).delete(base + "/device-groups/" + servers).then().statusCode(204);

        given().auth().oauth2(ada).get(base + "/members/" + tech).then().body("userGroups", equalTo(List.of()));
        given().auth().oauth2(ada).get(base + "/devices").then().body("find { it.deviceId == '" + device + "' }.deviceGroupId", nullValue());
        given().auth().oauth2(ada).get(base + "/user-groups").then().body("size()", equalTo(0));
    }
}
