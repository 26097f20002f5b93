package com.example.accounts.permission.api;

import com.example.accounts.eventstore.AccountHistory;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** An account's history published to the real Kafka for the permission-service, with Ada as the demo admin's login. */
final class Story extends AccountHistory {

    static final PublishedEvents KAFKA = PublishedEvents.onTestPlatform();

    private Story(String... modules) {
        super(loginOf(Tokens.DEMO_ADMIN), Tokens.DEMO_ADMIN, modules);
    }

    /** Opened with these modules in the plan, 10 seats of each seat-bearing one. */
    static Story opened(String... modules) {
        return new Story(modules);
    }

    static String token(String user) {
        return TestPlatform.token(user);
    }

    static String loginOf(String user) {
        return Tokens.subject(token(user));
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user));
    }
}
