package com.example.accounts.session.api;

import com.example.accounts.eventstore.AccountHistory;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An account's history told as the account-service would publish it, to the real Kafka, for the real
 * permission-service to project: Ada (the demo admin's login) opened it and is its ADMIN. Each test tells its own.
 */
public final class AccountStory extends AccountHistory {

    private AccountStory(String... modules) {
        super(loginOf(Tokens.DEMO_ADMIN), Tokens.DEMO_ADMIN, modules);
    }

    /** Opened with these modules, 10 seats of each seat-bearing one; Ada holds none yet. */
    public static AccountStory opened(String... modules) {
        return new AccountStory(modules);
    }

    static String token(String user) {
        return TestPlatform.token(user);
    }

    static String loginOf(String user) {
        return Tokens.subject(token(user));
    }

    public static RequestSpecification as(String user, String consistency) {
        return given().auth().oauth2(token(user)).header("Consistency-Token", consistency).contentType("application/json");
    }

    /**
     * ACC-6: the same status and body for an id of another account as for a made-up one, but for the id each request
     * named, which an answer may repeat.
     */
    static void assertSameAnswer(Response real, UUID realId, Response madeUp, UUID madeUpId, int status) {
        assertEquals(status, real.statusCode(), real.asString());
        assertEquals(madeUp.statusCode() + " " + madeUp.asString().replace(madeUpId.toString(), "<id>"),
                real.statusCode() + " " + real.asString().replace(realId.toString(), "<id>"));
    }

    /** How many events a session's stream has: a refused command appends none (SEC-2). */
    static long eventsOf(Pool pool, String sessionPath) {
        String stream = "session-" + sessionPath.substring(sessionPath.lastIndexOf('/') + 1);
        return pool.preparedQuery("SELECT count(*) FROM events WHERE stream_id = $1").execute(Tuple.of(stream))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
