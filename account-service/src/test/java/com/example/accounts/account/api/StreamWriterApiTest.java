package com.example.accounts.account.api;

import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static com.example.accounts.account.api.ApiFixture.atOnce;
import static com.example.accounts.account.api.ApiFixture.openAccount;
import static com.example.accounts.account.api.ApiFixture.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * EVT-1 with one writer per account: concurrent commands on one account are queued and appended one after another
 * (several in one transaction), so a client that sent no If-Match never meets a race it did not cause, and one that
 * did still loses to the edit that came first.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "account-service"))
class StreamWriterApiTest {

    private static long version(Response response) {
        return Long.parseLong(response.header("ETag").replace("\"", ""));
    }

    @Test
    void EVT1_eightClientsOnOneAccountWithoutIfMatchNeverSee409() throws Exception {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        long before = version(given().auth().oauth2(ada).get("/accounts/" + accountId));

        List<Response> answers = atOnce(IntStream.range(0, 16).<Callable<Response>>mapToObj(i -> () -> given().auth().oauth2(ada)
                .contentType(ContentType.JSON).body("{\"name\": \"Company " + i + "\"}").post("/accounts/" + accountId + "/companies")).toList());

        answers.forEach(answer -> answer.then().statusCode(201));
        assertEquals(LongStream.rangeClosed(before + 1, before + 16).boxed().toList(), answers.stream().map(StreamWriterApiTest::version).sorted().toList(),
                "each its own version, none skipped");
        given().auth().oauth2(ada).get("/accounts/" + accountId).then().header("ETag", "\"" + (before + 16) + "\"");
        given().auth().oauth2(ada).get("/accounts/" + accountId + "/companies").then().body("size()", equalTo(16));
    }

    @Test
    void EVT1_editsRacingOnOneIfMatchHaveExactlyOneWinnerAndTheOthersGet412() throws Exception {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        String companyId = given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"name\": \"Initech\"}")
                .post("/accounts/" + accountId + "/companies").then().statusCode(201).extract().path("companyId");
        String etag = given().auth().oauth2(ada).get("/accounts/" + accountId).header("ETag");

        List<Response> answers = atOnce(IntStream.range(0, 8).<Callable<Response>>mapToObj(i -> () -> given().auth().oauth2(ada)
                .header("If-Match", etag).contentType(ContentType.JSON).body("{\"name\": \"Initech " + i + "\"}")
                .put("/accounts/" + accountId + "/companies/" + companyId)).toList());

        assertEquals(1, answers.stream().filter(answer -> answer.statusCode() == 200).count(), answers.stream().map(Response::statusCode).toList().toString());
        answers.stream().filter(answer -> answer.statusCode() != 200).forEach(answer -> answer.then().statusCode(412)
                .contentType("application/problem+json").body("rule", equalTo("EVT-1")).body("errors[0].field", equalTo("If-Match")));
        given().auth().oauth2(ada).get("/accounts/" + accountId).then().header("ETag", "\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\"");
    }

    /**
     * SEC-3 under group commit: two requests with one Idempotency-Key and different bodies, queued behind other
     * commands of the account, may land in one group, whose transaction then fails on the key's second record; run
     * again one by one, the first records its answer with its events and the second finds the key taken. (Here the
     * answer is written in the command's transaction; session-service's claims are the case that failed before.)
     */
    @Test
    void SEC3_aKeyRecordedInAGroupThatRolledBackIsRecordedAgainSoItsOtherRequestCreatesNothing() throws Exception {
        String ada = token(Tokens.DEMO_ADMIN);
        String accountId = openAccount(ada, 1);
        List<String> created = new ArrayList<>();
        for (int trial = 0; trial < 3; trial++) {
            String key = UUID.randomUUID().toString();
            int round = trial;
            List<Callable<Response>> calls = new ArrayList<>(IntStream.range(0, 6).<Callable<Response>>mapToObj(i -> () -> given().auth().oauth2(ada)
                    .contentType(ContentType.JSON).body("{\"name\": \"Busy " + round + "-" + i + "\"}").post("/accounts/" + accountId + "/companies"))
                    .toList());
            for (String name : List.of("North " + round, "South " + round)) {
                calls.add(() -> given().auth().oauth2(ada).header("Idempotency-Key", key).contentType(ContentType.JSON)
                        .body("{\"name\": \"" + name + "\"}").post("/accounts/" + accountId + "/companies"));
            }
            List<Response> answers = atOnce(calls);
            List<Response> keyed = answers.subList(6, 8);
            assertEquals(1, keyed.stream().filter(answer -> answer.statusCode() == 201).count(),
                    "trial " + trial + ": one key, one creation: " + keyed.stream().map(Response::asString).toList());
            keyed.stream().filter(answer -> answer.statusCode() == 201).forEach(answer -> created.add(answer.path("companyId")));
        }
        List<String> names = given().auth().oauth2(ada).get("/accounts/" + accountId + "/companies").then().extract().path("name");
        assertEquals(3, names.stream().filter(name -> name.startsWith("North") || name.startsWith("South")).count(), names.toString());
        assertEquals(3, created.size());
    }
}
