package com.example.accounts.session.api;

import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.example.accounts.session.api.AccountStory.as;
import static com.example.accounts.session.api.AccountStory.assertSameAnswer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Support sessions over HTTP with real tokens, decided with the real permission-service fed through the real Kafka. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = {@ResourceArg(name = "service", value = "session-service"),
        @ResourceArg(name = "needs", value = "permission-service,notification-service")})
class SupportSessionApiTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "platform.guests.wrong-codes.per-address")
    int wrongCodesPerAddress;

    @Inject
    Pool pool;

    static String sessions(AccountStory story) {
        return "/accounts/" + story.account + "/support-sessions";
    }

    static Response start(AccountStory story, String user, String consistency, Map<String, Object> body) {
        return as(user, consistency).body(body).post(sessions(story));
    }

    @Test
    void SUP1_aMemberWithARemoteSupportSeatStartsAnAttendedSessionForACompanyTheyMayAccessAndGetsACode() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        UUID north = story.company("North");
        UUID south = story.company("South");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        story.companyAccess(ben, north);
        String noSeat = story.publish();
        start(story, Tokens.DEMO_STANDARD, noSeat, Map.of("clientVersion", "2.4.1000")).then().statusCode(403)
                .body("rule", equalTo("SUP-1")).body("detail", containsString("REMOTE_SUPPORT seat"));

        String seated = story.seat(ben, "REMOTE_SUPPORT").publish();
        start(story, Tokens.DEMO_STANDARD, seated, Map.of("clientVersion", "2.4.1000", "companyId", south.toString())).then().statusCode(403)
                .body("rule", equalTo("SUP-1")).body("detail", containsString("company"));
        start(story, Tokens.DEMO_STANDARD, seated, Map.of("clientVersion", "2.4.1000", "companyId", north.toString())).then().statusCode(201)
                .header("Consistency-Token", containsString("session-events." + story.account))
                .body("ownerMemberId", equalTo(ben.toString())).body("companyId", equalTo(north.toString()))
                .body("joinCode", matchesPattern("\\d{12}")).body("joinUrl", containsString("/guest/support-sessions/join?code="))
                .body("codeExpiresAt", notNullValue());
    }

    @Test
    void FEAT2_anOlderClientIsRefusedForAMemberWhoLacksAFeatureAndAcceptedFrom2_3Build818() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.seat(ben, "REMOTE_SUPPORT").features(ben, "REMOTE_CONTROL").seat(story.ada, "REMOTE_SUPPORT").publish();
        start(story, Tokens.DEMO_STANDARD, consistency, Map.of("clientVersion", "2.3 build 817")).then().statusCode(403)
                .body("rule", equalTo("FEAT-2")).body("detail", containsString("support.file-transfer"));
        start(story, Tokens.DEMO_STANDARD, consistency, Map.of("clientVersion", "2.3 build 818")).then().statusCode(201);
        start(story, Tokens.DEMO_STANDARD, consistency, Map.of("clientVersion", "2.3.818")).then().statusCode(201);
        // an admin has every feature (USR-3): any client will do
        start(story, Tokens.DEMO_ADMIN, consistency, Map.of("clientVersion", "1.9.5")).then().statusCode(201);
        start(story, Tokens.DEMO_ADMIN, consistency, Map.of("clientVersion", "latest")).then().statusCode(422)
                .body("rule", equalTo("FEAT-2")).body("errors[0].field", equalTo("clientVersion"));
    }

    @Test
    void SUP2_aCustomerJoinsOnceWithTheCodeFromTheirPlatformAndAWrongCodeSaysNothing() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        String consistency = story.seat(story.ada, "REMOTE_SUPPORT").publish();
        Response started = start(story, Tokens.DEMO_ADMIN, consistency, Map.of("clientVersion", "2.4.0"));
        String code = started.then().statusCode(201).extract().path("joinCode");
        String sessionId = started.path("sessionId");
        // the link lands on how to join, spending nothing
        given().get(started.path("joinUrl").toString()).then().statusCode(200).body("code", equalTo(code))
                .body("method", equalTo("POST")).body("url", equalTo("/guest/support-sessions/join"));

        given().header("X-Forwarded-For", "198.51.100.2").contentType("application/json").body(Map.of("code", code, "platform", "PLAN9"))
                .post("/guest/support-sessions/join").then().statusCode(422).body("rule", equalTo("SUP-2")).body("errors[0].field", equalTo("platform"));
        given().header("X-Forwarded-For", "198.51.100.2").contentType("application/json").body(Map.of("code", code, "platform", "MAC"))
                .post("/guest/support-sessions/join").then().statusCode(200).body("sessionId", equalTo(sessionId))
                .body("platform", equalTo("MAC")).body("guestKey", notNullValue());
        String used = given().header("X-Forwarded-For", "198.51.100.2").contentType("application/json").body(Map.of("code", code, "platform", "IOS"))
                .post("/guest/support-sessions/join").then().statusCode(404).body("rule", equalTo("SUP-2")).extract().path("detail");
        String wrong = given().header("X-Forwarded-For", "198.51.100.2").contentType("application/json").body(Map.of("code", "000000001", "platform", "IOS"))
                .post("/guest/support-sessions/join").then().statusCode(404).extract().path("detail");
        org.junit.jupiter.api.Assertions.assertEquals(wrong, used, "a used code and a wrong one are told apart by nothing");
        as(Tokens.DEMO_ADMIN, consistency).get(sessions(story) + "/" + sessionId).then().statusCode(200)
                .body("customers." + "values().size()", equalTo(1));
    }

    @Test
    void SUP2_ACC6_aUsedCodeCostsAWrongGuessAsAMadeUpOneDoes() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        String consistency = story.seat(story.ada, "REMOTE_SUPPORT").publish();
        String code = start(story, Tokens.DEMO_ADMIN, consistency, Map.of("clientVersion", "2.4.0")).then().statusCode(201).extract().path("joinCode");
        given().header("X-Forwarded-For", "198.51.100.3").contentType("application/json").body(Map.of("code", code, "platform", "MAC"))
                .post("/guest/support-sessions/join").then().statusCode(200);
        // a budget of wrong codes spent with the used code alone: it told nobody the code was real
        String address = "2001:db8:5eed:" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000)) + "::1";
        for (int i = 0; i < wrongCodesPerAddress; i++) {
            given().header("X-Forwarded-For", address).contentType("application/json").body(Map.of("code", code, "platform", "IOS"))
                    .post("/guest/support-sessions/join").then().statusCode(404);
        }
        given().header("X-Forwarded-For", address).contentType("application/json").body(Map.of("code", "000000000001", "platform", "IOS"))
                .post("/guest/support-sessions/join").then().statusCode(429);
    }

    @Test
    void SUP3_anUnattendedSessionNeedsUnattendedAccessAndTheDevicesCompany() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        UUID north = story.company("North");
        UUID south = story.company("South");
        UUID server = story.device(south);
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String noFeature = story.seat(ben, "REMOTE_SUPPORT").companyAccess(ben, south).publish();
        start(story, Tokens.DEMO_STANDARD, noFeature, Map.of("clientVersion", "2.4.0", "deviceId", server.toString())).then().statusCode(403)
                .body("rule", equalTo("SUP-3")).body("detail", containsString("UNATTENDED_ACCESS"));
        String otherCompany = story.features(ben, "UNATTENDED_ACCESS").companyAccess(ben, north).publish();
        start(story, Tokens.DEMO_STANDARD, otherCompany, Map.of("clientVersion", "2.4.0", "deviceId", server.toString())).then().statusCode(403)
                .body("rule", equalTo("SUP-3")).body("detail", containsString(south.toString()));
        String both = story.companyAccess(ben, north, south).publish();
        start(story, Tokens.DEMO_STANDARD, both, Map.of("clientVersion", "2.4.0", "deviceId", server.toString())).then().statusCode(201)
                .body("deviceId", equalTo(server.toString())).body("joinCode", equalTo(null));
    }

    @Test
    void SUP4_remoteControlAndFileTransferNeedTheActingTechniciansFeature() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.seat(ben, "REMOTE_SUPPORT").features(ben, "FILE_TRANSFER", "UNATTENDED_ACCESS", "REMOTE_CONTROL")
                .seat(story.ada, "REMOTE_SUPPORT").publish();
        String sessionId = start(story, Tokens.DEMO_STANDARD, consistency, Map.of("clientVersion", "2.4.0")).then().statusCode(201).extract().path("sessionId");
        String withoutRemoteControl = story.features(ben, "FILE_TRANSFER").publish();
        as(Tokens.DEMO_STANDARD, withoutRemoteControl).body(Map.of("action", "REMOTE_CONTROL")).post(sessions(story) + "/" + sessionId + "/actions")
                .then().statusCode(403).body("rule", equalTo("SUP-4"));
        as(Tokens.DEMO_STANDARD, withoutRemoteControl).body(Map.of("action", "FILE_TRANSFER")).post(sessions(story) + "/" + sessionId + "/actions")
                .then().statusCode(200).body("allowed", equalTo(true));
        // Ada has every feature, but this is not her session: the acting technician is its owner
        as(Tokens.DEMO_ADMIN, withoutRemoteControl).body(Map.of("action", "REMOTE_CONTROL")).post(sessions(story) + "/" + sessionId + "/actions")
                .then().statusCode(403).body("rule", equalTo("SUP-4"));
    }

    @Test
    void SUP5_SUP6_theOwnerHandsOverToASeatedMemberNeverToAnExternalTechnicianAndTheOwnerEnds() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        UUID carl = story.member("STANDARD", null, "Carl");
        UUID policy = story.policy("Vendor", true, "VIEW_SCREEN", "CHAT");
        String consistency = story.seat(story.ada, "REMOTE_SUPPORT").seat(ben, "REMOTE_SUPPORT").publish();
        String sessionId = start(story, Tokens.DEMO_ADMIN, consistency, Map.of("clientVersion", "2.4.0")).then().statusCode(201).extract().path("sessionId");
        String session = sessions(story) + "/" + sessionId;
        String url = as(Tokens.DEMO_ADMIN, consistency).body(Map.of("policyId", policy.toString(), "externalName", "Vera Vendor", "delivery", "COPY_URL"))
                .post(session + "/invites").then().statusCode(201).extract().path("url");
        String external = given().post(url).then().statusCode(200).extract().path("externalTechnicianId");
        long before = AccountStory.eventsOf(pool, session);

        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("toMemberId", external, "toClientVersion", "2.4.0")).post(session + "/handover").then().statusCode(422)
                .body("rule", equalTo("SUP-6")).body("errors[0].field", equalTo("toMemberId"));
        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("toMemberId", carl.toString(), "toClientVersion", "2.4.0")).post(session + "/handover").then()
                .statusCode(422)
                .body("rule", equalTo("SUP-6")).body("detail", containsString("REMOTE_SUPPORT seat"));
        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("toMemberId", UUID.randomUUID().toString(), "toClientVersion", "2.4.0")).post(session + "/handover")
                .then().statusCode(422)
                .body("rule", equalTo("SUP-6"));
        as(Tokens.DEMO_STANDARD, consistency).body(Map.of("toMemberId", ben.toString(), "toClientVersion", "2.4.0")).post(session + "/handover").then()
                .statusCode(403)
                .body("rule", equalTo("SUP-5"));
        org.junit.jupiter.api.Assertions.assertEquals(before, AccountStory.eventsOf(pool, session), "refused hand-overs append nothing");
        handOver(session, Tokens.DEMO_ADMIN, consistency, ben, "2.4.0").then().statusCode(200)
                .header("Consistency-Token", notNullValue()).body("ownerMemberId", equalTo(ben.toString()));

        as(Tokens.DEMO_ADMIN, consistency).post(session + "/end").then().statusCode(403).body("rule", equalTo("SUP-5"));
        String openUrl = as(Tokens.DEMO_STANDARD, consistency).body(Map.of("policyId", policy.toString(), "externalName", "Walt", "delivery", "COPY_URL"))
                .post(session + "/invites").then().statusCode(201).extract().path("url");
        as(Tokens.DEMO_STANDARD, consistency).post(session + "/end").then().statusCode(200).body("ended", equalTo(true))
                .body("technicians", hasSize(0)).body("externalTechnicians[0].loggedOut", equalTo(true)).body("invites.state", hasItem("LAPSED"));
        given().post(openUrl).then().statusCode(410).body("rule", equalTo("INV-2")).body("detail", containsString("SUP-5"));
        as(Tokens.DEMO_STANDARD, consistency).body(Map.of("action", "FILE_TRANSFER")).post(session + "/actions").then().statusCode(410)
                .body("rule", equalTo("SUP-5"));
        long ended = AccountStory.eventsOf(pool, session);
        as(Tokens.DEMO_STANDARD, consistency).post(session + "/end").then().statusCode(410).body("rule", equalTo("SUP-5"));
        org.junit.jupiter.api.Assertions.assertEquals(ended, AccountStory.eventsOf(pool, session), "an ended session takes nothing more");
    }

    static Response handOver(String session, String user, String consistency, UUID to, String toClientVersion) {
        return as(user, consistency).body(Map.of("toMemberId", to.toString(), "toClientVersion", toClientVersion)).post(session + "/handover");
    }

    @Test
    void SUP6_SUP3_SUP1_FEAT2_theNewOwnerMustMeetWhatStartingTheSessionWouldHaveRequiredOfThem() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        UUID north = story.company("North");
        UUID south = story.company("South");
        UUID server = story.device(south);
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String seated = story.seat(story.ada, "REMOTE_SUPPORT").seat(ben, "REMOTE_SUPPORT").companyAccess(ben, north).publish();
        String unattended = sessions(story) + "/" + start(story, Tokens.DEMO_ADMIN, seated, Map.of("clientVersion", "2.4.0", "deviceId", server.toString()))
                .then().statusCode(201).extract().path("sessionId");
        String attended = sessions(story) + "/" + start(story, Tokens.DEMO_ADMIN, seated, Map.of("clientVersion", "2.4.0", "companyId", south.toString()))
                .then().statusCode(201).extract().path("sessionId");
        long before = AccountStory.eventsOf(pool, unattended) + AccountStory.eventsOf(pool, attended);

        // SUP-3: Ben has the seat but not UNATTENDED_ACCESS
        handOver(unattended, Tokens.DEMO_ADMIN, seated, ben, "2.4.0").then().statusCode(422).body("rule", equalTo("SUP-6"))
                .body("errors[0].field", equalTo("toMemberId")).body("detail", containsString("SUP-3")).body("detail", containsString("UNATTENDED_ACCESS"));
        // SUP-3: the feature, but not the device's company
        String featured = story.features(ben, "UNATTENDED_ACCESS").publish();
        handOver(unattended, Tokens.DEMO_ADMIN, featured, ben, "2.4.0").then().statusCode(422).body("rule", equalTo("SUP-6"))
                .body("detail", containsString("SUP-3")).body("detail", containsString(south.toString()));
        // SUP-1: an attended session for a company the new owner may not access
        handOver(attended, Tokens.DEMO_ADMIN, featured, ben, "2.4.0").then().statusCode(422).body("rule", equalTo("SUP-6"))
                .body("detail", containsString("SUP-1")).body("detail", containsString("company"));
        // FEAT-2: Ben lacks FILE_TRANSFER and REMOTE_CONTROL, and his client would not honour that
        String access = story.companyAccess(ben, north, south).publish();
        handOver(unattended, Tokens.DEMO_ADMIN, access, ben, "2.3 build 817").then().statusCode(422).body("rule", equalTo("SUP-6"))
                .body("errors[0].field", equalTo("toClientVersion")).body("detail", containsString("FEAT-2"))
                .body("detail", containsString("support.remote-control"));
        as(Tokens.DEMO_ADMIN, access).body(Map.of("toMemberId", ben.toString())).post(unattended + "/handover").then().statusCode(422)
                .body("rule", equalTo("FEAT-2")).body("errors[0].field", equalTo("toClientVersion"));
        org.junit.jupiter.api.Assertions.assertEquals(before, AccountStory.eventsOf(pool, unattended) + AccountStory.eventsOf(pool, attended),
                "refused hand-overs append nothing");

        handOver(unattended, Tokens.DEMO_ADMIN, access, ben, "2.3.818").then().statusCode(200).body("ownerMemberId", equalTo(ben.toString()));
        handOver(attended, Tokens.DEMO_ADMIN, access, ben, "2.4.0").then().statusCode(200).body("ownerMemberId", equalTo(ben.toString()));
    }

    @Test
    void USR11_SEAT3_readingASupportSessionNeedsTheRemoteSupportModuleOrBeingInTheSession() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        UUID ben = story.member("MONITORING_OBSERVER", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String observer = story.seat(story.ada, "REMOTE_SUPPORT").publish();
        String session = sessions(story) + "/" + start(story, Tokens.DEMO_ADMIN, observer, Map.of("clientVersion", "2.4.0"))
                .then().statusCode(201).extract().path("sessionId");
        as(Tokens.DEMO_STANDARD, observer).get(session).then().statusCode(403).body("rule", equalTo("USR-11"))
                .body("customers", equalTo(null)).body("externalTechnicians", equalTo(null));

        String standard = story.event("RoleChanged", AccountStory.data().put("memberId", ben.toString()).put("from", "MONITORING_OBSERVER")
                .put("to", "STANDARD")).publish();
        as(Tokens.DEMO_STANDARD, standard).get(session).then().statusCode(403).body("rule", equalTo("SEAT-3"))
                .body("detail", containsString("REMOTE_SUPPORT seat"));
        String seated = story.seat(ben, "REMOTE_SUPPORT").publish();
        as(Tokens.DEMO_STANDARD, seated).get(session).then().statusCode(200).body("ownerMemberId", equalTo(story.ada.toString()));

        // in the session, the reader needs no seat: Ada handed it to Ben and stays in it after hers is released
        handOver(session, Tokens.DEMO_ADMIN, seated, ben, "2.4.0").then().statusCode(200);
        String released = story.event("SeatReleased", AccountStory.data().put("memberId", story.ada.toString()).put("module", "REMOTE_SUPPORT")).publish();
        as(Tokens.DEMO_ADMIN, released).get(session).then().statusCode(200).body("technicians", hasItem(story.ada.toString()));

        // ACC-6: a non-member is told nothing
        AccountStory other = AccountStory.opened("REMOTE_SUPPORT");
        String elsewhere = other.seat(other.ada, "REMOTE_SUPPORT").publish();
        String theirs = sessions(other) + "/" + start(other, Tokens.DEMO_ADMIN, elsewhere, Map.of("clientVersion", "2.4.0"))
                .then().statusCode(201).extract().path("sessionId");
        as(Tokens.DEMO_STANDARD, elsewhere).get(theirs).then().statusCode(404).body("rule", equalTo("ACC-6"));
    }

    @Test
    void ACC6_aSessionOfAnotherAccountOrAnUnknownOneIsNotFound() {
        AccountStory mine = AccountStory.opened("REMOTE_SUPPORT");
        String consistency = mine.seat(mine.ada, "REMOTE_SUPPORT").publish();
        String sessionId = start(mine, Tokens.DEMO_ADMIN, consistency, Map.of("clientVersion", "2.4.0")).then().statusCode(201).extract().path("sessionId");
        AccountStory other = AccountStory.opened("REMOTE_SUPPORT");
        String otherConsistency = other.seat(other.ada, "REMOTE_SUPPORT").publish();
        as(Tokens.DEMO_ADMIN, otherConsistency).get(sessions(other) + "/" + sessionId).then().statusCode(404).body("rule", equalTo("ACC-6"));
        as(Tokens.DEMO_ADMIN, otherConsistency).post(sessions(other) + "/" + sessionId + "/end").then().statusCode(404);
        as(Tokens.DEMO_ADMIN, consistency).post(sessions(mine) + "/" + UUID.randomUUID() + "/end").then().statusCode(404);
        // Ben is in no account here
        as(Tokens.DEMO_STANDARD, consistency).body(Map.of("clientVersion", "2.4.0")).post(sessions(mine)).then().statusCode(404)
                .body("rule", equalTo("ACC-6"));
        as(Tokens.DEMO_ADMIN, consistency).get(sessions(mine) + "/" + sessionId).then().statusCode(200).body("ended", not(equalTo(true)));
    }
    @Test
    void ACC6_everyActionOnAnotherAccountsSessionIsAnsweredAsOnAMadeUpId() {
        AccountStory theirs = AccountStory.opened("REMOTE_SUPPORT");
        String there = theirs.seat(theirs.ada, "REMOTE_SUPPORT").publish();
        UUID theirSession = UUID.fromString(start(theirs, Tokens.DEMO_ADMIN, there, Map.of("clientVersion", "2.4.0")).then().statusCode(201)
                .extract().path("sessionId"));
        AccountStory mine = AccountStory.opened("REMOTE_SUPPORT");
        UUID vendor = mine.policy("Vendor", true, "VIEW_SCREEN");
        String here = mine.seat(mine.ada, "REMOTE_SUPPORT").publish();
        UUID madeUp = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Map<String, Map<String, Object>> posts = Map.of(
                "/end", Map.of(), "/leave", Map.of(), "/actions", Map.of("action", "REMOTE_CONTROL"),
                "/handover", Map.of("toMemberId", other.toString(), "toClientVersion", "2.4.0"),
                "/invites", Map.of("policyId", vendor.toString(), "externalName", "Vera", "delivery", "COPY_URL"));
        posts.forEach((action, body) -> assertSameAnswer(
                as(Tokens.DEMO_ADMIN, here).body(body).post(sessions(mine) + "/" + theirSession + action), theirSession,
                as(Tokens.DEMO_ADMIN, here).body(body).post(sessions(mine) + "/" + madeUp + action), madeUp, 404));
        for (String removal : new String[]{"/invites/" + other, "/external-technicians/" + other}) {
            assertSameAnswer(as(Tokens.DEMO_ADMIN, here).delete(sessions(mine) + "/" + theirSession + removal), theirSession,
                    as(Tokens.DEMO_ADMIN, here).delete(sessions(mine) + "/" + madeUp + removal), madeUp, 404);
        }
        assertSameAnswer(as(Tokens.DEMO_ADMIN, here).get(sessions(mine) + "/" + theirSession), theirSession,
                as(Tokens.DEMO_ADMIN, here).get(sessions(mine) + "/" + madeUp), madeUp, 404);
        as(Tokens.DEMO_ADMIN, there).get(sessions(theirs) + "/" + theirSession).then().statusCode(200).body("ended", equalTo(false));
    }
}
