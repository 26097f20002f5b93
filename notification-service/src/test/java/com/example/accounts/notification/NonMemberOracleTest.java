package com.example.accounts.notification;

import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.launcher.NonMemberOracle;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** ACC-6 over every operation of the published API: an outsider tells no real account from a made-up one. */
@QuarkusTest
@WithTestResource(NotificationPlatform.class)
class NonMemberOracleTest {

    @Test
    void ACC6_aNonMemberGetsTheSameAnswerForRealAndMadeUpIdsOnEveryOperation() {
        String ada = TestPlatform.token(Tokens.DEMO_ADMIN);
        String ben = TestPlatform.token(Tokens.DEMO_STANDARD);
        Story story = Story.opened();
        story.memberWithLogin(Role.ADMIN, "Dora", Tokens.subject(ada));
        String reached = story.publish();
        // Ben is the outsider: an admin of an account of his own, and of no other here
        Story his = Story.opened();
        his.memberWithLogin(Role.ADMIN, "Ben", Tokens.subject(ben));
        his.publish();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(ada).get("/accounts/" + story.account + "/deliveries").statusCode() == 200
                && given().auth().oauth2(ben).get("/accounts/" + his.account + "/deliveries").statusCode() == 200);

        NonMemberOracle.of(ConfigProvider.getConfig().getValue("test.url", String.class), ben)
                .id("accountId", story.account)
                .consistencyToken(reached)
                .notProbed("GET /status", "the operators' view of the topic positions: no account in it")
                .probe().assertNone();
    }
}
