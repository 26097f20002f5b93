package com.example.accounts.permission.api;

import com.example.accounts.contract.Topics;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Scraped;
import com.example.accounts.launcher.Tokens;
import com.example.accounts.permission.projection.AccountViewCache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import static com.example.accounts.permission.api.Story.as;
import static com.example.accounts.permission.api.Story.data;
import static com.example.accounts.permission.api.Story.loginOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queries of the read model, over HTTP with real Keycloak tokens, fed through the real Kafka. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "permission-service"))
class CheckApiTest {

    @Inject
    AccountViewCache views;

    private static String checks(Story story) {
        return "/accounts/" + story.account + "/checks";
    }

    @Test
    void readinessNamesTheDatabaseKafkaAndTheProjection() {
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Reactive PostgreSQL connections health check' }.status", equalTo("UP"))
                .body("checks.name", hasItem("projection"));
    }

    @Test
    void PRM2_PRM4_theAdminMayManageMembersAStandardMemberMayNot() {
        Story story = Story.opened();
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();

        as(Tokens.DEMO_ADMIN).header("Consistency-Token", consistency).queryParam("permission", "members.manage").get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true)).body("reasons[0]", containsString("role ADMIN"));
        as(Tokens.DEMO_ADMIN).queryParam("consistency", consistency).queryParam("permission", "members.manage").queryParam("member", ben.toString())
                .get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(false)).body("missing", hasItem("role ADMIN"));
        as(Tokens.DEMO_STANDARD).queryParam("consistency", consistency).queryParam("permission", "members.manage").queryParam("member", "me")
                .get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(false)).body("memberId", equalTo(ben.toString()));
    }

    @Test
    void SEAT3_SEAT5_FEAT1_moduleAndFeatureChecksFollowThePlanTheSeatsAndTheFeaturesProjected() {
        Story story = Story.opened("REMOTE_SUPPORT", "TRAINING");
        String beforeSeat = story.publish();
        as(Tokens.DEMO_ADMIN).queryParam("consistency", beforeSeat).queryParam("permission", "module.remote-support").get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(false)).body("missing", hasItem("a REMOTE_SUPPORT seat"));
        as(Tokens.DEMO_ADMIN).queryParam("consistency", beforeSeat).queryParam("permission", "training.session.host").get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true));

        String afterSeat = story.seat(story.ada, "REMOTE_SUPPORT").publish();
        as(Tokens.DEMO_ADMIN).queryParam("consistency", afterSeat).queryParam("permission", "support.remote-control").get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true)).body("reasons", hasItem("a REMOTE_SUPPORT seat (SEAT-3)"));
    }

    @Test
    void CMP2_SUP3_resourceChecksFollowCompanyAccessAndTheDevicesCompany() {
        Story story = Story.opened("REMOTE_SUPPORT", "MONITORING");
        UUID north = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        UUID server = UUID.randomUUID();
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        story.event("CompanyAdded", data().put("companyId", north.toString()).put("name", "North"))
                .event("CompanyAdded", data().put("companyId", south.toString()).put("name", "South"))
                .event("DeviceAdded", data().put("deviceId", server.toString()).put("name", "srv").put("companyId", south.toString()).putNull("deviceGroupId"))
                .seat(ben, "REMOTE_SUPPORT");
        var access = data().put("memberId", ben.toString());
        access.putObject("companyAccess").put("all", false).putArray("companies").add(north.toString());
        story.event("CompanyAccessChanged", access);
        var features = data().put("memberId", ben.toString());
        features.putArray("supportFeatures").add("UNATTENDED_ACCESS");
        String consistency = story.event("SupportFeaturesChanged", features).publish();

        as(Tokens.DEMO_STANDARD).queryParam("consistency", consistency).queryParam("permission", "monitoring.view")
                .queryParam("resource", "company:" + north).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true)).body("resource", equalTo("company:" + north));
        as(Tokens.DEMO_STANDARD).queryParam("permission", "support.unattended").queryParam("resource", "device:" + server).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(false)).body("missing", contains("access to company " + south));

        // CMP-2: removing North leaves Ben's list empty: no company at all, never all of them
        String removed = story.event("CompanyRemoved", data().put("companyId", north.toString())).publish();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", removed).queryParam("permission", "monitoring.view").get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(false)).body("missing", contains("access to a company"));
    }

    @Test
    void SUP4_SUP6_TRN3_sessionEventsDecideWhoActsInASession() {
        Story story = Story.opened("REMOTE_SUPPORT", "TRAINING");
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        story.seat(ben, "REMOTE_SUPPORT").seat(story.ada, "REMOTE_SUPPORT");
        var features = data().put("memberId", ben.toString());
        features.putArray("supportFeatures").add("REMOTE_CONTROL");
        story.event("SupportFeaturesChanged", features);
        UUID support = UUID.randomUUID();
        UUID training = UUID.randomUUID();
        story.sessionEvent(support, "SupportSessionStarted", data().put("sessionId", support.toString()).put("ownerMemberId", ben.toString())
                .putNull("companyId").putNull("deviceId"));
        var scheduled = data().put("sessionId", training.toString()).put("organizerMemberId", story.ada.toString());
        scheduled.putArray("coOrganizerMemberIds").add(ben.toString());
        story.sessionEvent(training, "TrainingSessionScheduled", scheduled);
        story.publish();

        as(Tokens.DEMO_STANDARD).queryParam("consistency", story.sessionToken()).queryParam("permission", "support.remote-control")
                .queryParam("resource", "session:" + support).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true));
        as(Tokens.DEMO_STANDARD).queryParam("permission", "training.session.host").queryParam("resource", "session:" + training).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true)).body("reasons", hasItem("a co-organizer of the session (TRN-2, TRN-3)"));
        as(Tokens.DEMO_STANDARD).queryParam("permission", "reports.view").queryParam("resource", "session:" + training).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(false));

        story.sessionEvent(support, "SupportSessionHandedOver", data().put("sessionId", support.toString())
                .put("fromMemberId", ben.toString()).put("toMemberId", story.ada.toString())).publish();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", story.sessionToken()).queryParam("permission", "support.remote-control")
                .queryParam("resource", "session:" + support).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(false)).body("missing", hasItem("owning the session"));
    }

    @Test
    void REP1_theTechnicianWhoHandedASessionOverKeepsItsReportAndAccountReportsAreTheFullAdmins() {
        Story story = Story.opened("REMOTE_SUPPORT");
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        UUID cleo = story.member("STANDARD", null, "Cleo");
        UUID dan = story.member("STANDARD", null, "Dan");
        story.seat(ben, "REMOTE_SUPPORT").seat(cleo, "REMOTE_SUPPORT").seat(dan, "REMOTE_SUPPORT");
        UUID support = UUID.randomUUID();
        story.sessionEvent(support, "SupportSessionStarted", data().put("sessionId", support.toString()).put("ownerMemberId", ben.toString())
                .putNull("companyId").putNull("deviceId"));
        story.sessionEvent(support, "SupportSessionHandedOver", data().put("sessionId", support.toString())
                .put("fromMemberId", ben.toString()).put("toMemberId", cleo.toString()));
        story.sessionEvent(support, "SupportSessionEnded", data().put("sessionId", support.toString()));
        story.publish();
        String consistency = story.sessionToken();

        as(Tokens.DEMO_STANDARD).queryParam("consistency", consistency).queryParam("permission", "reports.view")
                .queryParam("resource", "session:" + support).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true)).body("reasons", hasItem(containsString("worked support session")));
        as(Tokens.DEMO_STANDARD).queryParam("permission", "reports.view").get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(false)).body("missing", hasItem("role ADMIN"));
        for (UUID member : List.of(cleo, dan)) {
            as(Tokens.DEMO_ADMIN).queryParam("permission", "reports.view").queryParam("member", member.toString())
                    .queryParam("resource", "session:" + support).get(checks(story))
                    .then().statusCode(200).body("allowed", equalTo(member.equals(cleo)));
        }
        // Ada holds no REMOTE_SUPPORT seat and never worked it: account reports are the full admins'
        as(Tokens.DEMO_ADMIN).queryParam("permission", "reports.view").queryParam("resource", "session:" + support).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true));
        as(Tokens.DEMO_ADMIN).queryParam("permission", "reports.view").get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true));
    }

    @Test
    void USR13_aLoginProjectedWithTwoMembershipsActsAsTheEarliestOne() {
        // old histories hold one login twice in an account; a choice in map order would pick the later one about half the time
        for (int i = 0; i < 6; i++) {
            boolean adminFirst = i % 2 == 0;
            Story story = Story.opened();
            UUID earlier = story.member(adminFirst ? "ADMIN" : "STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
            UUID later = story.member(adminFirst ? "STANDARD" : "ADMIN", loginOf(Tokens.DEMO_STANDARD), "Benjamin");
            String consistency = story.publish();
            as(Tokens.DEMO_STANDARD).queryParam("consistency", consistency).queryParam("permission", "members.manage")
                    .queryParam("resource", "member:" + story.ada).get(checks(story))
                    .then().statusCode(200).body("memberId", equalTo(earlier.toString())).body("allowed", equalTo(adminFirst));
            // USR-8: the later membership is the same person's: never a way to change their own role
            as(Tokens.DEMO_STANDARD).queryParam("permission", "members.manage").queryParam("resource", "member:" + later).get(checks(story))
                    .then().statusCode(200).body("memberId", equalTo(earlier.toString())).body("allowed", equalTo(false));
        }
    }

    @Test
    void CC7_whatALoggedInAgentMayDoIsWhatWasFixedAtLoginUntilTheyLogOut() {
        Story story = Story.opened("CONTACT_CENTER");
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        UUID queue = UUID.randomUUID();
        UUID logins = UUID.randomUUID();
        story.seat(ben, "CONTACT_CENTER")
                .event("ContactCenterRoleAssigned", data().put("memberId", ben.toString()).put("role", "AGENT"))
                .event("QueueCreated", data().put("queueId", queue.toString()).put("name", "Billing"));
        var login = data().put("queueId", queue.toString()).put("agentMemberId", ben.toString()).put("byMemberId", ben.toString());
        login.putArray("permissions");
        story.sessionEvent(logins, "AgentLoggedIntoQueue", login).publish();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", story.sessionToken()).queryParam("permission", "cc.labels.create")
                .queryParam("resource", "queue:" + queue).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(false));

        // an admin turns CREATE_CUSTOM_LABELS on for AGENT: it reaches Ben at his next login, not while he is logged in
        var granted = data().put("role", "AGENT");
        granted.putArray("permissions").add("CREATE_CUSTOM_LABELS");
        String changed = story.event("ContactCenterRolePermissionsChanged", granted).publish();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", changed).queryParam("permission", "cc.labels.create")
                .queryParam("resource", "queue:" + queue).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(false)).body("reasons", hasItem(containsString("login into queue " + queue)));
        as(Tokens.DEMO_STANDARD).queryParam("permission", "cc.labels.create").get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true));

        story.sessionEvent(logins, "AgentLoggedOutOfQueue", data().put("queueId", queue.toString()).put("agentMemberId", ben.toString())
                .put("byMemberId", ben.toString()));
        var again = data().put("queueId", queue.toString()).put("agentMemberId", ben.toString()).put("byMemberId", ben.toString());
        again.putArray("permissions").add("CREATE_CUSTOM_LABELS");
        story.sessionEvent(logins, "AgentLoggedIntoQueue", again).publish();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", story.sessionToken()).queryParam("permission", "cc.labels.create")
                .queryParam("resource", "queue:" + queue).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true)).body("reasons", hasItem(containsString("login into queue " + queue)));
    }

    @Test
    void PRM2_upTo100ChecksAtOnceAnsweredInOrderAndTheHundredAndFirstIsA422() {
        Story story = Story.opened("TRAINING");
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(i % 2 == 0 ? Map.of("permission", "billing.change") : Map.of("permission", "training.session.host", "member", ben.toString()));
        }
        as(Tokens.DEMO_ADMIN).contentType(ContentType.JSON).header("Consistency-Token", consistency).body(Map.of("checks", many)).post(checks(story))
                .then().statusCode(200).body("results", hasSize(100))
                .body("results[0].allowed", equalTo(true)).body("results[0].permission", equalTo("billing.change"))
                .body("results[1].memberId", equalTo(ben.toString())).body("results[1].allowed", equalTo(true));

        many.add(Map.of("permission", "billing.change"));
        as(Tokens.DEMO_ADMIN).contentType(ContentType.JSON).body(Map.of("checks", many)).post(checks(story))
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("PRM-2"))
                .body("errors[0].field", equalTo("checks")).body("errors[0].message", containsString("at most 100"));
        as(Tokens.DEMO_ADMIN).contentType(ContentType.JSON).body(Map.of("checks", List.of())).post(checks(story))
                .then().statusCode(422).body("errors[0].field", equalTo("checks"));
        as(Tokens.DEMO_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("checks", List.of(Map.of("permission", "billing.change", "resource", "queue:" + UUID.randomUUID()))))
                .post(checks(story))
                .then().statusCode(400).body("errors[0].field", equalTo("checks[0].resource"));
        as(Tokens.DEMO_ADMIN).contentType(ContentType.JSON).body("{\"checks\": [{\"permission\": \"billing.change\", \"as\": \"root\"}]}").post(checks(story))
                .then().statusCode(400);
    }

    @Test
    void PRM3_effectivePermissionsAndThePagedHoldersOfAPermission() {
        Story story = Story.opened("TRAINING");
        List<UUID> standard = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            standard.add(story.member("STANDARD", "login-" + UUID.randomUUID(), "Member" + i));
        }
        story.member("MONITORING_OBSERVER", "login-" + UUID.randomUUID(), "Olga");
        String consistency = story.publish();

        as(Tokens.DEMO_ADMIN).queryParam("consistency", consistency).get("/accounts/" + story.account + "/members/me/permissions")
                .then().statusCode(200).body("memberId", equalTo(story.ada.toString()))
                .body("permissions.permission", hasItem("billing.change")).body("permissions.permission", hasItem("training.session.host"));

        List<String> holders = new ArrayList<>();
        String after = null;
        do {
            var request = as(Tokens.DEMO_ADMIN).queryParam("permission", "training.session.schedule").queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.get("/accounts/" + story.account + "/holders").then().statusCode(200).extract().jsonPath();
            holders.addAll(page.getList("items.memberId"));
            after = page.getString("next");
        } while (after != null);
        List<String> expected = new ArrayList<>(standard.stream().map(UUID::toString).toList());
        expected.add(story.ada.toString());
        expected.sort(null);
        org.junit.jupiter.api.Assertions.assertEquals(expected, holders, "TRN-1: admins and standard members, not the observer, each once");
    }

    @Test
    void PRM1_anEventDeliveredTwiceTakesEffectOnce() {
        Story story = Story.opened();
        story.publish();
        Story.KAFKA.publish(story.last());
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        Story.KAFKA.publish(story.last());

        as(Tokens.DEMO_ADMIN).header("Consistency-Token", consistency).queryParam("permission", "training.session.host")
                .get("/accounts/" + story.account + "/holders")
                .then().statusCode(200).body("items", hasSize(0));
        as(Tokens.DEMO_ADMIN).queryParam("permission", "profile.manage-own").get("/accounts/" + story.account + "/holders")
                .then().statusCode(200).body("items.memberId", hasSize(2)).body("items.memberId", hasItem(ben.toString()));
    }

    @Test
    void PRM4_aTokenNotAppliedWithinTheBoundIsARetryable503NeverAStaleAnswer() {
        Story story = Story.opened();
        story.publish();
        String never = "account-events." + story.account + "." + (story.last().position() + 1_000);

        as(Tokens.DEMO_ADMIN).header("Consistency-Token", never).queryParam("permission", "members.manage").get(checks(story))
                .then().statusCode(503).header("Retry-After", "1").contentType("application/problem+json").body("rule", equalTo("PRM-4"));
    }

    @Test
    void ACC6_aCallerOutsideTheAccountGets404AndAnObserverCannotAskAboutOthers() {
        Story story = Story.opened("MONITORING");
        UUID olga = story.member("MONITORING_OBSERVER", loginOf(Tokens.DEMO_STANDARD), "Olga");
        String consistency = story.publish();

        as(Tokens.DEMO_OPERATOR).header("Consistency-Token", consistency).queryParam("permission", "members.manage").get(checks(story))
                .then().statusCode(404).body("rule", equalTo("ACC-6"));
        as(Tokens.DEMO_STANDARD).queryParam("permission", "members.manage").queryParam("member", story.ada.toString()).get(checks(story))
                .then().statusCode(403).body("rule", equalTo("USR-11"));
        as(Tokens.DEMO_STANDARD).queryParam("permission", "module.monitoring").get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true)).body("memberId", equalTo(olga.toString()));
        as(Tokens.DEMO_STANDARD).queryParam("permission", "module.monitoring").get("/accounts/" + story.account + "/holders")
                .then().statusCode(403);
        given().queryParam("permission", "members.manage").get(checks(story)).then().statusCode(401);
    }

    @Test
    void USR11_SEAT3_observersReadNoSessionSettingsNorSecurityPoliciesTechniciansDo() {
        Story observed = Story.opened("MONITORING", "REMOTE_SUPPORT");
        observed.member("MONITORING_OBSERVER", loginOf(Tokens.DEMO_STANDARD), "Olga");
        observed.policy("Escalation", true, "VIEW_SCREEN", "CHAT");
        String consistency = observed.publish();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", consistency).get("/accounts/" + observed.account + "/session-settings")
                .then().statusCode(403).contentType("application/problem+json").body("rule", equalTo("USR-11"));

        Story worked = Story.opened("REMOTE_SUPPORT");
        worked.seat(worked.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben"), "REMOTE_SUPPORT");
        worked.policy("Escalation", true, "VIEW_SCREEN", "CHAT");
        String published = worked.publish();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", published).get("/accounts/" + worked.account + "/session-settings")
                .then().statusCode(200).body("securityPolicies.name", hasItem("Escalation")).body("coOrganizers", equalTo(true));
    }

    @Test
    void SEC2_anUnknownPermissionAResourceOfAnotherKindOrAMalformedTokenIsNamed() {
        String anywhere = "/accounts/" + UUID.randomUUID() + "/checks";
        as(Tokens.DEMO_ADMIN).queryParam("permission", "launch.rockets").get(anywhere)
                .then().statusCode(400).body("errors[0].field", equalTo("permission"));
        as(Tokens.DEMO_ADMIN).queryParam("permission", "members.manage").queryParam("consistency", "yesterday").get(anywhere)
                .then().statusCode(400).body("errors[0].field", equalTo("consistency"));
        as(Tokens.DEMO_ADMIN).queryParam("permission", "cc.queue.login").queryParam("resource", "company:" + UUID.randomUUID()).get(anywhere)
                .then().statusCode(400).body("errors[0].field", equalTo("resource")).body("errors[0].message", containsString("[queue]"));
        as(Tokens.DEMO_ADMIN).queryParam("permission", "cc.queue.login").queryParam("resource", "queue:42").get(anywhere)
                .then().statusCode(400).body("errors[0].field", equalTo("resource"));
        as(Tokens.DEMO_ADMIN).queryParam("permission", "members.manage")
                .queryParam("consistency", "account-events." + UUID.randomUUID() + ".3").get(anywhere)
                .then().statusCode(400).body("errors[0].message", containsString("names account"));
    }

    @Test
    void PRM4_theAccountsReadModelStatusShowsItsPositions() {
        Story story = Story.opened();
        String consistency = story.publish();
        long applied = as(Tokens.DEMO_ADMIN).queryParam("consistency", consistency).get("/accounts/" + story.account + "/read-model")
                .then().statusCode(200).body("stale", equalTo(false)).body("staleBecause", nullValue())
                .extract().jsonPath().getLong("positions.'account-events'");
        org.junit.jupiter.api.Assertions.assertEquals(story.last().position(), applied);
    }

    /** Every query of an account, as one caller asks it with a consistency token. */
    private static final List<BiFunction<RequestSpecification, UUID, Response>> QUERIES = List.of(
            (r, a) -> r.queryParam("permission", "members.manage").get("/accounts/" + a + "/checks"),
            (r, a) -> r.contentType(ContentType.JSON).body(Map.of("checks", List.of(Map.of("permission", "billing.change"))))
                    .post("/accounts/" + a + "/checks"),
            (r, a) -> r.get("/accounts/" + a + "/members/me/permissions"),
            (r, a) -> r.queryParam("permission", "members.manage").get("/accounts/" + a + "/holders"),
            (r, a) -> r.get("/accounts/" + a + "/session-settings"),
            (r, a) -> r.get("/accounts/" + a + "/read-model"));

    @Test
    void ACC6_aNonMemberWithAConsistencyTokenGetsForARealAccountWhatAMadeUpOneGetsAndAtOnce() {
        Story theirs = Story.opened("TRAINING");
        theirs.publish();
        Story mine = Story.opened();
        mine.member("ADMIN", loginOf(Tokens.DEMO_STANDARD), "Ben");
        as(Tokens.DEMO_STANDARD).queryParam("consistency", mine.publish()).queryParam("permission", "members.manage")
                .get(checks(mine)).then().statusCode(200);
        UUID madeUp = UUID.randomUUID();
        long applied = theirs.last().position();

        for (var query : QUERIES) {
            long started = System.nanoTime();
            Response real = query.apply(as(Tokens.DEMO_STANDARD).header("Consistency-Token", Topics.ACCOUNT_EVENTS + "." + theirs.account + "." + applied),
                    theirs.account);
            Response fake = query.apply(as(Tokens.DEMO_STANDARD).header("Consistency-Token", Topics.ACCOUNT_EVENTS + "." + madeUp + "." + applied), madeUp);
            Duration both = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(404, real.statusCode(), real.asString());
            assertEquals(real.statusCode(), fake.statusCode(), fake.asString());
            assertEquals(real.asString().replace(theirs.account.toString(), "{id}"), fake.asString().replace(madeUp.toString(), "{id}"));
            assertTrue(both.compareTo(Duration.ofSeconds(2)) < 0, "no wait for either, took " + both);
        }

        // a position nobody has applied: both wait the whole bound, side by side, and answer the same retryable 503
        long never = applied + 1_000_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var real = CompletableFuture.supplyAsync(() -> QUERIES.get(0).apply(as(Tokens.DEMO_STANDARD)
                    .header("Consistency-Token", Topics.ACCOUNT_EVENTS + "." + theirs.account + "." + never), theirs.account), pool);
            var fake = CompletableFuture.supplyAsync(() -> QUERIES.get(0).apply(as(Tokens.DEMO_STANDARD)
                    .header("Consistency-Token", Topics.ACCOUNT_EVENTS + "." + madeUp + "." + never), madeUp), pool);
            assertEquals(503, real.join().statusCode());
            assertEquals(real.join().asString().replace(theirs.account.toString(), "{id}"), fake.join().asString().replace(madeUp.toString(), "{id}"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ACC6_anOutsiderOfAnAccountHeldInMemoryCostsTheReadingAMadeUpIdCosts() {
        Story theirs = Story.opened("TRAINING");
        // its member's question puts its view in memory, as its members' questions keep it there; a view loaded just
        // after the projector's commit and before its notification arrives is dropped by that notification, so the
        // member asks again until the view stays
        String consistency = theirs.publish();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            as(Tokens.DEMO_ADMIN).queryParam("consistency", consistency).queryParam("permission", "members.manage").get(checks(theirs))
                    .then().statusCode(200);
            return views.holds(theirs.account);
        });

        long before = views.loads() + views.outsiderReads();
        as(Tokens.DEMO_STANDARD).queryParam("permission", "members.manage").get(checks(theirs)).then().statusCode(404);
        long real = views.loads() + views.outsiderReads() - before;
        before = views.loads() + views.outsiderReads();
        as(Tokens.DEMO_STANDARD).queryParam("permission", "members.manage").get("/accounts/" + UUID.randomUUID() + "/checks").then().statusCode(404);
        long madeUp = views.loads() + views.outsiderReads() - before;
        assertEquals(1, madeUp, "a made-up id is looked for in the database");
        assertEquals(madeUp, real, "the outsider of an account held in memory waits for the same reading, not for none");
    }

    @Test
    void PRM4_ACC6_whoOpenedAnAccountNotYetAppliedWaitsForItsTokenAndIsAnsweredAsItsMember() {
        Story story = Story.opened();
        String opened = story.last().token(Topics.ACCOUNT_EVENTS).toString();
        int before = views.waiting();
        var asked = CompletableFuture.supplyAsync(() -> as(Tokens.DEMO_ADMIN).header("Consistency-Token", opened)
                .queryParam("permission", "members.manage").get(checks(story)));
        awaitWaiting(before + 1);
        story.publish();
        asked.join().then().statusCode(200).body("memberId", equalTo(story.ada.toString())).body("allowed", equalTo(true));
    }

    @Test
    void PRM4_waitersCostOneReloadPerAppliedChangeNotOnePerWaiterAndPoll() {
        Story story = Story.opened();
        as(Tokens.DEMO_ADMIN).queryParam("consistency", story.publish()).queryParam("permission", "members.manage").get(checks(story))
                .then().statusCode(200);
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        String pending = story.last().token(Topics.ACCOUNT_EVENTS).toString();
        long loads = views.loads();
        int before = views.waiting();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<CompletableFuture<Response>> members = new ArrayList<>();
            List<CompletableFuture<Response>> outsiders = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                members.add(CompletableFuture.supplyAsync(() -> as(Tokens.DEMO_ADMIN).header("Consistency-Token", pending)
                        .queryParam("permission", "members.manage").queryParam("member", ben.toString()).get(checks(story)), pool));
                outsiders.add(CompletableFuture.supplyAsync(() -> as(Tokens.DEMO_OPERATOR).header("Consistency-Token", pending)
                        .queryParam("permission", "members.manage").get(checks(story)), pool));
            }
            awaitWaiting(before + 40);
            story.publish();
            members.forEach(answer -> answer.join().then().statusCode(200).body("memberId", equalTo(ben.toString())));
            outsiders.forEach(answer -> answer.join().then().statusCode(404).body("rule", equalTo("ACC-6")));
        } finally {
            pool.shutdownNow();
        }
        long reloads = views.loads() - loads;
        assertTrue(reloads <= 2, "one change applied, so one reload of the account for all 40 waiters, not " + reloads);
    }

    @Test
    void REP1_SUP5_endedSessionsStayOutOfTheAccountsViewAndAreAnsweredWhenACheckNamesOne() {
        Story story = Story.opened("REMOTE_SUPPORT");
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        story.seat(ben, "REMOTE_SUPPORT").features(ben, "REMOTE_CONTROL");
        List<UUID> ended = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            UUID session = UUID.randomUUID();
            story.sessionEvent(session, "SupportSessionStarted", data().put("sessionId", session.toString()).put("ownerMemberId", ben.toString())
                    .putNull("companyId").putNull("deviceId"));
            story.sessionEvent(session, "SupportSessionEnded", data().put("sessionId", session.toString()));
            ended.add(session);
        }
        UUID active = UUID.randomUUID();
        story.sessionEvent(active, "SupportSessionStarted", data().put("sessionId", active.toString()).put("ownerMemberId", ben.toString())
                .putNull("companyId").putNull("deviceId"));
        story.publish();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", story.sessionToken()).queryParam("permission", "support.remote-control")
                .queryParam("resource", "session:" + active).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true));

        var view = views.get(story.account).await().atMost(Duration.ofSeconds(10)).orElseThrow().view();
        assertEquals(1, view.sessions().size(), "the view in memory holds the sessions not ended, however many ended");
        assertEquals(Set.of(active), view.sessions().keySet());

        UUID old = ended.get(0);
        as(Tokens.DEMO_STANDARD).queryParam("permission", "reports.view").queryParam("resource", "session:" + old).get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true)).body("reasons", hasItem(containsString("worked support session " + old)));
        as(Tokens.DEMO_STANDARD).contentType(ContentType.JSON).body(Map.of("checks", List.of(
                Map.of("permission", "support.remote-control", "resource", "session:" + old),
                Map.of("permission", "support.remote-control", "resource", "session:" + active))))
                .post(checks(story))
                .then().statusCode(200).body("results[0].allowed", equalTo(false))
                .body("results[0].reasons", hasItem("support session " + old + " has ended (SUP-5)"))
                .body("results[1].allowed", equalTo(true));
    }

    /** Until this many queries wait for a consistency token in this instance. */
    private void awaitWaiting(int count) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (views.waiting() < count) {
            assertTrue(System.nanoTime() < until, "only " + views.waiting() + " of " + count + " queries are waiting");
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aCheckIsCountedByPermissionAndOutcomeItsConsistencyWaitTimedAndTheProjectionLagScrapedPerPartition() {
        Story story = Story.opened();
        String consistency = story.publish();

        Scraped before = scrape();
        as(Tokens.DEMO_ADMIN).header("Consistency-Token", consistency).queryParam("permission", "members.manage").get(checks(story))
                .then().statusCode(200).body("allowed", equalTo(true));
        as(Tokens.DEMO_ADMIN).queryParam("permission", "nonsense").get(checks(story)).then().statusCode(400);
        Scraped after = scrape();

        Map<String, String> allowed = Map.of("permission", "members.manage", "outcome", "allowed");
        assertEquals(before.sum("platform_checks_total", allowed) + 1, after.sum("platform_checks_total", allowed));
        Map<String, String> answered = Map.of("request", "single", "outcome", "answered");
        assertEquals(before.sum("platform_checks_requests_seconds_count", answered) + 1, after.sum("platform_checks_requests_seconds_count", answered));
        Map<String, String> applied = Map.of("outcome", "applied");
        assertEquals(before.sum("platform_consistency_waits_seconds_count", applied) + 1, after.sum("platform_consistency_waits_seconds_count", applied));
        assertTrue(after.has("platform_dead_letters_total"), "dead letters are counted, from 0");
        // the gauges of the live projector's partitions appear once it has polled them
        Awaitility.await().until(() -> scrape().has("platform_projection_lag", Map.of("topic", Topics.ACCOUNT_EVENTS)));
    }

    /** /q/metrics as Prometheus reads it: on the service port, without a token. */
    private static Scraped scrape() {
        return Scraped.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
