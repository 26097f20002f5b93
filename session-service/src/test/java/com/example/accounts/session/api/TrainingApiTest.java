package com.example.accounts.session.api;

import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import com.example.accounts.session.infrastructure.PermissionService;
import com.example.accounts.session.training.domain.TrainingDecider;
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
import java.util.Map;
import java.util.UUID;

import static com.example.accounts.session.api.AccountStory.as;
import static com.example.accounts.session.api.AccountStory.assertSameAnswer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Training sessions over HTTP, decided with the real permission-service: TRN-1 to TRN-6. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = {@ResourceArg(name = "service", value = "session-service"),
        @ResourceArg(name = "needs", value = "permission-service,notification-service")})
class TrainingApiTest {

    @Inject
    Pool pool;

    @Inject
    PermissionService permissions;

    private static String trainings(AccountStory story) {
        return "/accounts/" + story.account + "/training-sessions";
    }

    private static Response schedule(AccountStory story, String user, String consistency, List<String> coOrganizers) {
        return as(user, consistency).body(Map.of("coOrganizerMemberIds", coOrganizers)).post(trainings(story));
    }

    @Test
    void TRN1_adminsAndStandardMembersOfATrainingAccountScheduleObserversCannot() {
        AccountStory story = AccountStory.opened("TRAINING", "MONITORING");
        story.member("MONITORING_OBSERVER", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        schedule(story, Tokens.DEMO_STANDARD, consistency, List.of()).then().statusCode(403).body("rule", equalTo("TRN-1"));
        schedule(story, Tokens.DEMO_ADMIN, consistency, List.of()).then().statusCode(201)
                .body("organizerMemberId", equalTo(story.ada.toString())).body("joinCode", matchesPattern("\\d{12}"));

        AccountStory noTraining = AccountStory.opened("REMOTE_SUPPORT");
        noTraining.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String without = noTraining.publish();
        schedule(noTraining, Tokens.DEMO_STANDARD, without, List.of()).then().statusCode(403).body("rule", equalTo("TRN-1"));
    }

    @Test
    void TRN2_coOrganizersAreMembersOfTheSameAccountWhoMayUseTrainingUnlessTheAccountTurnedThemOff() {
        AccountStory story = AccountStory.opened("TRAINING");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        UUID stranger = AccountStory.opened("TRAINING").member("STANDARD", null, "Stranger");
        schedule(story, Tokens.DEMO_ADMIN, consistency, List.of(stranger.toString())).then().statusCode(422)
                .body("rule", equalTo("TRN-2")).body("errors[0].field", equalTo("coOrganizerMemberIds"));
        schedule(story, Tokens.DEMO_ADMIN, consistency, List.of("nope")).then().statusCode(400);
        String id = schedule(story, Tokens.DEMO_ADMIN, consistency, List.of(ben.toString())).then().statusCode(201)
                .body("coOrganizerMemberIds", contains(ben.toString())).extract().path("sessionId");

        String off = story.settings(false, false).publish();
        schedule(story, Tokens.DEMO_ADMIN, off, List.of(ben.toString())).then().statusCode(422).body("rule", equalTo("TRN-2"));
        as(Tokens.DEMO_STANDARD, off).post(trainings(story) + "/" + id + "/start").then().statusCode(403).body("rule", equalTo("TRN-2"));
        as(Tokens.DEMO_ADMIN, off).post(trainings(story) + "/" + id + "/start").then().statusCode(200);
    }

    @Test
    void TRN3_organizerAndCoOrganizersRunTheSessionOnlyTheOrganizerHasTheAfterSessionFeatures() {
        AccountStory story = AccountStory.opened("TRAINING");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        String session = trainings(story) + "/" + schedule(story, Tokens.DEMO_ADMIN, consistency, List.of(ben.toString())).then().statusCode(201)
                .extract().path("sessionId");
        as(Tokens.DEMO_STANDARD, consistency).post(session + "/start").then().statusCode(200).body("started", equalTo(true));
        as(Tokens.DEMO_STANDARD, consistency).post(session + "/recording/start").then().statusCode(200).body("recording", equalTo(true));
        as(Tokens.DEMO_STANDARD, consistency).post(session + "/end").then().statusCode(200).body("ended", equalTo(true)).body("recording", equalTo(false));
        as(Tokens.DEMO_STANDARD, consistency).get(session + "/report").then().statusCode(403).body("rule", equalTo("TRN-3"));
        as(Tokens.DEMO_STANDARD, consistency).get(session + "/recordings").then().statusCode(403).body("rule", equalTo("TRN-3"));
        as(Tokens.DEMO_STANDARD, consistency).post(session + "/follow-up").then().statusCode(403).body("rule", equalTo("TRN-3"));
        as(Tokens.DEMO_ADMIN, consistency).get(session + "/recordings").then().statusCode(200).body("recordings", equalTo(1));
        as(Tokens.DEMO_ADMIN, consistency).post(session + "/follow-up").then().statusCode(200);
        as(Tokens.DEMO_ADMIN, consistency).get(session + "/report").then().statusCode(200).body("followUpSent", equalTo(true));
        as(Tokens.DEMO_ADMIN, consistency).post(session + "/recording/start").then().statusCode(410);
    }

    @Test
    void TRN1_aLimitedAdminSchedulesAndHostsTrainingSessions() {
        AccountStory story = AccountStory.opened("TRAINING");
        story.member("LIMITED_ADMIN", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        String session = trainings(story) + "/" + schedule(story, Tokens.DEMO_STANDARD, consistency, List.of()).then().statusCode(201)
                .extract().path("sessionId");
        as(Tokens.DEMO_STANDARD, consistency).post(session + "/start").then().statusCode(200).body("started", equalTo(true));
        as(Tokens.DEMO_STANDARD, consistency).post(session + "/end").then().statusCode(200);
        as(Tokens.DEMO_STANDARD, consistency).get(session + "/report").then().statusCode(200);
    }

    @Test
    void TRN3_aCoOrganizerMadeAnObserverNoLongerStartsRecordsNorEnds() {
        AccountStory story = AccountStory.opened("TRAINING", "MONITORING");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        String session = trainings(story) + "/" + schedule(story, Tokens.DEMO_ADMIN, consistency, List.of(ben.toString())).then().statusCode(201)
                .extract().path("sessionId");

        String demoted = story.event("RoleChanged", AccountStory.data().put("memberId", ben.toString()).put("from", "STANDARD")
                .put("to", "MONITORING_OBSERVER")).publish();
        as(Tokens.DEMO_STANDARD, demoted).post(session + "/start").then().statusCode(403).body("rule", equalTo("TRN-3"));
        as(Tokens.DEMO_ADMIN, demoted).post(session + "/start").then().statusCode(200);
        as(Tokens.DEMO_STANDARD, demoted).post(session + "/recording/start").then().statusCode(403).body("rule", equalTo("TRN-3"));
        as(Tokens.DEMO_STANDARD, demoted).body(Map.of("kind", "MEMBER", "id", ben.toString())).post(session + "/presenter")
                .then().statusCode(403).body("rule", equalTo("TRN-3"));
        as(Tokens.DEMO_STANDARD, demoted).post(session + "/end").then().statusCode(403).body("rule", equalTo("TRN-3"));
        as(Tokens.DEMO_ADMIN, demoted).get(session).then().statusCode(200).body("ended", equalTo(false)).body("recording", equalTo(false));
    }

    @Test
    void TRN1_TRN3_theOrganizerOfAnAccountThatLostTrainingNoLongerStartsNorReadsTheReport() {
        AccountStory story = AccountStory.opened("TRAINING", "MONITORING");
        String consistency = story.publish();
        String session = trainings(story) + "/" + schedule(story, Tokens.DEMO_ADMIN, consistency, List.of()).then().statusCode(201)
                .extract().path("sessionId");

        var changed = AccountStory.data();
        var plan = changed.putObject("plan");
        plan.putArray("modules").add("MONITORING");
        plan.putArray("seats");
        String dropped = story.event("PlanChanged", changed).publish();
        as(Tokens.DEMO_ADMIN, dropped).post(session + "/start").then().statusCode(403).body("rule", equalTo("TRN-3"));
        as(Tokens.DEMO_ADMIN, dropped).get(session + "/report").then().statusCode(403).body("rule", equalTo("TRN-3"));
        as(Tokens.DEMO_ADMIN, dropped).get(session + "/recordings").then().statusCode(403).body("rule", equalTo("TRN-3"));
    }

    @Test
    void TRN2_whileCoOrganizersAreOffNoCoOrganizerPresentsNorHasTheKeyboard() {
        AccountStory story = AccountStory.opened("TRAINING");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        String session = trainings(story) + "/" + schedule(story, Tokens.DEMO_ADMIN, consistency, List.of(ben.toString())).then().statusCode(201)
                .extract().path("sessionId");
        as(Tokens.DEMO_ADMIN, consistency).post(session + "/start").then().statusCode(200);
        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("kind", "MEMBER", "id", ben.toString())).post(session + "/presenter").then().statusCode(200)
                .body("presenter.id", equalTo(ben.toString()));

        String off = story.settings(false, false).publish();
        // Ben presents, but while co-organizers are off he is nobody in the session: he neither passes the role nor gives control
        as(Tokens.DEMO_STANDARD, off).body(Map.of("kind", "MEMBER", "id", story.ada.toString())).post(session + "/presenter")
                .then().statusCode(403).body("rule", equalTo("TRN-2"));
        as(Tokens.DEMO_STANDARD, off).body(Map.of("kind", "MEMBER", "id", story.ada.toString())).post(session + "/keyboard")
                .then().statusCode(403).body("rule", equalTo("TRN-2"));
        as(Tokens.DEMO_ADMIN, off).body(Map.of("kind", "MEMBER", "id", story.ada.toString())).post(session + "/presenter").then().statusCode(200)
                .body("presenter.id", equalTo(story.ada.toString()));
        as(Tokens.DEMO_ADMIN, off).body(Map.of("kind", "MEMBER", "id", ben.toString())).post(session + "/presenter")
                .then().statusCode(422).body("rule", equalTo("TRN-2"));
        as(Tokens.DEMO_ADMIN, off).body(Map.of("kind", "MEMBER", "id", ben.toString())).post(session + "/keyboard")
                .then().statusCode(422).body("rule", equalTo("TRN-2"));
        as(Tokens.DEMO_ADMIN, off).get(session).then().statusCode(200).body("presenter.id", equalTo(story.ada.toString())).body("keyboard", nullValue());
    }

    @Test
    void USR11_ACC6_anObserverDoesNotReadTrainingSessionsANonMemberDoesNotFindThem() {
        AccountStory story = AccountStory.opened("TRAINING", "MONITORING");
        story.member("MONITORING_OBSERVER", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        String session = trainings(story) + "/" + schedule(story, Tokens.DEMO_ADMIN, consistency, List.of()).then().statusCode(201)
                .extract().path("sessionId");
        as(Tokens.DEMO_ADMIN, consistency).get(session).then().statusCode(200).body("organizerMemberId", equalTo(story.ada.toString()));
        as(Tokens.DEMO_STANDARD, consistency).get(session).then().statusCode(403).body("rule", equalTo("USR-11"));

        AccountStory other = AccountStory.opened("TRAINING");
        String elsewhere = other.publish();
        as(Tokens.DEMO_STANDARD, elsewhere).get(trainings(other) + "/" + session.substring(session.lastIndexOf('/') + 1))
                .then().statusCode(404);
        as(Tokens.DEMO_STANDARD, elsewhere).get(trainings(other) + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void TRN4_TRN5_TRN6_participantsJoinWithNoAccountThePresenterPassesAndControlEndsWithIt() {
        AccountStory story = AccountStory.opened("TRAINING");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        Response scheduled = schedule(story, Tokens.DEMO_ADMIN, consistency, List.of(ben.toString()));
        String session = trainings(story) + "/" + scheduled.then().statusCode(201).extract().path("sessionId");
        String code = scheduled.path("joinCode");
        given().get(scheduled.path("joinUrl").toString()).then().statusCode(200).body("code", equalTo(code)).body("body.name", notNullValue());

        given().header("X-Forwarded-For", "198.51.100.7").contentType("application/json").body(Map.of("code", "000000000", "name", "Pia"))
                .post("/guest/training-sessions/join").then().statusCode(404).body("rule", equalTo("TRN-6"));
        Response pia = given().header("X-Forwarded-For", "198.51.100.7").contentType("application/json").body(Map.of("code", code, "name", "Pia"))
                .post("/guest/training-sessions/join");
        pia.then().statusCode(200);
        String participant = pia.path("participantId");
        String key = pia.path("guestKey");
        given().header("Guest-Key", key).get("/guest/training-sessions/me").then().statusCode(200)
                .body("may", hasItems("VIEW_PRESENTER_SCREEN", "CHAT", "DRAWING_TOOLS", "VIEW_PARTICIPANT_LIST"))
                .body("participants." + participant, equalTo("Pia"));

        as(Tokens.DEMO_ADMIN, consistency).post(session + "/start").then().statusCode(200)
                .body("presenter.kind", equalTo("MEMBER")).body("presenter.id", equalTo(story.ada.toString()));
        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("kind", "MEMBER", "id", UUID.randomUUID().toString())).post(session + "/presenter")
                .then().statusCode(422).body("rule", equalTo("TRN-4"));
        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("kind", "PARTICIPANT", "id", participant)).post(session + "/presenter").then().statusCode(200)
                .body("presenter.id", equalTo(participant));
        // the presenter is not an organizer for it: Pia cannot end the session, but she may hand keyboard and mouse to Ben
        given().header("Guest-Key", key).contentType("application/json").body(Map.of("kind", "MEMBER", "id", ben.toString()))
                .post("/guest/training-sessions/keyboard").then().statusCode(200).body("keyboard.id", equalTo(ben.toString()));
        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("kind", "MEMBER", "id", ben.toString())).post(session + "/keyboard").then().statusCode(403)
                .body("rule", equalTo("TRN-5"));
        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("kind", "MEMBER", "id", story.ada.toString())).post(session + "/presenter").then().statusCode(200)
                .body("presenter.id", equalTo(story.ada.toString())).body("keyboard", nullValue());
        as(Tokens.DEMO_ADMIN, consistency).delete(session + "/participants/" + participant).then().statusCode(204);
        given().header("Guest-Key", key).get("/guest/training-sessions/me").then().statusCode(403).body("detail", containsString("removed"));
    }

