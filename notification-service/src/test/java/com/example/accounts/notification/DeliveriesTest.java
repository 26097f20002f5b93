package com.example.accounts.notification;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.Topics;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import com.example.accounts.notification.delivery.DeadLetters;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NTF-5 against the real SMTP server, stopped and started during the tests, and a relay before it that refuses
 * recipients on request: passing failures are retried, lasting ones recorded; both visible to the account's admins.
 */
@QuarkusTest
@WithTestResource(NotificationPlatform.class)
class DeliveriesTest {

    @Inject
    InMemorySpanExporter spans;

    private static final String ADMIN_LOGIN = Tokens.subject(TestPlatform.token(Tokens.DEMO_ADMIN));
    /** How long the service waits for the SMTP server, and the longest it waits before trying again (test profile). */
    private static final Duration SEND_TIMEOUT = ConfigProvider.getConfig().getValue("platform.mail.send-timeout", Duration.class);
    private static final Duration LONGEST_RETRY = ConfigProvider.getConfig().getValue("platform.mail.retry.longest", Duration.class);

    @BeforeEach
    void positionsKnown() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    /** The email of an event is sent within the trace of the command that appended it (the record's traceparent). */
    @Test
    void anEventsEmailIsSentInAConsumerSpanOfTheCommandsTrace() {
        Story story = Story.opened();
        story.publish();
        String tia = Story.unique("tia");
        story.member(Role.STANDARD, "Tia", tia, null);
        EventEnvelope added = story.pending().get(0);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String commandSpan = traceId.substring(16);
        PublishedEvents.onTestPlatform().publishTraced(added, "00-" + traceId + "-" + commandSpan + "-01");

        Inbox.awaitMail(tia);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertTrue(
                                spans.getFinishedSpanItems().stream()
                                        .anyMatch(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.CONSUMER
                                                && commandSpan.equals(span.getParentSpanId())),
                                "a consumer span, child of the command's, took the record"));
    }

    /** An account whose admin Dora is the demo admin, so the deliveries can be read as her. */
    private static Story account() {
        Story story = Story.opened();
        story.memberWithLogin(Role.ADMIN, "Dora", ADMIN_LOGIN);
        return story;
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestPlatform.token(user));
    }

    /** The account's delivery to the address, as its admin sees it; null before there is one. */
    private static Map<String, Object> deliveryTo(Story story, String address) {
        var response = as(Tokens.DEMO_ADMIN).get("/accounts/" + story.account + "/deliveries");
        if (response.statusCode() == 404) {
            return null; // Dora's UserAdded is not read yet
        }
        JsonPath deliveries = response.then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> found = deliveries.getList("deliveries.findAll { it.recipient == '" + address + "' }");
        return found.isEmpty() ? null : found.get(0);
    }

    private static Map<String, Object> awaitDelivery(Story story, String address, String status, int minAttempts) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Map<String, Object> delivery = deliveryTo(story, address);
            return delivery != null && delivery.get("status").equals(status) && (int) delivery.get("attempts") >= minAttempts;
        });
        return deliveryTo(story, address);
    }

    @Test
    void NTF5_anEventDeliveredTwiceSendsOneEmail() {
        Story story = Story.opened();
        String tess = Story.unique("tess");
        String mark = Story.unique("mark");
        story.member(Role.STANDARD, "Tess", tess, null);
        EventEnvelope added = story.last();
        story.member(Role.STANDARD, "Mark", mark, null);
        EventEnvelope marker = story.last();
        story.publish();
        PublishedEvents.onTestPlatform().publish(added, added, marker);

        // the marker comes after the repeats in the account's partition: once it is mailed, the repeats were read
        await().atMost(Duration.ofSeconds(60)).until(() -> Inbox.count(mark) >= 1);
        assertEquals(1, Inbox.count(tess));
        assertEquals(1, Inbox.count(mark));
    }

    @Test
    void NTF5_whileTheSmtpServerIsDownEmailsWaitAndGoOutOnceItIsBack() {
        Story story = account();
        String olive = Story.unique("olive");
        story.member(Role.STANDARD, "Olive", olive, null);
        TestPlatform.get().mail().stopProcess();
        try {
            story.publish();
            Map<String, Object> waiting = awaitDelivery(story, olive, "PENDING", 2);
            assertTrue(waiting.get("lastError") != null, waiting.toString());
            assertTrue(waiting.get("nextAttemptAt") != null, waiting.toString());
        } finally {
            TestPlatform.get().mail().startProcess();
        }
        Inbox.awaitMail(olive);
        Map<String, Object> sent = awaitDelivery(story, olive, "SENT", 2);
        assertTrue(sent.get("endedAt") != null, sent.toString());
        assertEquals(1, Inbox.count(olive));
    }

    @Test
    void NTF5_aRecipientTheServerCannotTakeNowIsTriedAgainWithBackOff() {
        Story story = account();
        String busy = Story.unique("busy");
        NotificationPlatform.relay().refuse(busy, "450 4.2.1 Mailbox busy, try again later");
        try {
            story.member(Role.STANDARD, "Bea", busy, null);
            story.publish();
            Map<String, Object> waiting = awaitDelivery(story, busy, "PENDING", 3);
            assertTrue(waiting.get("lastError").toString().contains("450"), waiting.toString());
            assertEquals(0, Inbox.count(busy));
        } finally {
            NotificationPlatform.relay().pass(busy);
        }
        Inbox.awaitMail(busy);
        awaitDelivery(story, busy, "SENT", 3);
    }

    @Test
    void NTF5_anAnswerThatComesAfterTheSendTimeoutLeavesTheEmailUncertainAndItIsNotSentAgain() {
        Story story = account();
        String late = Story.unique("late");
        // the server takes the message at once; its 250 reaches the service only after the service stopped waiting
        NotificationPlatform.relay().answerLate(late, SEND_TIMEOUT.plusSeconds(2));
        try {
            story.member(Role.STANDARD, "Lara", late, null);
            story.publish();
            assertHandedOverOnceAndUncertain(story, late);
        } finally {
            NotificationPlatform.relay().pass(late);
        }
    }

    @Test
    void NTF5_aConnectionLostAfterTheMessageWasHandedOverLeavesTheEmailUncertainAndItIsNotSentAgain() {
        Story story = account();
        String dropped = Story.unique("dropped");
        // the server takes the message; the line goes before its 250 reaches the service
        NotificationPlatform.relay().hangUpAfterData(dropped);
        try {
            story.member(Role.STANDARD, "Dina", dropped, null);
            story.publish();
            assertHandedOverOnceAndUncertain(story, dropped);
        } finally {
            NotificationPlatform.relay().pass(dropped);
        }
    }

    @Test
    void NTF5_noAnswerBeforeTheMessageWasHandedOverIsTriedAgainAndSentOnce() {
        Story story = account();
        String slow = Story.unique("slow");
        // the server never answers the recipient: the service gives up waiting before any data went out
        NotificationPlatform.relay().stallAtRecipient(slow);
        try {
            story.member(Role.STANDARD, "Sol", slow, null);
            story.publish();
            // tried again soon after (the back-off is short here), so the error is read whether it waits or is being tried
            await().atMost(SEND_TIMEOUT.plusSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                Map<String, Object> delivery = deliveryTo(story, slow);
                return delivery != null && delivery.get("lastError") != null && delivery.get("lastError").toString().contains("did not answer");
            });
            assertEquals(0, Inbox.count(slow));
        } finally {
            NotificationPlatform.relay().pass(slow);
        }
        Inbox.awaitMail(slow);
        awaitDelivery(story, slow, "SENT", 2);
        assertEquals(1, Inbox.count(slow));
    }

    /** The server has the mail once; the delivery says it may have arrived, and is not tried again after a retry interval. */
    private static void assertHandedOverOnceAndUncertain(Story story, String address) {
        Inbox.awaitMail(address);
        await().atMost(SEND_TIMEOUT.plusSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Map<String, Object> delivery = deliveryTo(story, address);
            return delivery != null && (delivery.get("status").equals("UNCERTAIN") || (int) delivery.get("attempts") >= 2);
        });
        pause(LONGEST_RETRY.multipliedBy(2).plusMillis(500)); // a retry, if there were one, would have sent it by now
        assertEquals(1, Inbox.count(address), "the mail the server took is not sent again");
        Map<String, Object> delivery = deliveryTo(story, address);
        assertEquals("UNCERTAIN", delivery.get("status"), delivery.toString());
        assertEquals(1, (int) delivery.get("attempts"), delivery.toString());
        assertTrue(delivery.get("lastError").toString().contains(delivery.get("messageId").toString()), delivery.toString());
        assertTrue(delivery.get("endedAt") != null, delivery.toString());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void NTF5_aLastingRefusalIsRecordedWithTheServersWordsAndNotTriedAgain() {
        Story story = account();
        String gone = Story.unique("gone");
        String next = Story.unique("next");
        NotificationPlatform.relay().refuse(gone, "550 5.1.1 No such user here");
        try {
            story.member(Role.STANDARD, "Gus", gone, null);
            story.publish();
            Map<String, Object> failed = awaitDelivery(story, gone, "FAILED", 1);
            assertTrue(failed.get("lastError").toString().contains("550"), failed.toString());
            assertTrue(failed.get("lastError").toString().contains("No such user here"), failed.toString());
        } finally {
            NotificationPlatform.relay().pass(gone);
        }
        story.member(Role.STANDARD, "Nell", next, null);
        story.publish();
        Inbox.awaitMail(next);
        assertEquals(1, (int) deliveryTo(story, gone).get("attempts"), "a lasting refusal is not tried again");
        assertEquals(0, Inbox.count(gone));
        as(Tokens.DEMO_ADMIN).queryParam("status", "failed").get("/accounts/" + story.account + "/deliveries")
                .then().statusCode(200).body("counts.FAILED", equalTo(1)).body("deliveries.size()", equalTo(1))
                .body("deliveries[0].recipient", equalTo(gone)).body("deliveries[0].kind", equalTo("MEMBER_ADDED"));
    }

    @Test
    void ACC6_onlyTheAccountsAdminsSeeItsDeliveries() {
        Story story = account();
        story.memberWithLogin(Role.STANDARD, "Ben", Tokens.subject(TestPlatform.token(Tokens.DEMO_STANDARD)));
        story.publish();
        Story other = Story.opened();
        other.publish();
        await().atMost(Duration.ofSeconds(60)).until(() -> as(Tokens.DEMO_ADMIN).get("/accounts/" + story.account + "/deliveries").statusCode() == 200);

        given().get("/accounts/" + story.account + "/deliveries").then().statusCode(401);
        as(Tokens.DEMO_STANDARD).get("/accounts/" + story.account + "/deliveries")
                .then().statusCode(403).body("rule", equalTo("ACC-6")).body("detail", containsString("admins"));
        as(Tokens.DEMO_ADMIN).get("/accounts/" + other.account + "/deliveries").then().statusCode(404);
        as(Tokens.DEMO_ADMIN).get("/accounts/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
        as(Tokens.DEMO_ADMIN).get("/accounts/not-an-id/deliveries").then().statusCode(400).body("detail", containsString("accountId"));
        as(Tokens.DEMO_ADMIN).queryParam("status", "LOST").get("/accounts/" + story.account + "/deliveries")
                .then().statusCode(400).body("detail", containsString("status")).body("detail", containsString("UNCERTAIN"));
        as(Tokens.DEMO_ADMIN).queryParam("limit", "0").get("/accounts/" + story.account + "/deliveries")
                .then().statusCode(400).body("detail", containsString("limit"));
        as(Tokens.DEMO_ADMIN).get("/status").then().statusCode(403);
        as(Tokens.DEMO_OPERATOR).get("/status").then().statusCode(200).body("positions.topic", org.hamcrest.Matchers.hasItem(Topics.ACCOUNT_EVENTS));
    }

    @Test
    void EVT1_anotherEventAtAStreamVersionReadIsDeadLetteredAndFlagsItsAccountWhileTheSameEventAgainIsSkipped() {
        Story story = Story.opened();
        String tess = Story.unique("tess");
        story.member(Role.STANDARD, "Tess", tess, null);
        story.publish();
        EventEnvelope held = story.last();
        Inbox.awaitMail(tess);

        // the relay publishes it again (EVT-3, at least once): nothing to say
        PublishedEvents.onTestPlatform().publish(held);
        // the store lost it, and another event took its version: the topic now holds two events at one stream version
        String ugo = Story.unique("ugo");
        EventEnvelope other = PublishedEvents.userAdded(story.account, held.version(), "ada", UUID.randomUUID(), "login-ugo", "Ugo", ugo,
                "STANDARD", true);
        PublishedEvents.onTestPlatform().publish(other);
        String after = Story.unique("after");
        story.member(Role.STANDARD, "After", after, null);
        story.publish();
        Inbox.awaitMail(after);

        String diverged = "diverged: stream " + held.streamId() + " version " + held.version() + " held event " + held.eventId()
                + ", got " + other.eventId();
        assertEquals(List.of(diverged), PublishedEvents.deadLetterReasons(DeadLetters.TOPIC, story.account),
                "the divergent event is a dead letter; the same event again is not");
        as(Tokens.DEMO_OPERATOR).get("/status").then().statusCode(200)
                .body("diverged.findAll { it.accountId == '" + story.account + "' }.reason", equalTo(List.of(diverged)));
        assertEquals(0, Inbox.count(ugo), "the divergent event sends nothing");
        assertEquals(1, Inbox.count(tess));
    }

    @Test
    void NTF5_aRecordThatCannotBeReadIsDeadLetteredWithItsReasonAndTheNextOnesGoOn() {
        Story story = Story.opened();
        story.publish();
        PublishedEvents.onTestPlatform().publishRaw(Topics.ACCOUNT_EVENTS, story.account.toString(), "{not json");
        EventEnvelope corrupt = PublishedEvents.event(story.account, 50, "UserAdded", "ada", Story.data().put("memberId", "not-a-uuid"));
        PublishedEvents.onTestPlatform().publish(corrupt);
        PublishedEvents.onTestPlatform().publishRaw(Topics.INVITE_EMAILS, story.account.toString(), "{\"accountId\": \"" + story.account + "\"}");
        String after = Story.unique("after");
        story.member(Role.STANDARD, "After", after, null);
        story.publish();
        story.inviteEmail(Story.unique("ivy"), "Ivy", null, "Support", java.time.Instant.now().plusSeconds(3600), "http://127.0.0.1:1/i", null);

        Inbox.awaitMail(after);
        await().atMost(Duration.ofSeconds(30)).until(() -> PublishedEvents.deadLetterReasons(DeadLetters.TOPIC, story.account).size() >= 3);
        List<String> reasons = PublishedEvents.deadLetterReasons(DeadLetters.TOPIC, story.account);
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not an event")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("corrupt UserAdded")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("an invite email request that breaks its schema") && r.contains("inviteId")), reasons.toString());
    }
}
