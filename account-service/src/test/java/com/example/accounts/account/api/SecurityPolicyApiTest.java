package com.example.accounts.account.api;

import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static com.example.accounts.account.api.ApiFixture.add;
import static com.example.accounts.account.api.ApiFixture.openAccount;
import static com.example.accounts.account.api.ApiFixture.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** INV-6 over HTTP with real tokens. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class SecurityPolicyApiTest {

    @Test
    void INV6_aFullAdminDefinesEditsAndDisablesPoliciesAndBadInputIsNamed() {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        add(ada, accountId, Tokens.DEMO_STANDARD, "STANDARD");
        String policies = "/accounts/" + accountId + "/security-policies";

        String policy = given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"View only\", \"description\": \"For vendors\", \"permissions\": [\"CHAT\", \"VIEW_SCREEN\"]}")
                .post(policies).then().statusCode(201).body("enabled", equalTo(true))
                .body("permissions", contains("VIEW_SCREEN", "CHAT")).extract().path("policyId");
        given().auth().oauth2(token(Tokens.DEMO_STANDARD)).contentType(ContentType.JSON)
                .body("{\"name\": \"Mine\", \"description\": \"\", \"permissions\": []}").post(policies)
                .then().statusCode(403).body("rule", equalTo("INV-6"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"view ONLY\", \"description\": \"\", \"permissions\": []}")
                .post(policies).then().statusCode(409).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"X\", \"description\": \"\", \"permissions\": [\"SELF_DESTRUCT\"]}")
                .post(policies).then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"View only\", \"description\": \"For vendors\", \"permissions\": [\"VIEW_SCREEN\", \"FILE_TRANSFER\"]}")
                .put(policies + "/" + policy).then().statusCode(200).body("permissions", contains("VIEW_SCREEN", "FILE_TRANSFER"));
        given().auth().oauth2(ada).post(policies + "/" + policy + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        given().auth().oauth2(ada).get(policies).then().body("find { it.policyId == '" + policy + "' }.enabled", equalTo(false));
    }
}
