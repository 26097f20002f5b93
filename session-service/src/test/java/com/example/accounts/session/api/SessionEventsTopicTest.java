package com.example.accounts.session.api;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.Topics;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What session-service's relay published in this run, every test's events included, read as the contract says (EVT-2). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = {@ResourceArg(name = "service", value = "session-service"),
        @ResourceArg(name = "needs", value = "permission-service,notification-service")})
class SessionEventsTopicTest {

    /**
     * Every event on session-events (the test platform's Kafka starts empty, so: every event this suite published
     * so far) validates under the standard validator at its type's current version.
     */
    @Test
    void EVT2_everyEventThisSuitePublishedIsOfItsCurrentVersionAndFitsItsSchema() throws Exception {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        UUID ben = story.member("STANDARD", AccountStory.loginOf(Tokens.DEMO_STANDARD), "Ben");
        String consistency = story.seat(ben, "REMOTE_SUPPORT").features(ben, "REMOTE_CONTROL").publish();
        SupportSessionApiTest.start(story, Tokens.DEMO_STANDARD, consistency, Map.of("clientVersion", "2.4.1000")).then().statusCode(201);

        List<EventEnvelope> ours = List.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (ours.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            ours = PublishedEvents.readTopic(Topics.SESSION_EVENTS).stream().filter(e -> e.accountId().equals(story.account)).toList();
        }
        assertEquals("SupportSessionStarted", ours.isEmpty() ? "nothing published" : ours.get(0).type(),
                "the session started here is on the topic, and with it every event before it fits the contract");
    }
}
