package com.example.accounts.session.api;

import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.example.accounts.session.api.AccountStory.as;
import static com.example.accounts.session.api.AccountStory.assertSameAnswer;
import static com.example.accounts.session.api.AccountStory.data;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Contact-center queue logins, decided with the real permission-service: CC-6, CC-7, CC-8. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = {@ResourceArg(name = "service", value = "session-service"),
        @ResourceArg(name = "needs", value = "permission-service,notification-service")})
class QueueLoginApiTest {

    @Inject
    Pool pool;

    private static UUID queue(AccountStory story, String name) {
        UUID queue = UUID.randomUUID();
        story.event("QueueCreated", data().put("queueId", queue.toString()).put("name", name));
        return queue;
    }

    private static void role(AccountStory story, UUID member, String role) {
        story.event("ContactCenterRoleAssigned", data().put("memberId", member.toString()).put("role", role));
    }

    private static void assign(AccountStory story, UUID queue, UUID member, String role) {
        story.event("QueueAssignmentChanged", data().put("queueId", queue.toString()).put("memberId", member.toString()).put("role", role));
    }

    @Test
    void CC6_CC7_CC8_agentsLogInAsTheRulesSayAndWhatTheyMayDoIsFixedUntilTheirNextLogin() {
        AccountStory story = AccountStory.opened("CONTACT_CENTER");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        UUID first = queue(story, "First line");
        UUID second = queue(story, "Second line");
        story.seat(ben, "CONTACT_CENTER").seat(story.ada, "CONTACT_CENTER");
        role(story, story.ada, "SUPERVISOR");
        assign(story, second, story.ada, "SUPERVISOR");
        String path = "/accounts/" + story.account + "/queue-logins/";

        String noAgent = story.publish();
        as(Tokens.DEMO_STANDARD, noAgent).post(path + first).then().statusCode(403).body("rule", equalTo("CC-8"));

        role(story, ben, "AGENT");
        String agent = story.publish();
        as(Tokens.DEMO_STANDARD, agent).post(path + first).then().statusCode(200)
                .body("logins.queueId", contains(first.toString())).body("logins[0].permissions", empty());
        as(Tokens.DEMO_STANDARD, agent).post(path + UUID.randomUUID()).then().statusCode(404);

        // the AGENT role gains a permission and the organization restricts logins: Ben's login stays as it was (CC-7)
        story.event("ContactCenterRolePermissionsChanged", data().put("role", "AGENT").set("permissions",
                AccountStory.data().arrayNode().add("MANAGE_PRERECORDED_MESSAGES")));
        story.event("ContactCenterSettingsChanged", data().put("restrictUnassignedQueueLogin", true));
        String restricted = story.publish();
        as(Tokens.DEMO_STANDARD, restricted).get(path + "me").then().statusCode(200)
                .body("logins.queueId", contains(first.toString())).body("logins[0].permissions", empty());
        as(Tokens.DEMO_STANDARD, restricted).post(path + second).then().statusCode(403).body("rule", equalTo("CC-6"));

        // a supervisor of the queue logs him in for the time being, which assigns nothing (CC-6)
        as(Tokens.DEMO_ADMIN, restricted).post(path + second + "/agents/" + ben).then().statusCode(200).body("logins", hasSize(2));
        as(Tokens.DEMO_STANDARD, restricted).get(path + "me").then().statusCode(200)
                .body("logins.find { it.queueId == '" + second + "' }.byMemberId", equalTo(story.ada.toString()))
                .body("logins.find { it.queueId == '" + second + "' }.permissions", contains("MANAGE_PRERECORDED_MESSAGES"));
        as(Tokens.DEMO_ADMIN, restricted).get(path + ben).then().statusCode(200).body("logins.queueId", contains(second.toString()));
        as(Tokens.DEMO_ADMIN, restricted).delete(path + first + "/agents/" + ben).then().statusCode(403).body("rule", equalTo("CC-7"));
        as(Tokens.DEMO_ADMIN, restricted).delete(path + second + "/agents/" + ben).then().statusCode(200).body("logins", hasSize(1));
        as(Tokens.DEMO_STANDARD, restricted).post(path + second).then().statusCode(403).body("rule", equalTo("CC-6"));

        // at his next login the change reaches him: now restricted to assigned queues, with the new permission
        as(Tokens.DEMO_STANDARD, restricted).delete(path + first).then().statusCode(200).body("logins", empty());
        as(Tokens.DEMO_STANDARD, restricted).delete(path + first).then().statusCode(409).body("rule", equalTo("CC-7"));
        as(Tokens.DEMO_STANDARD, restricted).post(path + first).then().statusCode(403).body("rule", equalTo("CC-6"));
        assign(story, first, ben, "AGENT");
        String assigned = story.publish();
        as(Tokens.DEMO_STANDARD, assigned).post(path + first).then().statusCode(200)
                .body("logins[0].permissions", contains("MANAGE_PRERECORDED_MESSAGES"));
        as(Tokens.DEMO_ADMIN, assigned).post(path + first + "/agents/" + UUID.randomUUID()).then().statusCode(403).body("rule", equalTo("CC-6"));
        as(Tokens.DEMO_ADMIN, assigned).post(path + second + "/agents/" + UUID.randomUUID()).then().statusCode(422).body("rule", equalTo("CC-8"));
    }

