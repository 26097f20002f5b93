package com.example.accounts.permission.api;

import com.example.accounts.contract.EventJson;
import com.example.accounts.eventstore.AccountHistory;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.restassured.specification.RequestSpecification;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** An account's history published to the real Kafka for the permission-service, with Ada as the demo admin's login. */
final class Story extends AccountHistory {

    static final PublishedEvents KAFKA = PublishedEvents.onTestPlatform();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Story(String... modules) {
        super(loginOf(Tokens.DEMO_ADMIN), Tokens.DEMO_ADMIN, modules);
    }

    /** Opened with these modules in the plan, 10 seats of each seat-bearing one. */
    static Story opened(String... modules) {
        return new Story(modules);
    }

    /** Tokens are valid for minutes: one per user and test JVM. */
    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> Tokens.password(TestPlatform.get().keycloak().realmUrl(), u, Tokens.DEMO_PASSWORD));
    }

    static String loginOf(String user) {
        String payload = new String(Base64.getUrlDecoder().decode(token(user).split("\\.")[1]));
        try {
            return EventJson.MAPPER.readTree(payload).get("sub").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user));
    }
}
