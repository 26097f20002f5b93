package com.example.accounts.account.api;

import com.example.accounts.launcher.OperationIds;
import com.example.accounts.launcher.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published OpenAPI document describes every endpoint: a summary, its success and its errors as problem+json, an
 * operation id of its own, how to authenticate.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryASuccessAndItsErrors() {
        // the API docs need no token (front-end developers read them through the gateway); the operations do
        JsonPath document = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(operation.getKey())) {
                    continue;
                }
                operations++;
                Map<String, Object> described = (Map<String, Object>) operation.getValue();
                Map<String, Object> responses = (Map<String, Object>) described.getOrDefault("responses", Map.of());
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                if (described.get("summary") == null) {
                    undocumented.add(where + ": no summary");
                }
                if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                    undocumented.add(where + ": no success answer");
                }
                for (String error : List.of("400", "401", "404")) {
                    // opening an account names no resource that could be missing
                    if (!responses.containsKey(error) && !(error.equals("404") && path.getKey().equals("/accounts"))) {
                        undocumented.add(where + ": no " + error);
                    }
                }
                if (!operation.getKey().equals("get") && !responses.containsKey("403") && !path.getKey().equals("/accounts")) {
                    undocumented.add(where + ": no 403");
                }
            }
        }
        assertTrue(operations >= 40, "only " + operations + " operations documented");
        assertEquals(List.of(), undocumented);
    }

    @Test
    void everyOperationHasAnIdOfItsOwnAndTheSecuritySchemes() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        // addCompany, getAccount...: a generated client names its methods by them
        assertEquals(List.of(), OperationIds.findings(document));
        JsonPath parsed = JsonPath.from(document);
        assertEquals("bearer", parsed.getString("components.securitySchemes.bearer.scheme"));
        assertEquals("oauth2", parsed.getString("components.securitySchemes.keycloak.type"));
        assertEquals("#/components/schemas/Problem",
                parsed.getString("paths.'/accounts/{accountId}'.get.responses.'404'.content.'application/problem+json'.schema.$ref"));
        assertEquals(List.of(Map.of("bearer", List.of()), Map.of("keycloak", List.of("openid"))),
                parsed.getList("paths.'/accounts/{accountId}'.get.security"));
    }
}
