package com.example.accounts.account.api;

import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.example.accounts.account.api.ApiFixture.adaMember;
import static com.example.accounts.account.api.ApiFixture.add;
import static com.example.accounts.account.api.ApiFixture.openAccount;
import static com.example.accounts.account.api.ApiFixture.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The member list: pages by cursor, filters, and who may read it (USR-10, USR-11). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class MemberListApiTest {

    @Test
    void USR10_theListComesInPagesByEmailWithoutGapsOrRepeats() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 2);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 6; i >= 0; i--) {
            add(ada, accountId, "m" + i + "." + run + "@example.com", "STANDARD");
        }
        List<String> expected = new ArrayList<>(List.of("ada@demo.example"));
        for (int i = 0; i < 7; i++) {
            expected.add("m" + i + "." + run + "@example.com");
        }
        expected.sort(String::compareTo);

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(ada).queryParam("limit", 3);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/accounts/" + accountId + "/members").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.email"));
            after = page.getString("next");
            pages++;
        } while (after != null);

        assertEquals(expected, seen);
        assertEquals(3, pages);
    }

    @Test
    void USR10_filtersByRoleSeatAndTheCompaniesAMemberReaches() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 2);
        String globex = given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"Globex\"}")
                .post("/accounts/" + accountId + "/companies").then().statusCode(201).extract().path("companyId");
        String tech = add(ada, accountId, "tech." + UUID.randomUUID() + "@example.com", "STANDARD");
        add(ada, accountId, "other." + UUID.randomUUID() + "@example.com", "STANDARD");
        add(ada, accountId, "lia." + UUID.randomUUID() + "@example.com", "LIMITED_ADMIN");
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"all\": false, \"companies\": [\"" + globex + "\"]}")
                .put("/accounts/" + accountId + "/members/" + tech + "/company-access").then().statusCode(200);
        given().auth().oauth2(ada).put("/accounts/" + accountId + "/members/" + tech + "/seats/REMOTE_SUPPORT").then().statusCode(200);
        String members = "/accounts/" + accountId + "/members";

        given().auth().oauth2(ada).queryParam("role", "STANDARD").get(members).then().body("items.size()", equalTo(2));
        given().auth().oauth2(ada).queryParam("seat", "REMOTE_SUPPORT").get(members).then().body("items.memberId", equalTo(List.of(tech)));
        // Admins reach every company (USR-3); of the standard members only the one given Globex does.
        given().auth().oauth2(ada).queryParam("company", globex).get(members).then().body("items.size()", equalTo(3))
                .body("items.find { it.role == 'STANDARD' }.memberId", equalTo(tech));
        given().auth().oauth2(ada).queryParam("role", "OWNER").get(members).then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(ada).queryParam("company", "globex").get(members).then().statusCode(400).body("errors[0].field", equalTo("company"));
    }

    @Test
    void USR11_SEC2_observersSeeOnlyTheirCompaniesAndBadPagingIsNamed() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String olga = add(ada, accountId, Tokens.DEMO_STANDARD, "MONITORING_OBSERVER");
        String members = "/accounts/" + accountId + "/members";
        String globex = given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"Globex\"}")
                .post("/accounts/" + accountId + "/companies").then().statusCode(201).extract().path("companyId");
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"Initech\"}")
                .post("/accounts/" + accountId + "/companies").then().statusCode(201);
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"all\": false, \"companies\": [\"" + globex + "\"]}")
                .put(members + "/" + olga + "/company-access").then().statusCode(200);
        String observer = token(Tokens.DEMO_STANDARD);

        given().auth().oauth2(observer).get(members).then().statusCode(403).body("rule", equalTo("USR-11"));
        for (String other : List.of("", "/devices", "/user-groups", "/security-policies", "/contact-center", "/members/" + adaMember(ada, accountId))) {
            given().auth().oauth2(observer).get("/accounts/" + accountId + other).then().statusCode(403).body("rule", equalTo("USR-11"));
        }
        given().auth().oauth2(observer).get(members + "/me").then().statusCode(200).body("role", equalTo("MONITORING_OBSERVER"));
        given().auth().oauth2(observer).get("/accounts/" + accountId + "/companies").then().statusCode(200)
                .body("name", equalTo(List.of("Globex")));
        given().auth().oauth2(ada).queryParam("limit", 0).get(members).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(ada).queryParam("after", "not-a-cursor!").get(members).then().statusCode(400).body("errors[0].field", equalTo("after"));
    }
}
