package com.example.accounts.session;

import com.example.accounts.contract.Topics;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Scraped;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import com.example.accounts.session.api.AccountStory;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * session-service boots on its own database and Kafka: health is UP and its relay created the kept-forever topic
 * (EVT-4). The permission-service runs beside it for the one command the metrics test starts.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = {@ResourceArg(name = "service", value = "session-service"),
        @ResourceArg(name = "needs", value = "permission-service")})
class SessionServiceBootTest {

    @Test
    void healthIsUpWithItsDatabaseAndEventStore() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("event relay"));
    }

    @Test
    void metricsAnswerWithoutATokenWithTheRelaysLagForSessionEventsAndEachCommandByItsName() {
        AccountStory story = AccountStory.opened("REMOTE_SUPPORT");
        String consistency = story.seat(story.ada, "REMOTE_SUPPORT").publish();
        AccountStory.as(Tokens.DEMO_ADMIN, consistency).body(Map.of("clientVersion", "2.4.0")).post("/accounts/" + story.account + "/support-sessions")
                .then().statusCode(201);

        Scraped metrics = Scraped.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
        for (String name : List.of("platform_relay_unpublished", "platform_relay_oldest_unpublished_seconds", "platform_relay_leading")) {
            assertTrue(metrics.has(name, Map.of("topic", Topics.SESSION_EVENTS)), name + " is scraped for " + Topics.SESSION_EVENTS);
        }
        // the pipeline names a command by its record: a support session's start is counted as Start, never as "unnamed"
        assertTrue(metrics.has("platform_commands_total", Map.of("stream", "support session", "command", "Start", "outcome", "appended")),
                "a started support session is counted under its command's name");
        assertFalse(metrics.has("platform_commands_total", Map.of("stream", "support session", "command", "unnamed")),
                "no support-session command is counted as unnamed");
    }

    @Test
    void EVT4_itsRelayCreatedSessionEventsKeptForever() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestPlatform.get().kafka().bootstrapServers()))) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!admin.listTopics().names().get().contains(Topics.SESSION_EVENTS) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SESSION_EVENTS);
            var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertEquals("-1", config.get("retention.ms").value());
            assertEquals(12, admin.describeTopics(List.of(Topics.SESSION_EVENTS)).allTopicNames().get().get(Topics.SESSION_EVENTS).partitions().size());
        }
    }
}
