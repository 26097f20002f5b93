package com.example.accounts.notification;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.eventstore.PublishedEvents;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.TestPlatform;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NTF-1 through the real Kafka and the real SMTP server, whose mailboxes are read back. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification-service"))
class MemberAddedEmailTest {

    private final PublishedEvents kafka = PublishedEvents.onTestPlatform();

    private static String mailbox(String email) {
        return TestPlatform.get().mail().apiUrl() + "/api/user/" + email + "/messages/INBOX";
    }

    private static JsonPath awaitMail(String email) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get(mailbox(email)).statusCode() == 200 && !given().get(mailbox(email)).jsonPath().getList("$").isEmpty());
        return given().get(mailbox(email)).jsonPath();
    }

    private static String text(JsonPath mail) {
        return mail.getString("[0].mimeMessage").replace("=\r\n", "").replace("=3D", "=");
    }

    @Test
    void NTF1_aNewLoginIsToldWhoAddedThemToWhichAccountAndHowToChooseAPassword() {
        UUID account = UUID.randomUUID();
        UUID ada = UUID.randomUUID();
        String email = "nina." + UUID.randomUUID() + "@example.com";
        EventEnvelope added = PublishedEvents.userAdded(account, 3, "login-ada", UUID.randomUUID(), "login-nina", "Nina", email, "STANDARD", true);
        kafka.publish(PublishedEvents.accountOpened(account, "Nordwind GmbH", ada, "login-ada"),
                PublishedEvents.userAdded(account, 2, "login-ada", ada, "login-ada", "Ada Admin", "ada." + account + "@example.com", "ADMIN", false),
                added);

        JsonPath mail = awaitMail(email);
        assertEquals("You were added to Nordwind GmbH", mail.getString("[0].subject"));
        String text = text(mail);
        assertTrue(text.contains("Hello Nina,"), text);
        assertTrue(text.contains("Ada Admin added you to the account \"Nordwind GmbH\"."), text);
        assertTrue(text.contains("Choose your password to sign in for the first time: " + TestPlatform.get().keycloak().realmUrl()
                + "/login-actions/reset-credentials"), text);
    }

    @Test
    void NTF1_anExistingLoginIsToldToSignInWithWhatTheyHave() {
        UUID account = UUID.randomUUID();
        String email = "sam." + UUID.randomUUID() + "@example.com";
        kafka.publish(PublishedEvents.accountOpened(account, "Acme", UUID.randomUUID(), "login-ada"),
                PublishedEvents.userAdded(account, 2, "login-ada", UUID.randomUUID(), "login-sam", "Sam", email, "STANDARD", false));

        String text = text(awaitMail(email));
        assertTrue(text.contains("Sign in with the login you already have: " + TestPlatform.get().keycloak().realmUrl() + "/account"), text);
        assertFalse(text.contains("Choose your password"), text);
    }

    @Test
    void NTF5_anEventDeliveredTwiceSendsOneEmail() throws Exception {
        UUID account = UUID.randomUUID();
        String email = "twice." + UUID.randomUUID() + "@example.com";
        EventEnvelope added = PublishedEvents.userAdded(account, 2, "login-ada", UUID.randomUUID(), "login-t", "Tess", email, "STANDARD", true);
        EventEnvelope marker = PublishedEvents.userAdded(account, 3, "login-ada", UUID.randomUUID(), "login-m", "Mark", "mark." + email, "STANDARD", true);
        kafka.publish(PublishedEvents.accountOpened(account, "Acme", UUID.randomUUID(), "login-ada"), added, added, marker);

        // The marker comes after the repeat in the same partition: once it is mailed, the repeat was handled.
        awaitMail("mark." + email);
        assertEquals(1, given().get(mailbox(email)).jsonPath().getList("$").size());
    }

    @Test
    void NTF1_whoOpensAnAccountIsNotMailedAboutAddingThemselves() {
        UUID account = UUID.randomUUID();
        String email = "owner." + UUID.randomUUID() + "@example.com";
        String marker = "after." + email;
        kafka.publish(PublishedEvents.accountOpened(account, "Acme", UUID.randomUUID(), "login-owner"),
                PublishedEvents.userAdded(account, 2, "login-owner", UUID.randomUUID(), "login-owner", "Owner", email, "ADMIN", false),
                PublishedEvents.userAdded(account, 3, "login-owner", UUID.randomUUID(), "login-after", "After", marker, "STANDARD", false));

        awaitMail(marker);
        // GreenMail knows a mailbox only once mail arrived for it.
        given().get(mailbox(email)).then().statusCode(400).body("message", org.hamcrest.Matchers.equalTo("User '" + email + "' not found"));
    }
}