    @Test
    void ACC6_aMemberOfAnotherAccountIsAnsweredAsAMadeUpIdIs() {
        // Ben is an agent logged into a queue of another account
        AccountStory theirs = AccountStory.opened("CONTACT_CENTER");
        UUID benThere = theirs.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        UUID theirLine = queue(theirs, "Their line");
        theirs.seat(benThere, "CONTACT_CENTER");
        role(theirs, benThere, "AGENT");
        String there = theirs.publish();
        as(Tokens.DEMO_STANDARD, there).post("/accounts/" + theirs.account + "/queue-logins/" + theirLine).then().statusCode(200);

        // here Ben is a plain member, Ada supervises a queue
        AccountStory mine = AccountStory.opened("CONTACT_CENTER");
        mine.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        UUID line = queue(mine, "First line");
        mine.seat(mine.ada, "CONTACT_CENTER");
        role(mine, mine.ada, "SUPERVISOR");
        assign(mine, line, mine.ada, "SUPERVISOR");
        String here = mine.publish();
        String path = "/accounts/" + mine.account + "/queue-logins/";
        UUID madeUp = UUID.randomUUID();

        // a member who supervises nothing is refused for that, whoever they ask about
        Response real = as(Tokens.DEMO_STANDARD, here).get(path + benThere);
        Response none = as(Tokens.DEMO_STANDARD, here).get(path + madeUp);
        assertEquals(403, real.statusCode(), real.asString());
        assertEquals(none.statusCode() + " " + none.asString(), real.statusCode() + " " + real.asString());
        // a supervisor learns of no logins, and no one logs out who is not logged in here
        assertSameAnswer(as(Tokens.DEMO_ADMIN, here).get(path + benThere), benThere, as(Tokens.DEMO_ADMIN, here).get(path + madeUp), madeUp, 200);
        assertSameAnswer(as(Tokens.DEMO_ADMIN, here).delete(path + line + "/agents/" + benThere), benThere,
                as(Tokens.DEMO_ADMIN, here).delete(path + line + "/agents/" + madeUp), madeUp, 409);
        as(Tokens.DEMO_STANDARD, there).get("/accounts/" + theirs.account + "/queue-logins/me").then().statusCode(200)
                .body("logins.queueId", contains(theirLine.toString()));
    }

