package com.example.accounts.session.api;

import com.example.accounts.launcher.NonMemberOracle;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.example.accounts.session.api.AccountStory.as;
import static com.example.accounts.session.api.AccountStory.data;

/** ACC-6 over every operation of the published API: an outsider tells no real account, session or member from a made-up one. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = {@ResourceArg(name = "service", value = "session-service"),
        @ResourceArg(name = "needs", value = "permission-service,notification-service")})
class NonMemberOracleTest {

    @Test
    void ACC6_aNonMemberGetsTheSameAnswerForRealAndMadeUpIdsOnEveryOperation() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT", "TRAINING", "CONTACT_CENTER");
        UUID member = story.member("STANDARD", "oracle-" + UUID.randomUUID(), "Olive");
        UUID company = story.company("North");
        UUID device = story.device(company);
        UUID policy = story.policy("Vendor", true, "VIEW_SCREEN");
        UUID queue = UUID.randomUUID();
        story.event("QueueCreated", data().put("queueId", queue.toString()).put("name", "Sales"));
        String reached = story.seat(story.ada, "REMOTE_SUPPORT").publish();
        String support = as(Tokens.DEMO_ADMIN, reached).body(Map.of("clientVersion", "2.4.0")).post("/accounts/" + story.account + "/support-sessions")
                .then().statusCode(201).extract().path("sessionId");
        String training = as(Tokens.DEMO_ADMIN, reached).body(Map.of("coOrganizerMemberIds", List.of()))
                .post("/accounts/" + story.account + "/training-sessions")
                .then().statusCode(201).extract().path("sessionId");
        // Ben is the outsider: an admin of an account of his own, and of no other here
        AccountStory his = AccountStory.opened("REMOTE_SUPPORT", "TRAINING", "CONTACT_CENTER");
        his.member("ADMIN", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String hisToken = his.publish();
        as(Tokens.DEMO_STANDARD, hisToken).get("/accounts/" + his.account + "/queue-logins/me").then().statusCode(200);

        NonMemberOracle.of(ConfigProvider.getConfig().getValue("test.url", String.class), AccountStory.token(Tokens.DEMO_STANDARD))
                .id("accountId", story.account).id("sessionId", support).idUnder("/training-sessions/", "sessionId", training)
                .id("memberId", member).id("agentMemberId", member).id("toMemberId", member).id("queueId", queue)
                .id("companyId", company).id("deviceId", device).id("policyId", policy)
                // objects a session has only once guests took part: the account and session are real, these ids are not
                .id("inviteId", UUID.randomUUID()).id("externalTechnicianId", UUID.randomUUID()).id("participantId", UUID.randomUUID())
                .ownAccount("accountId", his.account)
                .value("clientVersion", "2.4.0").value("toClientVersion", "2.4.0").value("email", "oracle@example.com")
                .consistencyToken(reached)
                .notProbed("POST /guest/support-sessions/join", "a customer's join by code: no account id (the guests' codes are their own work)")
                .notProbed("GET /guest/support-sessions/join", "the customers' landing page: no account id")
                .notProbed("GET /guest/invites/{token}", "an external technician's invite, by its token: no account id")
                .notProbed("POST /guest/invites/{token}", "an external technician's redeeming of an invite: no account id")
                .notProbed("POST /guest/support-sessions/actions", "a guest's action, by guest key: no account id")
                .notProbed("GET /guest/training-sessions/join", "the participants' landing page: no account id")
                .notProbed("POST /guest/training-sessions/join", "a participant's join by code: no account id")
                .notProbed("GET /guest/training-sessions/me", "a participant, by guest key: no account id")
                .notProbed("POST /guest/training-sessions/presenter", "a participant's act, by guest key: no account id")
                .notProbed("POST /guest/training-sessions/keyboard", "a participant's act, by guest key: no account id")
                .notProbed("DELETE /guest/training-sessions/keyboard", "a participant's act, by guest key: no account id")
                .probe().assertNone();
    }
}