    @Test
    void TRN2_whileCoOrganizersAreOffAPresentingParticipantNeitherPassesTheRoleNorGivesControlToACoOrganizer() {
        AccountStory story = AccountStory.opened("TRAINING");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        Response scheduled = schedule(story, Tokens.DEMO_ADMIN, consistency, List.of(ben.toString()));
        String session = trainings(story) + "/" + scheduled.then().statusCode(201).extract().path("sessionId");
        Response pia = given().header("X-Forwarded-For", "198.51.100.8").contentType("application/json")
                .body(Map.of("code", scheduled.path("joinCode"), "name", "Pia")).post("/guest/training-sessions/join");
        pia.then().statusCode(200);
        String key = pia.path("guestKey");
        as(Tokens.DEMO_ADMIN, consistency).post(session + "/start").then().statusCode(200);
        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("kind", "PARTICIPANT", "id", pia.path("participantId"))).post(session + "/presenter")
                .then().statusCode(200);

        story.settings(false, false).publish();
        // Pia has no token to ask the permission-service with: session-service keeps the setting from the account's events
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> Boolean.FALSE.equals(pool.preparedQuery("SELECT co_organizers FROM account_co_organizers WHERE account_id = $1")
                        .execute(Tuple.of(story.account)).await().indefinitely().iterator().next().getBoolean(0)));
        given().header("Guest-Key", key).contentType("application/json").body(Map.of("kind", "MEMBER", "id", ben.toString()))
                .post("/guest/training-sessions/presenter").then().statusCode(422).body("rule", equalTo("TRN-2"));
        given().header("Guest-Key", key).contentType("application/json").body(Map.of("kind", "MEMBER", "id", ben.toString()))
                .post("/guest/training-sessions/keyboard").then().statusCode(422).body("rule", equalTo("TRN-2"));
        given().header("Guest-Key", key).contentType("application/json").body(Map.of("kind", "MEMBER", "id", story.ada.toString()))
                .post("/guest/training-sessions/keyboard").then().statusCode(200).body("keyboard.id", equalTo(story.ada.toString()));
        as(Tokens.DEMO_ADMIN, consistency).get(session).then().statusCode(200).body("presenter.id", equalTo(pia.path("participantId").toString()));
    }

    @Test
    void TRN3_aCoOrganizerMadeAnObserverIsNeitherMadePresenterNorGivenControl() {
        AccountStory story = AccountStory.opened("TRAINING", "MONITORING");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        String session = trainings(story) + "/" + schedule(story, Tokens.DEMO_ADMIN, consistency, List.of(ben.toString())).then().statusCode(201)
                .extract().path("sessionId");
        as(Tokens.DEMO_ADMIN, consistency).post(session + "/start").then().statusCode(200);

        String demoted = story.event("RoleChanged", AccountStory.data().put("memberId", ben.toString()).put("from", "STANDARD")
                .put("to", "MONITORING_OBSERVER")).publish();
        as(Tokens.DEMO_ADMIN, demoted).body(Map.of("kind", "MEMBER", "id", ben.toString())).post(session + "/presenter")
                .then().statusCode(422).body("rule", equalTo("TRN-3"));
        as(Tokens.DEMO_ADMIN, demoted).body(Map.of("kind", "MEMBER", "id", ben.toString())).post(session + "/keyboard")
                .then().statusCode(422).body("rule", equalTo("TRN-3"));
        as(Tokens.DEMO_ADMIN, demoted).get(session).then().statusCode(200).body("presenter.id", equalTo(story.ada.toString()))
                .body("keyboard", nullValue());
    }
    @Test
    void TRN2_SEC2_coOrganizersAreBoundedTheCallerIsJudgedFirstAndThePermissionServiceIsAskedOnce() {
        AccountStory story = AccountStory.opened("TRAINING");
        story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        List<String> fifty = new ArrayList<>();
        for (int i = 0; i < TrainingDecider.MAX_CO_ORGANIZERS; i++) {
            fifty.add(story.member("STANDARD", null, "Co" + i).toString());
        }
        String consistency = story.publish();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }

        // too long a list is refused before anything is asked, scheduling or changing
        long before = permissions.requests();
        schedule(story, Tokens.DEMO_ADMIN, consistency, tooMany).then().statusCode(422)
                .body("rule", equalTo("SEC-2")).body("errors[0].field", equalTo("coOrganizerMemberIds"));
        assertEquals(before, permissions.requests(), "nothing asked of an over-long list");

        before = permissions.requests();
        String session = trainings(story) + "/" + schedule(story, Tokens.DEMO_ADMIN, consistency, fifty).then().statusCode(201)
                .body("coOrganizerMemberIds", hasSize(TrainingDecider.MAX_CO_ORGANIZERS)).extract().path("sessionId");
        assertEquals(3, permissions.requests() - before, "may schedule, the settings, and the fifty co-organizers in one question");

        before = permissions.requests();
        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("coOrganizerMemberIds", tooMany)).put(session + "/co-organizers").then().statusCode(422)
                .body("rule", equalTo("SEC-2")).body("errors[0].field", equalTo("coOrganizerMemberIds"));
        assertEquals(before, permissions.requests(), "nothing asked of an over-long list");

        // Ben may host, but is not this session's organizer: refused for that, before any id is asked about
        before = permissions.requests();
        as(Tokens.DEMO_STANDARD, consistency).body(Map.of("coOrganizerMemberIds", fifty)).put(session + "/co-organizers").then().statusCode(403)
                .body("rule", equalTo("TRN-2"));
        assertEquals(2, permissions.requests() - before, "may Ben host, the settings, and no question per id");

        before = permissions.requests();
        List<String> withAStranger = new ArrayList<>(fifty.subList(1, fifty.size()));
        withAStranger.add(UUID.randomUUID().toString());
        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("coOrganizerMemberIds", withAStranger)).put(session + "/co-organizers").then().statusCode(422)
                .body("rule", equalTo("TRN-2")).body("errors[0].field", equalTo("coOrganizerMemberIds"));
        as(Tokens.DEMO_ADMIN, consistency).body(Map.of("coOrganizerMemberIds", fifty.subList(1, fifty.size()))).put(session + "/co-organizers")
                .then().statusCode(200).body("coOrganizerMemberIds", hasSize(TrainingDecider.MAX_CO_ORGANIZERS - 1));
        assertEquals(6, permissions.requests() - before, "each change: may host, the settings, and every co-organizer in one question");
    }

    @Test
    void ACC6_everyActionOnAnotherAccountsTrainingSessionIsAnsweredAsOnAMadeUpId() {
        AccountStory theirs = AccountStory.opened("TRAINING");
        String there = theirs.publish();
        UUID theirSession = UUID.fromString(schedule(theirs, Tokens.DEMO_ADMIN, there, List.of()).then().statusCode(201).extract().path("sessionId"));
        AccountStory mine = AccountStory.opened("TRAINING");
        String here = mine.publish();
        UUID madeUp = UUID.randomUUID();
        Map<String, Map<String, Object>> posts = Map.of("/start", Map.of(), "/end", Map.of(), "/recording/start", Map.of(),
                "/follow-up", Map.of(), "/presenter", Map.of("kind", "MEMBER", "id", mine.ada.toString()),
                "/keyboard", Map.of("kind", "MEMBER", "id", mine.ada.toString()));
        posts.forEach((action, body) -> assertSameAnswer(
                as(Tokens.DEMO_ADMIN, here).body(body).post(trainings(mine) + "/" + theirSession + action), theirSession,
                as(Tokens.DEMO_ADMIN, here).body(body).post(trainings(mine) + "/" + madeUp + action), madeUp, 404));
        assertSameAnswer(
                as(Tokens.DEMO_ADMIN, here).body(Map.of("coOrganizerMemberIds", List.of())).put(trainings(mine) + "/" + theirSession + "/co-organizers"),
                theirSession,
                as(Tokens.DEMO_ADMIN, here).body(Map.of("coOrganizerMemberIds", List.of())).put(trainings(mine) + "/" + madeUp + "/co-organizers"),
                madeUp, 404);
        for (String read : new String[]{"", "/report", "/recordings"}) {
            assertSameAnswer(as(Tokens.DEMO_ADMIN, here).get(trainings(mine) + "/" + theirSession + read), theirSession,
                    as(Tokens.DEMO_ADMIN, here).get(trainings(mine) + "/" + madeUp + read), madeUp, 404);
        }
        assertSameAnswer(as(Tokens.DEMO_ADMIN, here).delete(trainings(mine) + "/" + theirSession + "/keyboard"), theirSession,
                as(Tokens.DEMO_ADMIN, here).delete(trainings(mine) + "/" + madeUp + "/keyboard"), madeUp, 404);
        as(Tokens.DEMO_ADMIN, there).get(trainings(theirs) + "/" + theirSession).then().statusCode(200).body("started", equalTo(false));
    }
}
