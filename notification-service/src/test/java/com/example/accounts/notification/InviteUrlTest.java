package com.example.accounts.notification;

import com.example.accounts.contract.InviteEmailRequest.SealedUrl;
import com.example.accounts.launcher.ReceivedMail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * INV-2 here: an invite URL stays sealed in this service's database while its email waits (the real SMTP server
 * behind a relay that refuses the recipient for a while), is in the mail that goes out, and a sealed URL that was
 * altered or moved to another invite is never sent.
 */
@QuarkusTest
@WithTestResource(NotificationPlatform.class)
class InviteUrlTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Pool pool;

    @BeforeEach
    void positionsKnown() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    /** A URL as session-service makes them: 256 random bits in base64url. */
    private static String inviteUrl() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return "http://127.0.0.1:1/guest/invites/" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The delivery to the address as stored, every column as JSON text; null before there is one. */
    private String row(String address) {
        RowIterator<Row> rows = pool.preparedQuery("SELECT row_to_json(d)::text FROM email_deliveries d WHERE recipient = $1")
                .execute(Tuple.of(address)).await().atMost(Duration.ofSeconds(10)).iterator();
        return rows.hasNext() ? rows.next().getString(0) : null;
    }

    private Row delivery(String address) {
        RowIterator<Row> rows = pool.preparedQuery("SELECT status, attempts, last_error, contents::text FROM email_deliveries WHERE recipient = $1")
                .execute(Tuple.of(address)).await().atMost(Duration.ofSeconds(10)).iterator();
        return rows.hasNext() ? rows.next() : null;
    }

    private Row awaitDelivery(String address, String status, int minAttempts) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Row delivery = delivery(address);
            return delivery != null && delivery.getString(0).equals(status) && delivery.getInteger(1) >= minAttempts;
        });
        return delivery(address);
    }

    @Test
    void INV2_whileTheInviteEmailWaitsTheDatabaseHoldsTheUrlOnlySealedAndTheMailThatGoesOutHasIt() {
        Story story = Story.opened();
        story.publish();
        String vera = Story.unique("vera");
        String url = inviteUrl();
        String token = url.substring(url.lastIndexOf('/') + 1);
        NotificationPlatform.relay().refuse(vera, "450 4.2.1 Mailbox busy, try again later");
        try {
            story.inviteEmail(vera, "Vera", "the printer driver", "Vendor", Instant.now().plus(Duration.ofHours(2)), url, null);
            awaitDelivery(vera, "PENDING", 2);
            String stored = row(vera);
            assertFalse(stored.contains(token), "INV-2: no invite token at rest while the email waits: " + stored);
            assertFalse(stored.contains("/guest/invites/"), "INV-2: no invite URL at rest while the email waits: " + stored);
            assertTrue(stored.contains("ciphertext") && stored.contains("the printer driver"), "the contents are kept, the URL sealed: " + stored);
        } finally {
            NotificationPlatform.relay().pass(vera);
        }

        ReceivedMail mail = Inbox.awaitMail(vera);
        assertTrue(mail.text().contains("Join the session: " + url), mail.text());
        assertTrue(mail.html().contains("<a href=\"" + url + "\">"), mail.html());
        Row sent = awaitDelivery(vera, "SENT", 2);
        assertNull(sent.getString(3), "the contents, the sealed URL among them, are dropped once sent");
        assertEquals(1, Inbox.count(vera));
    }

    @Test
    void INV2_aSealedUrlThatWasAlteredOrMovedToAnotherInviteIsFailedWithWhyAndNeverSent() {
        Story story = Story.opened();
        story.publish();
        Instant expires = Instant.now().plus(Duration.ofHours(2));
        String url = inviteUrl();

        String altered = Story.unique("altered");
        UUID alteredInvite = UUID.randomUUID();
        SealedUrl sealed = Story.seal().seal(url, story.account, alteredInvite, altered);
        byte[] ciphertext = Base64.getUrlDecoder().decode(sealed.ciphertext());
        ciphertext[ciphertext.length / 2] ^= 0x20;
        story.publishInviteEmail(story.inviteRequest(alteredInvite, altered, "Alice", null, "Vendor", expires,
                new SealedUrl(sealed.keyId(), sealed.nonce(), Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext)), null));

        // a URL sealed for Mallory's invite, put in an email of another invite to her, or of hers to someone else
        String mallory = Story.unique("mallory");
        UUID hers = UUID.randomUUID();
        SealedUrl forHer = Story.seal().seal(url, story.account, hers, mallory);
        story.publishInviteEmail(story.inviteRequest(UUID.randomUUID(), mallory, "Mallory", null, "Vendor", expires, forHer, null));
        String someoneElse = Story.unique("someone");
        story.publishInviteEmail(story.inviteRequest(hers, someoneElse, "Someone", null, "Vendor", expires, forHer, null));

        for (String address : new String[]{altered, mallory, someoneElse}) {
            Row failed = awaitDelivery(address, "FAILED", 1);
            assertTrue(failed.getString(2).contains("INV-2") && failed.getString(2).contains("does not open"), address + ": " + failed.getString(2));
            assertNull(failed.getString(3), "nothing of it is kept");
            assertEquals(0, Inbox.count(address), "never sent: " + address);
        }
    }
}
