package com.example.accounts.permission.api;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Checks against the read model, fed through the real Kafka with exactly the events each case needs. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "permission-service"))
class CheckApiTest {

    private final PublishedEvents kafka = PublishedEvents.onTestPlatform();

    private record Account(UUID id, EventEnvelope opened, EventEnvelope adminAdded) {
    }

    private static String token(String user) {
        return Tokens.password(TestPlatform.get().keycloak().realmUrl(), user, Tokens.DEMO_PASSWORD);
    }

    private static String loginOf(String user) {
        String payload = new String(Base64.getUrlDecoder().decode(token(user).split("\\.")[1]));
        try {
            return EventJson.MAPPER.readTree(payload).get("sub").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An account Ada opened: she is its ADMIN and billing contact. */
    private static Account account() {
        UUID id = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String login = loginOf(Tokens.DEMO_ADMIN);
        return new Account(id, PublishedEvents.accountOpened(id, "Acme", admin, login),
                PublishedEvents.userAdded(id, 2, login, admin, login, "Ada", Tokens.DEMO_ADMIN, "ADMIN", false));
    }

    @Test
    void PRM2_PRM4_theAdminMayManageMembersAStandardMemberMayNot() {
        Account account = account();
        UUID benMember = UUID.randomUUID();
        EventEnvelope benAdded = PublishedEvents.userAdded(account.id(), 3, "ada", benMember, loginOf(Tokens.DEMO_STANDARD), "Ben",
                Tokens.DEMO_STANDARD, "STANDARD", false);
        kafka.publish(account.opened(), account.adminAdded(), benAdded);
        String consistency = benAdded.token(Topics.ACCOUNT_EVENTS).toString();

        given().auth().oauth2(token(Tokens.DEMO_ADMIN)).header("Consistency-Token", consistency)
                .queryParam("permission", "members.manage")
                .get("/accounts/" + account.id() + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true)).body("reasons[0]", containsString("role ADMIN"));
        given().auth().oauth2(token(Tokens.DEMO_ADMIN)).queryParam("consistency", consistency)
                .queryParam("permission", "members.manage").queryParam("member", benMember.toString())
                .get("/accounts/" + account.id() + "/checks")
                .then().statusCode(200).body("allowed", equalTo(false)).body("missing", hasItem("role ADMIN"));
        given().auth().oauth2(token(Tokens.DEMO_STANDARD)).queryParam("consistency", consistency)
                .queryParam("permission", "members.manage").queryParam("member", "me")
                .get("/accounts/" + account.id() + "/checks")
                .then().statusCode(200).body("allowed", equalTo(false)).body("memberId", equalTo(benMember.toString()));
    }

    @Test
    void SEAT3_SEAT5_FEAT1_moduleAndFeatureChecksFollowThePlanTheSeatsAndTheFeaturesProjected() {
        Account account = account();
        UUID admin = UUID.fromString(account.opened().data().get("billingContactMemberId").asText());
        var changed = EventJson.MAPPER.createObjectNode();
        var plan = changed.putObject("plan");
        plan.putArray("modules").add("REMOTE_SUPPORT").add("TRAINING");
        plan.putArray("seats").addObject().put("module", "REMOTE_SUPPORT").put("seats", 2);
        EventEnvelope planChanged = PublishedEvents.event(account.id(), 3, "PlanChanged", "ada", changed);
        EventEnvelope seat = PublishedEvents.event(account.id(), 4, "SeatProvisioned", "ada",
                EventJson.MAPPER.createObjectNode().put("memberId", admin.toString()).put("module", "REMOTE_SUPPORT"));
        kafka.publish(account.opened(), account.adminAdded(), planChanged);
        String beforeSeat = planChanged.token(Topics.ACCOUNT_EVENTS).toString();

        given().auth().oauth2(token(Tokens.DEMO_ADMIN)).queryParam("consistency", beforeSeat).queryParam("permission", "module.remote-support")
                .get("/accounts/" + account.id() + "/checks")
                .then().statusCode(200).body("allowed", equalTo(false)).body("missing", hasItem("a REMOTE_SUPPORT seat"));
        given().auth().oauth2(token(Tokens.DEMO_ADMIN)).queryParam("consistency", beforeSeat).queryParam("permission", "training.session.host")
                .get("/accounts/" + account.id() + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true));

        kafka.publish(seat);
        given().auth().oauth2(token(Tokens.DEMO_ADMIN)).queryParam("consistency", seat.token(Topics.ACCOUNT_EVENTS).toString())
                .queryParam("permission", "support.remote-control").get("/accounts/" + account.id() + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true)).body("reasons", hasItem("a REMOTE_SUPPORT seat (SEAT-3)"));
    }

    @Test
    void PRM1_anEventDeliveredTwiceTakesEffectOnce() {
        Account account = account();
        kafka.publish(account.opened(), account.adminAdded(), account.opened(), account.adminAdded());
        EventEnvelope later = PublishedEvents.userAdded(account.id(), 3, "ada", UUID.randomUUID(), "login-x", "X", "x@example.com", "STANDARD", false);
        kafka.publish(later, later);

        given().auth().oauth2(token(Tokens.DEMO_ADMIN)).header("Consistency-Token", later.token(Topics.ACCOUNT_EVENTS).toString())
                .queryParam("permission", "members.manage").get("/accounts/" + account.id() + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true));
    }

    @Test
    void PRM4_aTokenNotAppliedWithinTheBoundIsARetryable503NeverAStaleAnswer() {
        Account account = account();
        kafka.publish(account.opened(), account.adminAdded());
        String never = "account-events." + account.id() + "." + (account.adminAdded().position() + 1_000);

        given().auth().oauth2(token(Tokens.DEMO_ADMIN)).header("Consistency-Token", never)
                .queryParam("permission", "members.manage").get("/accounts/" + account.id() + "/checks")
                .then().statusCode(503).header("Retry-After", "1").contentType("application/problem+json").body("rule", equalTo("PRM-4"));
    }

    @Test
    void ACC6_aCallerOutsideTheAccountGets404() {
        Account account = account();
        kafka.publish(account.opened(), account.adminAdded());

        given().auth().oauth2(token(Tokens.DEMO_STANDARD)).header("Consistency-Token", account.adminAdded().token(Topics.ACCOUNT_EVENTS).toString())
                .queryParam("permission", "members.manage").get("/accounts/" + account.id() + "/checks")
                .then().statusCode(404).body("rule", equalTo("ACC-6"));
    }

    @Test
    void SEC2_anUnknownPermissionOrAMalformedTokenIsNamed() {
        given().auth().oauth2(token(Tokens.DEMO_ADMIN)).queryParam("permission", "launch.rockets").get("/accounts/" + UUID.randomUUID() + "/checks")
                .then().statusCode(400).body("errors[0].field", equalTo("permission"));
        given().auth().oauth2(token(Tokens.DEMO_ADMIN)).queryParam("permission", "members.manage").queryParam("consistency", "yesterday")
                .get("/accounts/" + UUID.randomUUID() + "/checks")
                .then().statusCode(400).body("errors[0].field", equalTo("consistency"));
    }
}