    @Test
    void USR6_aMemberDeletedFromTheAccountIsLoggedOutOfEveryQueue() {
        AccountStory story = AccountStory.opened("CONTACT_CENTER");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        UUID line = queue(story, "First line");
        story.seat(ben, "CONTACT_CENTER").seat(story.ada, "CONTACT_CENTER");
        role(story, ben, "AGENT");
        role(story, story.ada, "SUPERVISOR");
        assign(story, line, story.ada, "SUPERVISOR");
        String consistency = story.publish();
        String path = "/accounts/" + story.account + "/queue-logins/";
        as(Tokens.DEMO_STANDARD, consistency).post(path + line).then().statusCode(200).body("logins", hasSize(1));

        String deleted = story.event("UserDeleted", data().put("memberId", ben.toString()).put("loginId", AccountStory.loginOf(Tokens.DEMO_STANDARD))
                .put("email", "ben@acme.example")).publish();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> as(Tokens.DEMO_ADMIN, deleted).get(path + ben).then().statusCode(200).extract().jsonPath().getList("logins").isEmpty());
    }

    /** The reasons of the log-outs on an agent's queue-logins stream, in order: what was appended, as published. */
    private List<String> logOutReasons(UUID agent) {
        List<String> reasons = new ArrayList<>();
        pool.preparedQuery("SELECT data->>'reason' FROM events WHERE stream_id = $1 AND type = 'AgentLoggedOutOfQueue' ORDER BY version")
                .execute(Tuple.of("queue-logins-" + agent)).await().indefinitely().forEach(row -> reasons.add(row.getString(0)));
        return reasons;
    }

    private static void awaitNoLogins(String consistency, String path, UUID agent) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(Tokens.DEMO_ADMIN, consistency).get(path + agent).then().statusCode(200).extract().jsonPath().getList("logins").isEmpty());
    }

    @Test
    void CC8_SEAT3_SEAT5_SEAT6_queueLoginsEndWithTheAgentRoleTheLicenceTheModuleOrADemotionToObserver() {
        AccountStory story = AccountStory.opened("CONTACT_CENTER");
        UUID line = queue(story, "First line");
        story.seat(story.ada, "CONTACT_CENTER");
        role(story, story.ada, "SUPERVISOR");
        assign(story, line, story.ada, "SUPERVISOR");
        UUID revoked = story.member("STANDARD", null, "Cy");
        UUID unlicensed = story.member("STANDARD", null, "Di");
        UUID observer = story.member("STANDARD", null, "Ed");
        UUID last = story.member("STANDARD", null, "Flo");
        for (UUID agent : List.of(revoked, unlicensed, observer, last)) {
            story.seat(agent, "CONTACT_CENTER");
            role(story, agent, "AGENT");
            assign(story, line, agent, "AGENT");
        }
        String consistency = story.publish();
        String path = "/accounts/" + story.account + "/queue-logins/";
        for (UUID agent : List.of(revoked, unlicensed, observer, last)) {
            as(Tokens.DEMO_ADMIN, consistency).post(path + line + "/agents/" + agent).then().statusCode(200).body("logins", hasSize(1));
        }

        // the admin takes AGENT from Cy (CC-8), Di's licence is released (SEAT-3), Ed is made an observer (SEAT-6)
        assign(story, line, revoked, null);
        story.event("ContactCenterRoleRevoked", data().put("memberId", revoked.toString()).put("role", "AGENT"));
        story.event("SeatReleased", data().put("memberId", unlicensed.toString()).put("module", "CONTACT_CENTER"));
        story.event("RoleChanged", data().put("memberId", observer.toString()).put("from", "STANDARD").put("to", "MONITORING_OBSERVER"));
        String changed = story.publish();
        awaitNoLogins(changed, path, revoked);
        awaitNoLogins(changed, path, unlicensed);
        awaitNoLogins(changed, path, observer);
        org.junit.jupiter.api.Assertions.assertEquals(List.of("AGENT_ROLE_REVOKED"), logOutReasons(revoked));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("LICENCE_RELEASED"), logOutReasons(unlicensed));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("MADE_OBSERVER"), logOutReasons(observer));
        as(Tokens.DEMO_ADMIN, changed).get(path + last).then().statusCode(200).body("logins.queueId", contains(line.toString()));

        // the plan drops CONTACT_CENTER (SEAT-5): nobody stays logged into its queues
        var plan = data();
        plan.putObject("plan").putArray("modules").add("MONITORING");
        ((com.fasterxml.jackson.databind.node.ObjectNode) plan.get("plan")).putArray("seats");
        story.event("PlanChanged", plan);
        story.publish();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> !logOutReasons(last).isEmpty());
        org.junit.jupiter.api.Assertions.assertEquals(List.of("MODULE_REMOVED"), logOutReasons(last));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("AGENT_ROLE_REVOKED"), logOutReasons(revoked), "a stream already ended takes nothing more");
    }
}
