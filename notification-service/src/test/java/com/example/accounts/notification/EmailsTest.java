package com.example.accounts.notification;

import com.example.accounts.contract.vocabulary.Language;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.launcher.ReceivedMail;
import com.example.accounts.launcher.Scraped;
import com.example.accounts.launcher.TestPlatform;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emails of NTF-1 to NTF-4 in the languages of NTF-6, from events on the real Kafka to the real SMTP server. */
@QuarkusTest
@WithTestResource(NotificationPlatform.class)
class EmailsTest {

    @BeforeEach
    void positionsKnown() {
        // an event published before the service knows its partitions' positions would be history, not live
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void NTF1_aNewLoginIsToldWhoAddedThemToWhichAccountAndHowToChooseAPassword() {
        Story story = Story.opened();
        String nina = Story.unique("nina");
        story.member(Role.STANDARD, "Nina", nina, null);
        UUID event = story.last().eventId();
        story.publish();

        ReceivedMail mail = Inbox.awaitMail(nina);
        assertEquals("You were added to Acme", mail.subject());
        String link = TestPlatform.get().keycloak().realmUrl() + "/login-actions/reset-credentials";
        assertTrue(mail.text().contains("Hello Nina,"), mail.text());
        assertTrue(mail.text().contains("Ada added you to the account \"Acme\"."), mail.text());
        assertTrue(mail.text().contains("Choose your password to sign in for the first time: " + link), mail.text());
        assertTrue(mail.html().contains("<a href=\"" + link), mail.html());
        assertTrue(mail.html().contains("Ada added you to the account \"Acme\"."), mail.html());
        // NTF-5: the Message-ID is the event's and the recipient's, whoever sends it
        assertTrue(mail.header("Message-ID").startsWith("<" + event + "."), mail.headers().toString());
        assertEquals("en", mail.header("Content-Language"));
    }

    @Test
    void aSentEmailMovesTheDeliveriesCounterAndEveryStatusIsScrapedFromZero() {
        Scraped before = scrape();
        for (String status : List.of("sent", "failed", "uncertain", "retried")) {
            assertTrue(before.has("platform_email_deliveries_total", Map.of("status", status)), status + " is scraped");
        }
        assertTrue(before.has("platform_dead_letters_total"), "dead letters are counted, from 0");
        Story story = Story.opened();
        String mia = Story.unique("mia");
        story.member(Role.STANDARD, "Mia", mia, null);
        story.publish();

        Inbox.awaitMail(mia);
        Map<String, String> sent = Map.of("status", "sent");
        // the delivery is marked sent just after the SMTP server took it
        await().until(() -> scrape().sum("platform_email_deliveries_total", sent) >= before.sum("platform_email_deliveries_total", sent) + 1);
    }

    /** /q/metrics as Prometheus reads it: on the service port, without a token. */
    private static Scraped scrape() {
        return Scraped.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    @Test
    void NTF1_anExistingLoginIsToldToSignInWithWhatTheyHave() {
        Story story = Story.opened();
        String sam = Story.unique("sam");
        story.member(Role.STANDARD, "Sam", sam, null, false);
        story.publish();

        ReceivedMail mail = Inbox.awaitMail(sam);
        assertTrue(mail.text().contains("Sign in with the login you already have: " + TestPlatform.get().keycloak().realmUrl() + "/account"), mail.text());
        assertFalse(mail.text().contains("Choose your password"), mail.text());
    }

    @Test
    void NTF1_whoOpensAnAccountIsNotMailedAboutAddingThemselves() {
        Story story = Story.opened();
        String after = Story.unique("after");
        story.member(Role.STANDARD, "After", after, null);
        story.publish();

        Inbox.awaitMail(after);
        assertEquals(0, Inbox.count(story.adaEmail), "Ada opened the account and added herself");
    }

    @Test
    void NTF2_aDeletedMemberIsToldTheirAccessWasRemoved() {
        Story story = Story.opened();
        String dan = Story.unique("dan");
        UUID member = story.member(Role.STANDARD, "Dan", dan, null);
        story.publish();
        Inbox.awaitMail(dan);

        story.deleted(member).publish();

        await().atMost(Duration.ofSeconds(60)).until(() -> Inbox.count(dan) == 2);
        ReceivedMail mail = Inbox.of(dan).get(1);
        assertEquals("Your access to Acme was removed", mail.subject());
        assertTrue(mail.text().contains("Hello Dan,"), mail.text());
        assertTrue(mail.text().contains("Ada removed your access to the account \"Acme\"."), mail.text());
        assertTrue(mail.html().contains("Ada removed your access"), mail.html());
    }

    @Test
    void NTF3_theExternalTechnicianGetsTheUrlTheInviterTheCommentsThePolicyAndTheExpiry() {
        Story story = Story.opened();
        String ready = Story.unique("ready");
        story.member(Role.STANDARD, "Ready", ready, null);
        story.publish();
        // the invite comes on another topic: once a later event of the account was mailed, the directory knows Ada
        Inbox.awaitMail(ready);
        String eve = Story.unique("eve");
        String url = "http://127.0.0.1:1/invites/" + UUID.randomUUID();
        story.inviteEmail(eve, "Eve Expert", "The printer driver again", "Read-only", Instant.parse("2026-11-26T15:30:00Z"), url, null);

        ReceivedMail mail = Inbox.awaitMail(eve);
        assertEquals("Ada invites you to a remote support session", mail.subject());
        assertTrue(mail.text().contains("Hello Eve Expert,"), mail.text());
        assertTrue(mail.text().contains("Ada invites you to a remote support session as an external technician, with the security policy \"Read-only\"."),
                mail.text());
        assertTrue(mail.text().contains("Message from Ada: The printer driver again"), mail.text());
        assertTrue(mail.text().contains("Join the session: " + url), mail.text());
        assertTrue(mail.text().contains("The link works once and lapses at November 26, 2026"), mail.text());
        assertTrue(mail.text().contains("3:30") && mail.text().contains("UTC"), mail.text());
        assertTrue(mail.html().contains("<a href=\"" + url + "\">"), mail.html());
    }

    @Test
    void NTF4_theNewAndTheOldBillingContactAreBothTold() {
        Story story = Story.opened();
        String bob = Story.unique("bob");
        UUID bobId = story.member(Role.ADMIN, "Bob", bob, null);
        story.publish();
        Inbox.awaitMail(bob);

        story.billingContact(story.ada, bobId).publish();

        await().atMost(Duration.ofSeconds(60)).until(() -> Inbox.count(bob) == 2 && Inbox.count(story.adaEmail) == 1);
        ReceivedMail toBob = Inbox.of(bob).get(1);
        assertEquals("You are now the billing contact of Acme", toBob.subject());
        assertTrue(toBob.text().contains("Ada handed the billing contact of the account \"Acme\" over to you."), toBob.text());
        ReceivedMail toAda = Inbox.of(story.adaEmail).get(0);
        assertEquals("Bob is now the billing contact of Acme", toAda.subject());
        assertTrue(toAda.text().contains("The billing contact of the account \"Acme\" moved from you to Bob."), toAda.text());
    }

    @Test
    void NTF6_theRecipientsLanguageThenTheAccountsThenEnglish() {
        Story story = Story.opened();
        story.defaultLanguage(Language.DE);
        String francoise = Story.unique("francoise");
        String gerd = Story.unique("gerd");
        story.member(Role.STANDARD, "Françoise", francoise, Language.FR);
        story.member(Role.STANDARD, "Gerd", gerd, null);
        story.publish();

        ReceivedMail french = Inbox.awaitMail(francoise);
        assertEquals("Vous avez désormais accès au compte Acme", french.subject());
        assertTrue(french.text().contains("Bonjour Françoise,"), french.text());
        assertTrue(french.html().contains("lang=\"fr\""), french.html());
        assertEquals("fr", french.header("Content-Language"));

        ReceivedMail german = Inbox.awaitMail(gerd);
        assertEquals("Sie wurden zum Konto Acme hinzugefügt", german.subject());
        assertTrue(german.text().contains("Gerd"), german.text());
        assertEquals("de", german.header("Content-Language"));
    }

    @Test
    void NTF6_anInviteIsWrittenInTheLanguageAskedElseTheAccounts() {
        Story story = Story.opened();
        story.defaultLanguage(Language.ES);
        String marker = Story.unique("marta");
        story.member(Role.STANDARD, "Marta", marker, null);
        story.publish();
        // the requests come on another topic, in no order with the account's events: the account's language is known first
        assertEquals("Se le ha añadido a la cuenta Acme", Inbox.awaitMail(marker).subject());
        String pablo = Story.unique("pablo");
        String hans = Story.unique("hans");
        Instant expires = Instant.parse("2026-11-26T15:30:00Z");
        story.inviteEmail(pablo, "Pablo", null, "Soporte", expires, "http://127.0.0.1:1/invites/a", null);
        story.inviteEmail(hans, "Hans", null, "Support", expires, "http://127.0.0.1:1/invites/b", "de");

        ReceivedMail spanish = Inbox.awaitMail(pablo);
        assertEquals("Ada le invita a una sesión de soporte remoto", spanish.subject());
        assertTrue(spanish.text().contains("26 de noviembre de 2026"), spanish.text());
        assertFalse(spanish.text().contains("null"), "no comments, no line for them: " + spanish.text());
        ReceivedMail german = Inbox.awaitMail(hans);
        assertEquals("Ada lädt Sie zu einer Remote-Support-Sitzung ein", german.subject());
        assertTrue(german.text().contains("26. November 2026"), german.text());
    }
}
