package com.example.accounts.session.api;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.InviteEmailRequest;
import com.example.accounts.contract.Topics;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.launcher.FaultProxy;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static com.example.accounts.session.api.AccountStory.as;
import static com.example.accounts.session.api.AccountStory.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** External technicians' invites (INV-1 to INV-5), the guest endpoints' limits, bad input and failing closed. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = {@ResourceArg(name = "service", value = "session-service"),
        @ResourceArg(name = "needs", value = "permission-service,notification-service")})
class InviteApiTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "platform.codes.secret")
    String codesSecret;

    @ConfigProperty(name = "platform.guests.external-key-lifetime", defaultValue = "8h")
    Duration externalKeyLifetime;

    /** An account where Ada (ADMIN, seated) runs a session; policies "Vendor" (enabled: view, chat, remote control) and "Off" (disabled). */
    record Scene(AccountStory story, String consistency, String session, UUID vendor, UUID off, UUID ben) {
        Response invite(String user, Map<String, Object> body) {
            return as(user, consistency).body(body).post(session + "/invites");
        }

        String copyUrl(String user, String name) {
            return invite(user, Map.of("policyId", vendor.toString(), "externalName", name, "delivery", "COPY_URL")).then().statusCode(201).extract()
                    .path("url");
        }
    }

    static Scene scene(boolean serverEmails) {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        UUID vendor = story.policy("Vendor", true, "VIEW_SCREEN", "CHAT", "REMOTE_CONTROL");
        UUID off = story.policy("Off", false, "VIEW_SCREEN");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.seat(story.ada, "REMOTE_SUPPORT").seat(ben, "REMOTE_SUPPORT").settings(serverEmails, true).publish();
        String id = as(Tokens.DEMO_ADMIN, consistency).body(Map.of("clientVersion", "2.4.0")).post(SupportSessionApiTest.sessions(story))
                .then().statusCode(201).extract().path("sessionId");
        return new Scene(story, consistency, SupportSessionApiTest.sessions(story) + "/" + id, vendor, off, ben);
    }

    private long events(String session) {
        return AccountStory.eventsOf(pool, session);
    }

    @Test
    void INV1_anInviteNeedsAnEnabledPolicyOfTheAccountANameAndADeliveryEachRefusedWithTheRuleAndChangingNothing() {
        Scene scene = scene(false);
        UUID foreign = AccountStory.opened("REMOTE_SUPPORT").policy("Theirs", true, "CHAT");
        long before = events(scene.session());
        scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.off().toString(), "externalName", "Vera", "delivery", "COPY_URL"))
                .then().statusCode(422).body("rule", equalTo("INV-1")).body("errors[0].field", equalTo("policyId"))
                .body("detail", containsString("not enabled"));
        scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", foreign.toString(), "externalName", "Vera", "delivery", "COPY_URL"))
                .then().statusCode(422).body("rule", equalTo("INV-1")).body("errors[0].field", equalTo("policyId"));
        scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", " ", "delivery", "COPY_URL"))
                .then().statusCode(422).body("errors[0].field", equalTo("externalName"));
        scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "PIGEON"))
                .then().statusCode(422).body("errors[0].field", equalTo("delivery"));
        scene.invite(Tokens.DEMO_ADMIN,
                Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "SERVER_EMAIL", "email", "vera@vendor.example"))
                .then().statusCode(422).body("rule", equalTo("INV-1")).body("detail", containsString("serverInviteEmails"));
        scene.invite(Tokens.DEMO_ADMIN,
                Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "COPY_URL", "comments", "x".repeat(1001)))
                .then().statusCode(422).body("errors[0].field", equalTo("comments"));
        assertEquals(before, events(scene.session()), "refused invites append nothing");

        String mailto = scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "LOCAL_EMAIL",
                "email", "vera@vendor.example", "comments", "the printer driver"))
                .then().statusCode(201).body("url", nullValue()).extract().path("mailto");
        assertTrue(mailto.startsWith("mailto:vera@vendor.example?subject="), mailto);
        assertTrue(java.net.URLDecoder.decode(mailto, StandardCharsets.UTF_8).contains("/guest/invites/"), mailto);
        scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "COPY_URL"))
                .then().statusCode(201).body("url", containsString("/guest/invites/")).body("mailto", nullValue()).body("expiresAt", notNullValue());
    }

    @Test
    void INV2_EVT5_theTokenHas256RandomBitsOnlyItsHashIsKeptAndItNeverEntersTheEventLog() throws Exception {
        Scene scene = scene(false);
        String url = scene.copyUrl(Tokens.DEMO_ADMIN, "Vera");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length, "at least 128 random bits: " + token);
        // kept under a hash keyed with the server's secret (HMAC-SHA256), never a plain one
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(codesSecret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hash = HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1L, count("SELECT count(*) FROM guest_passes WHERE hash = $1", hash));
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0L, count("SELECT count(*) FROM guest_passes WHERE hash = $1", plain));
        assertEquals(0L, count("SELECT count(*) FROM guest_passes WHERE hash = $1", token));
        assertEquals(0L, count("SELECT count(*) FROM events WHERE data::text LIKE '%' || $1 || '%' OR metadata::text LIKE '%' || $1 || '%'", token));
        given().post(url).then().statusCode(200);
        for (ConsumerRecord<String, String> record : read(Topics.SESSION_EVENTS, scene.story().account.toString())) {
            assertTrue(!record.value().contains(token), "an event carries the token: " + record.value());
        }
    }

    @Test
    void INV2_twentyRedemptionsOfOneUrlAtOnceAdmitExactlyOne() throws Exception {
        Scene scene = scene(false);
        String url = scene.copyUrl(Tokens.DEMO_ADMIN, "Vera");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String address = "203.0.113." + (i + 1);
                tries.add(() -> given().header("X-Forwarded-For", address).post(url).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(tries)) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        as(Tokens.DEMO_ADMIN, scene.consistency()).get(scene.session()).then().statusCode(200).body("externalTechnicians", hasSize(1));
        given().post(url).then().statusCode(409).body("rule", equalTo("INV-2")).body("detail", containsString("once"));
    }

    /** EVT-1: the session's commands queue for its one writer, so no inviter meets a race it did not cause. */
    @Test
    void EVT1_thirtyTwoInvitesIntoOneSessionAtOnceAreAllIssuedEachAtItsOwnVersion() throws Exception {
        Scene scene = scene(false);
        long before = events(scene.session());
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Response>> invites = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String name = "Vera " + i;
                invites.add(() -> scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", name, "delivery", "COPY_URL")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(invites)) {
                statuses.add(answer.get().statusCode());
            }
            assertEquals(32, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 32, events(scene.session()));
        assertEquals(before + 32,
                count("SELECT max(version) FROM events WHERE stream_id = $1", "session-" + scene.session().substring(scene.session().lastIndexOf('/') + 1)),
                "versions dense");
    }

    /**
     * SEC-3 under group commit: two invites with one Idempotency-Key and different bodies, queued behind other invites
     * of the session, land in one group whose transaction fails on the second claim of the key; run again one by one,
     * the first must claim its key again (its claim rolled back with the group), so the second creates nothing.
     */
    @Test
    void SEC3_aKeyClaimedInAGroupThatRolledBackIsClaimedAgainSoItsOtherRequestCreatesNothing() throws Exception {
        Scene scene = scene(false);
        String ada = token(Tokens.DEMO_ADMIN);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int trial = 0; trial < 8; trial++) {
                long before = events(scene.session());
                String key = UUID.randomUUID().toString();
                List<Callable<Response>> calls = new ArrayList<>();
                for (String name : List.of("North " + trial, "South " + trial)) {
                    calls.add(() -> given().auth().oauth2(ada).header("Consistency-Token", scene.consistency()).contentType("application/json")
                            .header("Idempotency-Key", key)
                            .body(Map.of("policyId", scene.vendor().toString(), "externalName", name, "delivery", "COPY_URL"))
                            .post(scene.session() + "/invites"));
                }
                for (int i = 0; i < 14; i++) {
                    String name = "Busy " + trial + "-" + i;
                    calls.add(() -> given().auth().oauth2(ada).header("Consistency-Token", scene.consistency()).contentType("application/json")
                            .body(Map.of("policyId", scene.vendor().toString(), "externalName", name, "delivery", "COPY_URL"))
                            .post(scene.session() + "/invites"));
                }
                List<Response> answers = new ArrayList<>();
                for (Future<Response> answer : pool.invokeAll(calls)) {
                    answers.add(answer.get());
                }
                List<Response> keyed = answers.subList(0, 2);
                assertEquals(1, keyed.stream().filter(answer -> answer.statusCode() == 201).count(),
                        "trial " + trial + ": one key, one invite: " + keyed.stream().map(a -> a.statusCode() + " " + a.asString()).toList());
                assertEquals(before + 15, events(scene.session()), "trial " + trial + ": fourteen invites and one of the keyed two");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void INV2_anInviteLapsesTwoHoursAfterIssueAndTheInviterOrOwnerRevokesIt() {
        Scene scene = scene(false);
        String lapsing = scene.copyUrl(Tokens.DEMO_ADMIN, "Vera");
        Instant later = Instant.now().plus(Duration.ofHours(2)).plusSeconds(1);
        QuarkusMock.installMockForType(new CommandClock() {
            @Override
            public Instant now() {
                return later;
            }
        }, CommandClock.class);
        given().get(lapsing).then().statusCode(200).body("usable", equalTo(false));
        given().post(lapsing).then().statusCode(410).body("rule", equalTo("INV-2")).body("detail", containsString("lapsed"));
        QuarkusMock.installMockForType(new CommandClock(), CommandClock.class);

        // Ben joins the session by taking it over; Ada's invite can be revoked by her (inviter) or by Ben (owner), never by others
        String revoked = scene.copyUrl(Tokens.DEMO_ADMIN, "Walt");
        String inviteId = as(Tokens.DEMO_ADMIN, scene.consistency()).get(scene.session()).then().extract()
                .path("invites.find { it.externalName == 'Walt' }.inviteId");
        as(Tokens.DEMO_STANDARD, scene.consistency()).delete(scene.session() + "/invites/" + inviteId).then().statusCode(403).body("rule", equalTo("INV-2"));
        as(Tokens.DEMO_ADMIN, scene.consistency()).body(Map.of("toMemberId", scene.ben().toString(), "toClientVersion", "2.4.0"))
                .post(scene.session() + "/handover").then().statusCode(200);
        as(Tokens.DEMO_STANDARD, scene.consistency()).delete(scene.session() + "/invites/" + inviteId).then().statusCode(204)
                .header("Consistency-Token", notNullValue());
        given().post(revoked).then().statusCode(410).body("rule", equalTo("INV-2")).body("detail", containsString("revoked"));
        as(Tokens.DEMO_ADMIN, scene.consistency()).delete(scene.session() + "/invites/" + inviteId).then().statusCode(409).body("rule", equalTo("INV-2"));
        given().post("/guest/invites/" + "A".repeat(43)).then().statusCode(404).body("rule", equalTo("INV-2"));
    }

    @Test
    void INV3_INV5_externalTechniciansSeeOnlyTheSessionWithTheirPoliciesPermissionsAndSeveralMayJoin() {
        Scene scene = scene(false);
        Response vera = given().post(scene.copyUrl(Tokens.DEMO_ADMIN, "Vera"));
        vera.then().statusCode(200).body("permissions", contains("CHAT", "REMOTE_CONTROL", "VIEW_SCREEN")).body("guestKey", notNullValue());
        String walt = given().post(scene.copyUrl(Tokens.DEMO_ADMIN, "Walt")).then().statusCode(200).extract().path("guestKey");
        given().header("Guest-Key", vera.path("guestKey").toString()).contentType("application/json").body(Map.of("action", "REMOTE_CONTROL"))
                .post("/guest/support-sessions/actions").then().statusCode(200).body("sessionId", equalTo(vera.path("sessionId")));
        // SUP-4: the policy has no FILE_TRANSFER
        given().header("Guest-Key", walt).contentType("application/json").body(Map.of("action", "FILE_TRANSFER"))
                .post("/guest/support-sessions/actions").then().statusCode(403).body("rule", equalTo("SUP-4"));
        given().header("Guest-Key", "made-up").contentType("application/json").body(Map.of("action", "FILE_TRANSFER"))
                .post("/guest/support-sessions/actions").then().statusCode(401).body("rule", equalTo("SEC-1"));
        // a guest key is no token for the account's API (SEC-1)
        given().header("Authorization", "Bearer " + walt).get(scene.session()).then().statusCode(401);
        as(Tokens.DEMO_ADMIN, scene.consistency()).get(scene.session()).then().statusCode(200).body("externalTechnicians", hasSize(2))
                .body("externalTechnicians.name", contains("Vera", "Walt"));
    }

    private static Response guestAct(String guestKey, String action) {
        return given().header("Guest-Key", guestKey).contentType("application/json").body(Map.of("action", action)).post("/guest/support-sessions/actions");
    }

    private String lastReason(String session) {
        String stream = "session-" + session.substring(session.lastIndexOf('/') + 1);
        return pool
                .preparedQuery("SELECT data->>'reason' FROM events WHERE stream_id = $1 AND type = 'ExternalTechnicianLoggedOut' ORDER BY version DESC LIMIT 1")
                .execute(Tuple.of(stream)).await().indefinitely().iterator().next().getString(0);
    }

    @Test
    void INV3_anExternalTechniciansGuestKeyLapsesAtMostItsLifetimeAfterRedemption() {
        Scene scene = scene(false);
        Instant redeemed = Instant.now();
        Response vera = given().post(scene.copyUrl(Tokens.DEMO_ADMIN, "Vera"));
        vera.then().statusCode(200).body("keyExpiresAt", notNullValue());
        String key = vera.path("guestKey");
        Instant expires = Instant.parse(vera.path("keyExpiresAt"));
        assertTrue(!expires.isAfter(Instant.now().plus(externalKeyLifetime)) && expires.isAfter(redeemed.plus(externalKeyLifetime).minusSeconds(60)),
                "at most " + externalKeyLifetime + " after redemption: " + expires);
        guestAct(key, "REMOTE_CONTROL").then().statusCode(200);
        String unknown = guestAct("made-up", "REMOTE_CONTROL").then().statusCode(401).extract().path("detail");
        Instant later = expires.plusSeconds(1);
        QuarkusMock.installMockForType(new CommandClock() {
            @Override
            public Instant now() {
                return later;
            }
        }, CommandClock.class);
        try {
            String lapsed = guestAct(key, "REMOTE_CONTROL").then().statusCode(401).body("rule", equalTo("SEC-1")).extract().path("detail");
            assertEquals(unknown, lapsed, "a lapsed key is told apart from an unknown one by nothing");
        } finally {
            QuarkusMock.installMockForType(new CommandClock(), CommandClock.class);
        }
    }

    @Test
    void INV3_theOwnerOrTheInviterRemovesAnExternalTechnicianWhoseKeyThenAdmitsNoOne() {
        Scene scene = scene(false);
        Response vera = given().post(scene.copyUrl(Tokens.DEMO_ADMIN, "Vera"));
        String veraKey = vera.then().statusCode(200).extract().path("guestKey");
        String veraId = vera.path("externalTechnicianId");
        Response walt = given().post(scene.copyUrl(Tokens.DEMO_ADMIN, "Walt"));
        String waltKey = walt.then().statusCode(200).extract().path("guestKey");
        String waltId = walt.path("externalTechnicianId");
        String unknown = guestAct("made-up", "REMOTE_CONTROL").then().statusCode(401).extract().path("detail");
        long before = events(scene.session());

        // Ben is neither the owner nor the inviter
        as(Tokens.DEMO_STANDARD, scene.consistency()).delete(scene.session() + "/external-technicians/" + veraId).then().statusCode(403)
                .body("rule", equalTo("INV-3"));
        as(Tokens.DEMO_ADMIN, scene.consistency()).delete(scene.session() + "/external-technicians/" + UUID.randomUUID()).then().statusCode(404)
                .body("rule", equalTo("ACC-6"));
        assertEquals(before, events(scene.session()), "refused removals append nothing");

        as(Tokens.DEMO_ADMIN, scene.consistency()).delete(scene.session() + "/external-technicians/" + veraId).then().statusCode(204)
                .header("Consistency-Token", notNullValue());
        assertEquals("REMOVED", lastReason(scene.session()));
        String refused = guestAct(veraKey, "REMOTE_CONTROL").then().statusCode(401).body("rule", equalTo("SEC-1")).extract().path("detail");
        assertEquals(unknown, refused, "a removed technician's key is told apart from an unknown one by nothing");
        as(Tokens.DEMO_ADMIN, scene.consistency()).delete(scene.session() + "/external-technicians/" + veraId).then().statusCode(409)
                .body("rule", equalTo("INV-3"));

        // the new owner removes whom Ada invited
        as(Tokens.DEMO_ADMIN, scene.consistency()).body(Map.of("toMemberId", scene.ben().toString(), "toClientVersion", "2.4.0"))
                .post(scene.session() + "/handover").then().statusCode(200);
        guestAct(waltKey, "REMOTE_CONTROL").then().statusCode(200);
        as(Tokens.DEMO_STANDARD, scene.consistency()).delete(scene.session() + "/external-technicians/" + waltId).then().statusCode(204);
        guestAct(waltKey, "REMOTE_CONTROL").then().statusCode(401);
        as(Tokens.DEMO_ADMIN, scene.consistency()).get(scene.session()).then().statusCode(200)
                .body("externalTechnicians.loggedOut", contains(true, true));
    }

    @Test
    void INV6_aDisabledSecurityPolicyEndsItsAdmissionsAndItsOpenInvites() {
        Scene scene = scene(false);
        String vera = given().post(scene.copyUrl(Tokens.DEMO_ADMIN, "Vera")).then().statusCode(200).extract().path("guestKey");
        String pending = scene.copyUrl(Tokens.DEMO_ADMIN, "Pat");
        guestAct(vera, "REMOTE_CONTROL").then().statusCode(200);

        String disabled = scene.story().event("SecurityPolicyDisabled", AccountStory.data().put("policyId", scene.vendor().toString())).publish();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Boolean.TRUE.equals(as(Tokens.DEMO_ADMIN, disabled).get(scene.session()).then().statusCode(200)
                        .extract().path("externalTechnicians.find { it.name == 'Vera' }.loggedOut")));
        assertEquals("POLICY_DISABLED", lastReason(scene.session()));
        guestAct(vera, "REMOTE_CONTROL").then().statusCode(403).body("rule", equalTo("INV-6"));
        given().post(pending).then().statusCode(410).body("detail", containsString("revoked"));
    }

    @Test
    void INV4_whenTheInvitingMemberLeavesTheExternalTechniciansTheyInvitedAreLoggedOut() {
        Scene scene = scene(false);
        String vera = given().post(scene.copyUrl(Tokens.DEMO_ADMIN, "Vera")).then().statusCode(200).extract().path("guestKey");
        String pending = scene.copyUrl(Tokens.DEMO_ADMIN, "Pat");
        as(Tokens.DEMO_ADMIN, scene.consistency()).post(scene.session() + "/leave").then().statusCode(409).body("rule", equalTo("SUP-5"));
        as(Tokens.DEMO_ADMIN, scene.consistency()).body(Map.of("toMemberId", scene.ben().toString(), "toClientVersion", "2.4.0"))
                .post(scene.session() + "/handover").then().statusCode(200);
        String walt = given().post(scene.copyUrl(Tokens.DEMO_STANDARD, "Walt")).then().statusCode(200).extract().path("guestKey");
        as(Tokens.DEMO_ADMIN, scene.consistency()).post(scene.session() + "/leave").then().statusCode(200)
                .body("technicians", contains(scene.ben().toString()))
                .body("externalTechnicians.find { it.name == 'Vera' }.loggedOut", equalTo(true))
                .body("externalTechnicians.find { it.name == 'Walt' }.loggedOut", equalTo(false));
        given().header("Guest-Key", vera).contentType("application/json").body(Map.of("action", "REMOTE_CONTROL"))
                .post("/guest/support-sessions/actions").then().statusCode(403).body("rule", equalTo("INV-4"));
        given().header("Guest-Key", walt).contentType("application/json").body(Map.of("action", "REMOTE_CONTROL"))
                .post("/guest/support-sessions/actions").then().statusCode(200);
        given().post(pending).then().statusCode(410).body("detail", containsString("revoked"));
    }

    @Test
    void USR6_aMemberDeletedFromTheAccountLeavesTheirSessionsTheirGuestsAreLoggedOutAndTheSessionsTheyOwnEnd() {
        Scene scene = scene(false);
        String vera = given().post(scene.copyUrl(Tokens.DEMO_ADMIN, "Vera")).then().statusCode(200).extract().path("guestKey");
        String pending = scene.copyUrl(Tokens.DEMO_ADMIN, "Pat");
        as(Tokens.DEMO_ADMIN, scene.consistency()).body(Map.of("toMemberId", scene.ben().toString(), "toClientVersion", "2.4.0"))
                .post(scene.session() + "/handover").then().statusCode(200);
        String own = SupportSessionApiTest.sessions(scene.story()) + "/" + as(Tokens.DEMO_ADMIN, scene.consistency()).body(Map.of("clientVersion", "2.4.0"))
                .post(SupportSessionApiTest.sessions(scene.story())).then().statusCode(201).extract().path("sessionId");

        String deleted = scene.story().event("UserDeleted", AccountStory.data().put("memberId", scene.story().ada.toString())
                .put("loginId", AccountStory.loginOf(Tokens.DEMO_ADMIN)).put("email", Tokens.DEMO_ADMIN)).publish();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Boolean.TRUE.equals(as(Tokens.DEMO_STANDARD, deleted).get(own).then().statusCode(200).extract().path("ended")));
        as(Tokens.DEMO_STANDARD, deleted).get(scene.session()).then().statusCode(200).body("ended", equalTo(false))
                .body("technicians", contains(scene.ben().toString()))
                .body("externalTechnicians.find { it.name == 'Vera' }.loggedOut", equalTo(true));
        given().header("Guest-Key", vera).contentType("application/json").body(Map.of("action", "REMOTE_CONTROL"))
                .post("/guest/support-sessions/actions").then().statusCode(403).body("rule", equalTo("INV-4"));
        given().post(pending).then().statusCode(410).body("detail", containsString("revoked"));
        // Ada is no member any more: the permission-service does not know her (ACC-6)
        as(Tokens.DEMO_ADMIN, deleted).get(own).then().statusCode(404);
    }

    @Test
    void NTF3_aServerEmailInviteReachesTheExternalTechnicianWithAWorkingUrlThatNeverEntersTheEventLog() {
        Scene scene = scene(true);
        String email = "vera." + UUID.randomUUID() + "@vendor.example";
        scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "SERVER_EMAIL"))
                .then().statusCode(422).body("errors[0].field", equalTo("email"));
        scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "SERVER_EMAIL",
                "email", email, "language", "tlh"))
                .then().statusCode(422).body("errors[0].field", equalTo("language"));
        // NTF-6: the technician's language, given by the inviter
        String inviteId = scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "SERVER_EMAIL",
                "email", email, "comments", "the printer driver", "language", "de"))
                .then().statusCode(201).body("emailQueued", equalTo(true)).body("url", nullValue()).extract().path("inviteId");
        JsonNode request = null;
        for (ConsumerRecord<String, String> record : read(Topics.INVITE_EMAILS, scene.story().account.toString())) {
            JsonNode message = json(record.value());
            if (message.path("inviteId").asText().equals(inviteId)) {
                request = message;
            }
        }
        assertNotNull(request, "the invite email request is on " + Topics.INVITE_EMAILS);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> !TestPlatform.get().mail().inbox(email).isEmpty());
        String mail = TestPlatform.get().mail().inbox(email).get(0).text();
        assertTrue(mail.contains("Ada") && mail.contains("the printer driver") && mail.contains("Vendor")
                && mail.contains("Der Link funktioniert nur einmal"), mail);
        Matcher url = Pattern.compile("https?://\\S+/guest/invites/[A-Za-z0-9_-]{43}").matcher(mail);
        assertTrue(url.find(), mail);
        given().post(url.group()).then().statusCode(200).body("permissions", hasSize(3));
    }

    @Test
    void INV2_theInviteEmailRequestOnItsTopicCarriesNeitherTheUrlNorItsTokenAndTheMailHasTheWorkingUrl() {
        Scene scene = scene(true);
        String email = "vera." + UUID.randomUUID() + "@vendor.example";
        String inviteId = scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "SERVER_EMAIL",
                "email", email))
                .then().statusCode(201).body("emailQueued", equalTo(true)).extract().path("inviteId");
        String onTheTopic = read(Topics.INVITE_EMAILS, scene.story().account.toString()).stream().map(ConsumerRecord::value)
                .filter(value -> json(value).path("inviteId").asText().equals(inviteId)).findFirst().orElseThrow();
        assertFalse(onTheTopic.contains("/guest/invites/"), "INV-2: no invite URL on " + Topics.INVITE_EMAILS + ": " + onTheTopic);
        assertEquals(List.of(), InviteEmailRequest.problems(json(onTheTopic)), "the request fits its schema: " + onTheTopic);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> !TestPlatform.get().mail().inbox(email).isEmpty());
        Matcher url = Pattern.compile("https?://\\S+/guest/invites/([A-Za-z0-9_-]{43})").matcher(TestPlatform.get().mail().inbox(email).get(0).text());
        assertTrue(url.find(), "the mail has the URL");
        assertFalse(onTheTopic.contains(url.group(1)), "INV-2: nor its token, in any encoding of it on the topic");
        given().post(url.group()).then().statusCode(200);
    }

    @Test
    void SEC1_guestEndpointsAreRateLimitedPerAddressAndSayNothingAboutCodes() {
        String address = "192.0.2." + (1 + (int) (Math.random() * 200));
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 31; i++) {
            Response answer = given().header("X-Forwarded-For", address).contentType("application/json")
                    .body(Map.of("code", String.format("%09d", i), "platform", "BROWSER")).post("/guest/support-sessions/join");
            if (answer.statusCode() == 429) {
                refused++;
                retryAfter = answer.header("Retry-After");
                answer.then().body("rule", equalTo("SEC-1")).body("detail", not(containsString(String.format("%09d", i))));
            } else {
                answer.then().statusCode(404).body("rule", equalTo("SUP-2"));
            }
        }
        // SUP-2: past 20 wrong codes from an address in an hour each is refused, and the 31st attempt in a minute whatever it tries
        assertEquals(11, refused, "the 21st to 31st attempts are refused");
        assertNotNull(retryAfter);
        given().header("X-Forwarded-For", address).post("/guest/invites/whatever").then().statusCode(429);
        given().header("X-Forwarded-For", address + "1").post("/guest/invites/whatever").then().statusCode(404);
    }

    @Test
    void SEC1_guestEndpointsAreRateLimitedPerSessionWhateverTheAddresses() {
        Scene scene = scene(false);
        String url = scene.copyUrl(Tokens.DEMO_ADMIN, "Vera");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            statuses.add(given().header("X-Forwarded-For", "198.18." + (i / 200) + "." + (1 + i % 200)).post(url).statusCode());
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(59, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(429, statuses.get(60), "the 61st attempt on one session in a minute is refused");
    }

    @Test
    void SEC2_malformedJsonAndUnknownFieldsAreRefusedNamingThemAndChangeNothing() {
        Scene scene = scene(false);
        long before = events(scene.session());
        as(Tokens.DEMO_ADMIN, scene.consistency()).body("{\"policyId\": ").post(scene.session() + "/invites").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("rule", equalTo("SEC-2"));
        as(Tokens.DEMO_ADMIN, scene.consistency()).body(Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "COPY_URL",
                "permissions", List.of("FILE_TRANSFER"))).post(scene.session() + "/invites").then().statusCode(400)
                .body("rule", equalTo("SEC-2")).body("errors[0].field", equalTo("permissions"));
        as(Tokens.DEMO_ADMIN, scene.consistency()).body(Map.of("toMemberId", "not-a-uuid")).post(scene.session() + "/handover").then().statusCode(400)
                .body("errors[0].field", equalTo("toMemberId"));
        given().contentType("application/json").body("{\"code\": 12, \"platform\": [\"MAC\"]}").post("/guest/support-sessions/join")
                .then().statusCode(400).body("rule", equalTo("SEC-2"));
        assertEquals(before, events(scene.session()));
    }

    @Test
    void SEC2_aSixtyKilobyteAddressIsRefusedForItsLengthNamingTheFieldBeforeAnyPatternLooksAtIt() {
        Scene scene = scene(false);
        long before = events(scene.session());
        // many dots and a late failure: what cost a backtracking pattern seconds of the event loop
        String address = "a@" + ".".repeat(60_000) + "@";
        scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "LOCAL_EMAIL", "email", address))
                .then().statusCode(422).body("rule", equalTo("SEC-2")).body("errors[0].field", equalTo("email"));
        scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", "V".repeat(60_000), "delivery", "COPY_URL"))
                .then().statusCode(422).body("rule", equalTo("SEC-2")).body("errors[0].field", equalTo("externalName"));
        scene.invite(Tokens.DEMO_ADMIN, Map.of("policyId", scene.vendor().toString(), "externalName", "Vera", "delivery", "LOCAL_EMAIL",
                "email", "a@" + ".".repeat(240) + "@"))
                .then().statusCode(422).body("rule", equalTo("INV-1")).body("errors[0].field", equalTo("email"));
        assertEquals(before, events(scene.session()), "refused invites append nothing");
    }

    @Test
    void PRM4_whenThePermissionServiceCannotAnswerNothingIsAllowedAndTheErrorIsRetryable() {
        Scene scene = scene(false);
        String unapplied = "account-events." + scene.story().account + "." + Long.MAX_VALUE / 2;
        as(Tokens.DEMO_ADMIN, unapplied).body(Map.of("clientVersion", "2.4.0")).post(SupportSessionApiTest.sessions(scene.story())).then().statusCode(503)
                .header("Retry-After", notNullValue()).body("rule", equalTo("PRM-4")).body("detail", containsString("retry"));
        long before = events(scene.session());
        FaultProxy permissions = TestPlatform.proxyTo(Platform.Service.PERMISSION);
        permissions.refuse();
        try {
            as(Tokens.DEMO_ADMIN, scene.consistency()).post(scene.session() + "/end").then().statusCode(503).header("Retry-After", notNullValue())
                    .body("detail", containsString("nothing is allowed"));
        } finally {
            permissions.pass();
        }
        assertEquals(before, events(scene.session()));
    }

    @Test
    void PRM4_anAnswerTrickledOneByteAtATimeIsCutAtTheDeadlineOfTheWholeCallAndNothingIsAllowed() {
        Scene scene = scene(false);
        long before = events(scene.session());
        FaultProxy permissions = TestPlatform.proxyTo(Platform.Service.PERMISSION);
        long trickled = permissions.trickled();
        // a byte every 200 ms: no wait between two bytes comes near the deadline, the whole answer (some hundred bytes) far beyond it
        permissions.trickle(Duration.ofMillis(200));
        try {
            as(Tokens.DEMO_ADMIN, scene.consistency()).post(scene.session() + "/end").then().statusCode(503).header("Retry-After", notNullValue())
                    .body("rule", equalTo("PRM-4")).body("detail", containsString("nothing is allowed"));
            assertTrue(permissions.trickled() > trickled, "the permission-service's answer was on its way, a byte at a time");
        } finally {
            permissions.pass();
        }
        assertEquals(before, events(scene.session()));
    }

    @Test
    void PRM4_aPermissionServiceThatKeepsFailingOpensTheCircuitWhichRefusesWithoutAskingAndClosesOnceItAnswersAgain() {
        Scene scene = scene(false);
        long before = events(scene.session());
        FaultProxy permissions = TestPlatform.proxyTo(Platform.Service.PERMISSION);
        permissions.hangUp();
        try {
            String detail = "";
            for (int tries = 0; tries < 50 && !detail.contains("circuit"); tries++) {
                detail = as(Tokens.DEMO_ADMIN, scene.consistency()).post(scene.session() + "/end").then().statusCode(503)
                        .body("rule", equalTo("PRM-4")).extract().path("detail");
            }
            assertTrue(detail.contains("circuit is open") && detail.contains("nothing is allowed"), detail);
            int accepted = permissions.accepted();
            as(Tokens.DEMO_ADMIN, scene.consistency()).post(scene.session() + "/end").then().statusCode(503).header("Retry-After", notNullValue())
                    .body("detail", containsString("circuit is open"));
            assertEquals(accepted, permissions.accepted(), "an open circuit does not ask the permission-service");
        } finally {
            permissions.pass();
        }
        assertEquals(before, events(scene.session()));
        // once its delay is over the circuit lets a call through, and the permission-service's answer closes it
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> as(Tokens.DEMO_ADMIN, scene.consistency()).post(scene.session() + "/end").statusCode() == 200);
        assertTrue(events(scene.session()) > before, "the session ended once the permission-service answered");
    }

    private long count(String sql, String value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().indefinitely().iterator().next().getLong(0);
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record of the topic with this key, from the beginning. */
    static List<ConsumerRecord<String, String>> read(String topic, String key) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", TestPlatform.get().kafka().bootstrapServers(),
                "group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(20);
            int quiet = 0;
            while (Instant.now().isBefore(deadline) && (found.isEmpty() || quiet < 3)) {
                var records = consumer.poll(Duration.ofMillis(500));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                records.forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
