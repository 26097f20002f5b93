// Over 300 lines on purpose: its tests run in order on one service's generations (a rebuild one test starts is the next one's to wait out).
package com.example.accounts.permission.api;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import com.example.accounts.permission.projection.ProjectionLeader;
import com.example.accounts.permission.projection.ReadModel;
import com.example.accounts.permission.projection.ReadModelWriter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static com.example.accounts.permission.api.Story.as;
import static com.example.accounts.permission.api.Story.data;
import static com.example.accounts.permission.api.Story.loginOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The projection under real delivery: repeated and re-ordered deliveries, events it cannot apply, and rebuilds. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "permission-service"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionTest {

    @Inject
    Pool pool;

    @Inject
    InMemorySpanExporter spans;

    /** Three accounts' histories, each in its order, as the partitions would deliver them. */
    private static List<List<ReadModelWriter.Delivered>> histories() {
        List<List<ReadModelWriter.Delivered>> histories = new ArrayList<>();
        long offset = 0;
        for (int a = 0; a < 3; a++) {
            Story story = Story.opened("REMOTE_SUPPORT", "CONTACT_CENTER", "MONITORING");
            UUID ben = story.member("STANDARD", "login-" + UUID.randomUUID(), "Ben");
            UUID company = UUID.randomUUID();
            UUID queue = UUID.randomUUID();
            UUID group = UUID.randomUUID();
            story.seat(ben, "REMOTE_SUPPORT").seat(ben, "CONTACT_CENTER")
                    .event("CompanyAdded", data().put("companyId", company.toString()).put("name", "North"))
                    .event("RoleChanged", data().put("memberId", ben.toString()).put("from", "STANDARD").put("to", "LIMITED_ADMIN"))
                    .event("UserGroupCreated", data().put("groupId", group.toString()).put("name", "Support"))
                    .event("QueueCreated", data().put("queueId", queue.toString()).put("name", "Billing"))
                    .event("ContactCenterRoleAssigned", data().put("memberId", ben.toString()).put("role", "AGENT"))
                    .event("QueueAssignmentChanged", data().put("queueId", queue.toString()).put("memberId", ben.toString()).put("role", "AGENT"))
                    .event("CompanyRemoved", data().put("companyId", company.toString()))
                    .event("SeatReleased", data().put("memberId", ben.toString()).put("module", "REMOTE_SUPPORT"));
            List<ReadModelWriter.Delivered> history = new ArrayList<>();
            for (EventEnvelope event : story.pending()) {
                history.add(new ReadModelWriter.Delivered(Topics.ACCOUNT_EVENTS, a, offset++, event.accountId().toString(), EventJson.write(event)));
            }
            // CC-7: queue logins, with what each fixed, and a logout
            UUID logins = UUID.randomUUID();
            for (int v = 1; v <= 3; v++) {
                var login = data().put("queueId", queue.toString()).put("agentMemberId", ben.toString()).put("byMemberId", ben.toString());
                if (v == 2) {
                    history.add(session(a, offset++, PublishedEvents.sessionEvent(story.account, logins, v, "AgentLoggedOutOfQueue", "ben", login)));
                } else {
                    login.putArray("permissions").add("CREATE_CUSTOM_LABELS");
                    history.add(session(a, offset++, PublishedEvents.sessionEvent(story.account, logins, v, "AgentLoggedIntoQueue", "ben", login)));
                }
            }
            histories.add(history);
        }
        return histories;
    }

    private static ReadModelWriter.Delivered session(int partition, long offset, EventEnvelope event) {
        return new ReadModelWriter.Delivered(Topics.SESSION_EVENTS, partition, offset, event.accountId().toString(), EventJson.write(event));
    }

    @Test
    @Order(1)
    void PRM1_deliveringEveryEventTwiceAndInterleavingTheAccountsGivesTheSameReadModel() {
        List<List<ReadModelWriter.Delivered>> histories = histories();
        ReadModel once = new ReadModel(pool, 900 + new Random().nextInt(90));
        ReadModel twice = new ReadModel(pool, 990 + new Random().nextInt(9));
        once.tables().create();
        twice.tables().create();
        try {
            for (List<ReadModelWriter.Delivered> history : histories) {
                once.writer().apply(history, Map.of(), (record, reason) -> fail(reason));
            }
            // every event twice: each account's history in order, the accounts shuffled together, then all of it again
            List<ReadModelWriter.Delivered> interleaved = new ArrayList<>();
            List<List<ReadModelWriter.Delivered>> queues = new ArrayList<>();
            histories.forEach(h -> queues.add(new ArrayList<>(h)));
            Random random = new Random(7);
            while (queues.stream().anyMatch(q -> !q.isEmpty())) {
                List<ReadModelWriter.Delivered> next = queues.get(random.nextInt(queues.size()));
                if (!next.isEmpty()) {
                    ReadModelWriter.Delivered record = next.remove(0);
                    interleaved.add(record);
                    interleaved.add(record);
                }
            }
            List<ReadModelWriter.Delivered> again = new ArrayList<>(histories.get(2));
            again.addAll(histories.get(0));
            again.addAll(histories.get(1));
            ReadModelWriter.Applied first = twice.writer().apply(interleaved, Map.of(), (record, reason) -> fail(reason));
            ReadModelWriter.Applied second = twice.writer().apply(again, Map.of(), (record, reason) -> fail(reason));

            int events = histories.stream().mapToInt(List::size).sum();
            assertEquals(events, first.applied());
            assertEquals(events, first.skipped());
            assertEquals(0, second.applied());
            assertEquals(once.inspection().rows(), twice.inspection().rows());
            assertFalse(once.inspection().rows().get("members").isEmpty());
            assertEquals(3, once.inspection().rows().get("agent_logins").size(), "CC-7: each account's agent logged in again after logging out");
        } finally {
            once.tables().drop();
            twice.tables().drop();
        }
    }

    @Test
    @Order(2)
    void PRM1_anEventThatCannotBeAppliedIsDeadLetteredItsAccountFlaggedStaleAndOthersGoOn() {
        Story broken = Story.opened();
        broken.publish();
        EventEnvelope unknown = PublishedEvents.event(broken.account, 3, "RocketLaunched", "ada", data().put("rocket", "Ariane"));
        Story.KAFKA.publish(unknown);
        Story.KAFKA.publishRaw(Topics.ACCOUNT_EVENTS, broken.account.toString(), "{not json");
        Story healthy = Story.opened();
        UUID ben = healthy.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = healthy.publish();

        as(Tokens.DEMO_STANDARD).queryParam("consistency", consistency).queryParam("permission", "profile.manage-own")
                .get("/accounts/" + healthy.account + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true)).body("memberId", equalTo(ben.toString()));
        as(Tokens.DEMO_ADMIN).queryParam("consistency", unknown.token(Topics.ACCOUNT_EVENTS).toString()).queryParam("permission", "members.manage")
                .get("/accounts/" + broken.account + "/checks")
                .then().statusCode(503).body("rule", equalTo("PRM-1")).body("detail", containsString("unknown event type RocketLaunched"));
        as(Tokens.DEMO_ADMIN).get("/accounts/" + broken.account + "/read-model")
                .then().statusCode(200).body("stale", equalTo(true)).body("staleBecause", containsString("not an event"));

        var status = as(Tokens.DEMO_OPERATOR).get("/read-model/status").then().statusCode(200).extract().jsonPath();
        assertTrue(status.getLong("deadLetters") >= 2, "both letters are counted");
        assertTrue(status.getList("latestDeadLetters.reason", String.class).stream().anyMatch(r -> r.contains("RocketLaunched")));
        as(Tokens.DEMO_ADMIN).get("/read-model/status").then().statusCode(403);

        List<String> reasons = PublishedEvents.deadLetterReasons(ProjectionLeader.DEAD_LETTER_TOPIC, broken.account);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("unknown event type RocketLaunched")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("not an event")), reasons.toString());
    }

    @Test
    @Order(3)
    void PRM1_aValidEventWhoseDatabaseConnectionIsKilledWhileItIsAppliedIsAppliedOnRetryAndNotDeadLettered() {
        Story story = Story.opened("TRAINING");
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", consistency).queryParam("permission", "training.session.host")
                .get("/accounts/" + story.account + "/checks").then().statusCode(200).body("allowed", equalTo(true));
        String live = "rm_" + as(Tokens.DEMO_OPERATOR).get("/read-model/status").then().statusCode(200).extract().jsonPath().getInt("liveGeneration");

        // Ben's row held by another transaction, so that the projector's update waits; then its connection is killed
        SqlConnection holder = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        String later;
        try {
            Transaction transaction = holder.begin().await().atMost(Duration.ofSeconds(10));
            holder.preparedQuery("SELECT 1 FROM " + live + ".members WHERE account_id = $1 FOR UPDATE").execute(Tuple.of(story.account))
                    .await().atMost(Duration.ofSeconds(10));
            later = story.event("RoleChanged", data().put("memberId", ben.toString()).put("from", "STANDARD").put("to", "MONITORING_OBSERVER")).publish();
            int projector = waitingOnTheLock();
            assertTrue(pool.preparedQuery("SELECT pg_terminate_backend($1)").execute(Tuple.of(projector)).await().atMost(Duration.ofSeconds(10))
                    .iterator().next().getBoolean(0));
            transaction.rollback().await().atMost(Duration.ofSeconds(10));
        } finally {
            holder.close().await().atMost(Duration.ofSeconds(10));
        }

        as(Tokens.DEMO_STANDARD).queryParam("consistency", later).queryParam("permission", "training.session.host")
                .get("/accounts/" + story.account + "/checks").then().statusCode(200).body("allowed", equalTo(false));
        as(Tokens.DEMO_STANDARD).get("/accounts/" + story.account + "/read-model").then().statusCode(200).body("stale", equalTo(false));
        assertEquals(List.of(), PublishedEvents.deadLetterReasons(ProjectionLeader.DEAD_LETTER_TOPIC, story.account));
        var status = as(Tokens.DEMO_OPERATOR).get("/read-model/status").then().statusCode(200).extract().jsonPath();
        assertTrue(status.getLong("generations.find { it.state == 'LIVE' }.projectedHere.retries") >= 1, status.prettify());
    }

    /** The backend of the projector's transaction, once it waits for the row the test holds. */
    private int waitingOnTheLock() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var waiting = pool.query("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%members SET role%'")
                    .execute().await().atMost(Duration.ofSeconds(10));
            if (waiting.size() > 0) {
                return waiting.iterator().next().getInteger(0);
            }
            Thread.onSpinWait();
        }
        return fail("the projector's update never waited for the row held");
    }

    @Test
    @Order(4)
    void PRM5_aRebuildBesideTheLiveModelTakesOverWhenCaughtUpWithTheSameRows() throws InterruptedException {
        Story story = Story.opened("TRAINING");
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.publish();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", consistency).queryParam("permission", "training.session.host")
                .get("/accounts/" + story.account + "/checks").then().statusCode(200).body("allowed", equalTo(true));
        int before = as(Tokens.DEMO_OPERATOR).get("/read-model/status").then().statusCode(200).extract().jsonPath().getInt("liveGeneration");

        int rebuilt = as(Tokens.DEMO_OPERATOR).post("/read-model/rebuilds").then().statusCode(202).extract().jsonPath().getInt("generation");
        assertEquals(before + 1, rebuilt);
        // the live generation answers while the rebuild runs beside it
        as(Tokens.DEMO_STANDARD).queryParam("permission", "training.session.host").get("/accounts/" + story.account + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (as(Tokens.DEMO_OPERATOR).get("/read-model/status").then().extract().jsonPath().getInt("liveGeneration") != rebuilt) {
            if (System.nanoTime() > deadline) {
                fail("the rebuild did not take over within 120 s");
            }
            Thread.sleep(200);
        }

        assertEquals(new ReadModel(pool, before).inspection().rows(), new ReadModel(pool, rebuilt).inspection().rows());
        as(Tokens.DEMO_STANDARD).queryParam("permission", "training.session.host").get("/accounts/" + story.account + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true)).body("memberId", equalTo(ben.toString()));
        String later = story.event("RoleChanged", data().put("memberId", ben.toString()).put("from", "STANDARD").put("to", "MONITORING_OBSERVER")).publish();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", later).queryParam("permission", "training.session.host")
                .get("/accounts/" + story.account + "/checks").then().statusCode(200).body("allowed", equalTo(false));
    }

    @Test
    @Order(5)
    void PRM5_oneRebuildAtATime() {
        as(Tokens.DEMO_OPERATOR).post("/read-model/rebuilds").then().statusCode(202);
        as(Tokens.DEMO_OPERATOR).post("/read-model/rebuilds").then().statusCode(409).body("rule", equalTo("PRM-5"));
        as(Tokens.DEMO_ADMIN).post("/read-model/rebuilds").then().statusCode(403);
    }

    /** After the rebuilds of PRM-5, whose rows it would change: a rebuild takes the later of two events at one version. */
    @Test
    @Order(6)
    void EVT1_anotherEventAtAnAppliedStreamVersionIsDeadLetteredAndFlagsItsAccountUntilARebuildAppliesItInstead() throws InterruptedException {
        // the rebuild of PRM-5 done first: a generation being built would dead-letter the record too
        noRebuildRunning();
        Story story = Story.opened();
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.event("RoleChanged", data().put("memberId", ben.toString()).put("from", "STANDARD").put("to", "ADMIN")).publish();
        EventEnvelope held = story.last();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", consistency).queryParam("permission", "members.manage")
                .get("/accounts/" + story.account + "/checks").then().statusCode(200).body("allowed", equalTo(true));

        // the relay publishes it again (EVT-3, at least once): nothing to say
        Story.KAFKA.publish(held);
        // the store lost it, and another event took its version: the topic now holds two events at one stream version
        EventEnvelope other = PublishedEvents.event(story.account, held.version(), "RoleChanged", "ada",
                data().put("memberId", ben.toString()).put("from", "STANDARD").put("to", "MONITORING_OBSERVER"));
        Story.KAFKA.publish(other);

        String diverged = "diverged: stream " + held.streamId() + " version " + held.version() + " held event " + held.eventId()
                + ", got " + other.eventId();
        as(Tokens.DEMO_STANDARD).queryParam("consistency", other.token(Topics.ACCOUNT_EVENTS).toString()).queryParam("permission", "members.manage")
                .get("/accounts/" + story.account + "/checks")
                .then().statusCode(503).body("rule", equalTo("PRM-1")).body("detail", containsString(diverged));
        as(Tokens.DEMO_STANDARD).get("/accounts/" + story.account + "/read-model")
                .then().statusCode(200).body("stale", equalTo(true)).body("staleBecause", equalTo(diverged));
        var status = as(Tokens.DEMO_OPERATOR).get("/read-model/status").then().statusCode(200).extract().jsonPath();
        assertTrue(status.getLong("diverged") >= 1, status.prettify());
        assertTrue(status.getList("latestDiverged.reason", String.class).contains(diverged), status.prettify());
        assertEquals(List.of(diverged), PublishedEvents.deadLetterReasons(ProjectionLeader.DEAD_LETTER_TOPIC, story.account),
                "the divergent event is a dead letter; the same event again is not");

        // a rebuild applies the later event, the store's, in place of the one it superseded: the flag is gone
        int rebuilt = rebuildAndTakeOver();
        as(Tokens.DEMO_STANDARD).get("/accounts/" + story.account + "/read-model").then().statusCode(200).body("stale", equalTo(false));
        as(Tokens.DEMO_STANDARD).queryParam("permission", "members.manage").get("/accounts/" + story.account + "/checks")
                .then().statusCode(200).body("allowed", equalTo(false)).body("memberId", equalTo(ben.toString()));
        assertFalse(as(Tokens.DEMO_OPERATOR).get("/read-model/status").then().statusCode(200).extract().jsonPath()
                .getList("latestDiverged.reason", String.class).contains(diverged), "generation " + rebuilt + " holds no divergence");
    }

    @Test
    @Order(7)
    void aRecordPublishedWithinACommandsTraceIsAppliedInAChildSpanOfThatTrace() throws InterruptedException {
        Story story = Story.opened();
        UUID ben = story.member("STANDARD", loginOf(Tokens.DEMO_STANDARD), "Ben");
        story.publish();
        EventEnvelope changed = story.event("RoleChanged", data().put("memberId", ben.toString()).put("from", "STANDARD").put("to", "ADMIN"))
                .pending().get(0);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String commandSpan = traceId.substring(8, 24);
        Story.KAFKA.publishTraced(changed, "00-" + traceId + "-" + commandSpan + "-01");

        as(Tokens.DEMO_STANDARD).queryParam("consistency", changed.token(Topics.ACCOUNT_EVENTS).toString()).queryParam("permission", "members.manage")
                .get("/accounts/" + story.account + "/checks")
                .then().statusCode(200).body("allowed", equalTo(true));
        // the projector ends a record's span once its poll is applied, and the exporter takes it in its next batch
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<SpanData> applied = List.of();
        while (applied.isEmpty() && System.nanoTime() < deadline) {
            applied = spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
            Thread.sleep(50);
        }
        assertEquals(1, applied.size(), "one span applied the record, in the command's trace: " + applied);
        assertEquals(commandSpan, applied.get(0).getParentSpanId());
        assertEquals(SpanKind.CONSUMER, applied.get(0).getKind());
        assertEquals("RoleChanged", applied.get(0).getAttributes().get(AttributeKey.stringKey("event.type")));
    }

    private static void noRebuildRunning() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (as(Tokens.DEMO_OPERATOR).get("/read-model/status").then().statusCode(200).extract().jsonPath()
                .getList("generations.state", String.class).contains("BUILDING")) {
            if (System.nanoTime() > deadline) {
                fail("a rebuild did not take over within 120 s");
            }
            Thread.sleep(200);
        }
    }

    /** Starts a rebuild and waits until it has taken over; answers its generation. */
    private static int rebuildAndTakeOver() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int rebuilt = as(Tokens.DEMO_OPERATOR).post("/read-model/rebuilds").then().statusCode(202).extract().jsonPath().getInt("generation");
        while (as(Tokens.DEMO_OPERATOR).get("/read-model/status").then().extract().jsonPath().getInt("liveGeneration") != rebuilt) {
            if (System.nanoTime() > deadline) {
                fail("the rebuild did not take over within 120 s");
            }
            Thread.sleep(200);
        }
        return rebuilt;
    }
}
