package com.example.accounts.account.api;

import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;

/** What the account API tests share: real tokens, an account to work in, members, and requests fired at once. */
final class ApiFixture {

    private ApiFixture() {
    }

    static String token(String user) {
        return Tokens.password(TestPlatform.get().keycloak().realmUrl(), user, Tokens.DEMO_PASSWORD);
    }

    /** Ada opens an account with REMOTE_SUPPORT seats and answers its id. */
    static String openAccount(String ada, int remoteSupportSeats) {
        return given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("""
                        {"name": "Acme", "plan": {"modules": ["REMOTE_SUPPORT"], "seats": [{"module": "REMOTE_SUPPORT", "seats": %d}]},
                         "admin": {"name": "Ada", "email": "ada@demo.example"}}""".formatted(remoteSupportSeats))
                .post("/accounts").then().statusCode(201).extract().path("accountId");
    }

    static String add(String ada, String accountId, String email, String role) {
        return given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"name\": \"Someone\", \"email\": \"" + email + "\", \"role\": \"" + role + "\"}")
                .post("/accounts/" + accountId + "/members").then().statusCode(201).extract().path("memberId");
    }

    static String adaMember(String ada, String accountId) {
        return given().auth().oauth2(ada).get("/accounts/" + accountId).then().extract().path("billingContactMemberId");
    }

    /** Fires the calls at once (released together by a latch) and returns their answers. */
    static List<Response> atOnce(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (Callable<Response> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();
        return responses;
    }
}
