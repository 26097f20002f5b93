package com.example.accounts.e2e;

import com.example.accounts.eventstore.AccountHistory;
import com.example.accounts.eventstore.KafkaClients;
import com.example.accounts.eventstore.KafkaTopics;
import com.example.accounts.eventstore.OutboxRelay;
import com.example.accounts.launcher.Net;
import com.example.accounts.launcher.Platform;
import com.example.accounts.launcher.Platform.Service;
import com.example.accounts.launcher.ServiceProcess;
import com.example.accounts.launcher.SmtpRelay;
import com.example.accounts.launcher.TestPlatform;
import com.example.accounts.launcher.Tokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NTF-5 where only a process can prove it: the notification-service, as built, killed between handing a mail to
 * the real SMTP server and recording it, then restarted; and restarted from the beginning of the topics, also on an
 * empty database, sending nothing again. The service under test reads topics and a database of its own, so the
 * other end-to-end tests' services neither see its events nor mail its people.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationCrashIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ACCOUNT_EVENTS = "crash-" + RUN + ".account-events";
    private static final String INVITE_EMAILS = "crash-" + RUN + ".invite-emails";
    private static final String DATABASE = "notification_crash_" + RUN;

    private static Platform platform;
    private static SmtpRelay relay;
    private static ServiceProcess service;
    private static History story;
    private static String xena;
    private static String yuri;

    /** The account Acme, whose admin Ada is the demo admin (so she may read its deliveries); members with addresses of this run. */
    private static final class History extends AccountHistory {
        final String adaEmail;

        private History(String adaEmail) {
            super(Tokens.subject(TestPlatform.token(Tokens.DEMO_ADMIN)), adaEmail);
            this.adaEmail = adaEmail;
        }

        /** A member whose address is {@code <name>-<run>@acme.example}. */
        String member(String name) {
            member("STANDARD", null, name + "-" + RUN);
            return name.toLowerCase() + "-" + RUN + "@acme.example";
        }

        /** Publishes what was told since the last time, to this test's topic. */
        void publishHere() {
            publish(ACCOUNT_EVENTS);
        }
    }

    @BeforeAll
    static void servers() {
        platform = TestPlatform.get();
        relay = SmtpRelay.to(platform.mail().smtpHost(), platform.mail().smtpPort());
        KafkaTopics.ensure(KafkaClients.plain(platform.kafka().bootstrapServers()), OutboxRelay.eventTopic(ACCOUNT_EVENTS, 3));
        KafkaTopics.ensure(KafkaClients.plain(platform.kafka().bootstrapServers()), OutboxRelay.eventTopic(INVITE_EMAILS, 1));
        platform.postgres().createDatabase(DATABASE);
        story = new History("ada-" + RUN + "@acme.example");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        relay.close();
    }

    /** Starts the service as built: its mail through the relay, its own topics, group and database; short timeouts. */
    private static ServiceProcess start() {
        service = platform.startInstance(Service.NOTIFICATION, Net.freePort(), Map.of(
                "quarkus.mailer.port", Integer.toString(relay.port()),
                "quarkus.datasource.reactive.url", platform.postgres().reactiveUrl(DATABASE),
                "quarkus.datasource.jdbc.url", platform.postgres().jdbcUrl(DATABASE),
                "mp.messaging.incoming.account-events.topic", ACCOUNT_EVENTS,
                "mp.messaging.incoming.invite-emails.topic", INVITE_EMAILS,
                "mp.messaging.incoming.account-events.group.id", "crash-" + RUN,
                "mp.messaging.incoming.invite-emails.group.id", "crash-" + RUN,
                "platform.mail.send-timeout", "2s",
                "platform.mail.claim-timeout", "3s"));
        return service;
    }

    private static int mails(String address) {
        Response inbox = given().get(platform.mail().apiUrl() + "/api/user/" + address + "/messages/INBOX");
        return inbox.statusCode() == 400 ? 0 : inbox.then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private static void awaitMail(String address) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> mails(address) >= 1);
    }

    private static Map<String, Object> deliveryTo(String address) {
        Response response = given().auth().oauth2(TestPlatform.token(Tokens.DEMO_ADMIN))
                .get(service.baseUrl() + "/accounts/" + story.account + "/deliveries");
        if (response.statusCode() != 200) {
            return null;
        }
        List<Map<String, Object>> found = response.jsonPath().getList("deliveries.findAll { it.recipient == '" + address + "' }");
        return found.isEmpty() ? null : found.get(0);
    }

    @Test
    @Order(1)
    void NTF5_killedAfterTheServerTookTheMailAndBeforeRecordingItTheServiceDoesNotSendItAgain() {
        ServiceProcess first = start();
        story.publishHere();
        awaitMail(story.adaEmail);

        xena = story.member("Xena");
        relay.onNextTaken(first::kill);
        story.publishHere();
        await().atMost(Duration.ofSeconds(90)).until(() -> !first.isAlive());
        assertEquals(1, mails(xena), "the SMTP server took Xena's mail before the service was killed");

        start();
        yuri = story.member("Yuri");
        story.publishHere();
        awaitMail(yuri);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Map<String, Object> delivery = deliveryTo(xena);
            return delivery != null && delivery.get("status").equals("UNCERTAIN");
        });
        Map<String, Object> uncertain = deliveryTo(xena);
        assertTrue(uncertain.get("lastError").toString().contains("may have arrived"), uncertain.toString());
        assertTrue(uncertain.get("messageId").toString().startsWith("<"), uncertain.toString());
        assertEquals(1, mails(xena), "one mail for Xena, however the service was stopped");
        assertEquals(1, mails(yuri));
    }

    @Test
    @Order(2)
    void NTF5_readingTheTopicsAgainFromTheBeginningSendsNothingAgainAlsoOnAnEmptyDatabase() {
        List<String> mailed = List.of(story.adaEmail, xena, yuri);

        service.close();
        platform.postgres().psql(DATABASE, "UPDATE consumer_positions SET next_offset = 0");
        start();
        String zoe = story.member("Zoe");
        story.publishHere();
        // Zoe comes after everyone else in the account's partition: once she is mailed, all before her was read again
        awaitMail(zoe);
        for (String address : mailed) {
            assertEquals(1, mails(address), address + " is not mailed again when the topics are read from the beginning");
        }

        service.close();
        platform.postgres().psql("postgres", "DROP DATABASE \"" + DATABASE + "\" WITH (FORCE)");
        platform.postgres().createDatabase(DATABASE);
        start();
        String walt = story.member("Walt");
        story.publishHere();
        awaitMail(walt);
        for (String address : List.of(story.adaEmail, mailed.get(1), mailed.get(2), zoe)) {
            assertEquals(1, mails(address), address + " is not mailed again by a rebuild on an empty database");
        }
        String waltsMail = given().get(platform.mail().apiUrl() + "/api/user/" + walt + "/messages/INBOX").jsonPath().getString("[0].subject");
        assertEquals("You were added to Acme", waltsMail, "the history read again taught the rebuilt service the account's name");
    }
}
