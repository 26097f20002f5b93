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
import static org.hamcrest.Matchers.notNullValue;

/** Companies, company access and support features over HTTP with real tokens. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class CompanyApiTest {

    private static String addCompany(String token, String accountId, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}")
                .post("/accounts/" + accountId + "/companies").then().statusCode(201)
                .header("Consistency-Token", notNullValue()).extract().path("companyId");
    }

    @Test
    void CMP1_CMP2_companiesComeAndGoAndTakeTheirPlaceInAccessListsWithThem() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String globex = addCompany(ada, accountId, "Globex");
        String initech = addCompany(ada, accountId, "Initech");
        String ben = add(ada, accountId, "ben." + UUID.randomUUID() + "@example.com", "STANDARD");

        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"globex\"}")
                .post("/accounts/" + accountId + "/companies")
                .then().statusCode(409).contentType("application/problem+json").body("rule", equalTo("CMP-1"))
                .body("errors[0].field", equalTo("name"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"all\": false, \"companies\": [\"" + globex + "\"]}")
                .put("/accounts/" + accountId + "/members/" + ben + "/company-access")
                .then().statusCode(200).body("companyAccess.all", equalTo(false)).body("companyAccess.companies", contains(globex));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"Globex Corp\"}")
                .put("/accounts/" + accountId + "/companies/" + globex).then().statusCode(200).body("name", equalTo("Globex Corp"));

        given().auth().oauth2(ada).delete("/accounts/" + accountId + "/companies/" + globex).then().statusCode(204);

        given().auth().oauth2(ada).get("/accounts/" + accountId + "/members/" + ben).then().statusCode(200)
                .body("companyAccess.all", equalTo(false)).body("companyAccess.companies.size()", equalTo(0));
        given().auth().oauth2(ada).get("/accounts/" + accountId + "/companies").then().statusCode(200)
                .body("name", equalTo(List.of("Initech"))).body("companyId", contains(initech));
        given().auth().oauth2(ada).delete("/accounts/" + accountId + "/companies/" + globex).then().statusCode(404);
    }

    @Test
    void ACC6_aCompanyOfAnotherAccountIsRefusedByNameOfFieldAndChangesNothing() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String elsewhere = addCompany(ada, openAccount(ada, 1), "Elsewhere");
        String ben = add(ada, accountId, "ben." + UUID.randomUUID() + "@example.com", "STANDARD");
        String etag = given().auth().oauth2(ada).get("/accounts/" + accountId).header("ETag");

        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"all\": false, \"companies\": [\"" + elsewhere + "\"]}")
                .put("/accounts/" + accountId + "/members/" + ben + "/company-access")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("ACC-6"))
                .body("errors[0].field", equalTo("companyAccess.companies"));
        given().auth().oauth2(ada).delete("/accounts/" + accountId + "/companies/" + elsewhere).then().statusCode(404);
        given().auth().oauth2(ada).get("/accounts/" + accountId).then().header("ETag", etag);
    }

    @Test
    void USR3_FEAT1_featuresAreGivenToStandardMembersAndNeverEditedForAdmins() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String ben = add(ada, accountId, "ben." + UUID.randomUUID() + "@example.com", "STANDARD");
        String lia = add(ada, accountId, "lia." + UUID.randomUUID() + "@example.com", "LIMITED_ADMIN");

        given().auth().oauth2(ada).get("/accounts/" + accountId + "/members/" + ben).then().body("supportFeatures.size()", equalTo(0));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"supportFeatures\": [\"REMOTE_CONTROL\", \"FILE_TRANSFER\"]}")
                .put("/accounts/" + accountId + "/members/" + ben + "/support-features")
                .then().statusCode(200).body("supportFeatures", contains("FILE_TRANSFER", "REMOTE_CONTROL"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"supportFeatures\": []}")
                .put("/accounts/" + accountId + "/members/" + lia + "/support-features")
                .then().statusCode(422).body("rule", equalTo("USR-3")).body("errors[0].field", equalTo("supportFeatures"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"supportFeatures\": [\"TELEPORT\"]}")
                .put("/accounts/" + accountId + "/members/" + ben + "/support-features")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ada).get("/accounts/" + accountId + "/members/" + lia).then()
                .body("supportFeatures", contains("UNATTENDED_ACCESS", "FILE_TRANSFER", "REMOTE_CONTROL")).body("companyAccess.all", equalTo(true));
    }
}
