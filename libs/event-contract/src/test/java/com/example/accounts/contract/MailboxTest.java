package com.example.accounts.contract;

import com.example.accounts.contract.vocabulary.Mailbox;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailboxTest {

    @Test
    void SEC2_anAddressIsItsFormOnlyOneAtADottedDomainNoWhitespaceAtMost254Characters() {
        for (String good : List.of("vera@vendor.example", "a.b@c.d", "a@..b.c", "x@y.z", "o'neil+tag@mail.co.uk", "a".repeat(244) + "@vendor.io")) {
            assertTrue(Mailbox.isMailbox(good), good);
        }
        for (String bad : List.of("", "vera", "@vendor.example", "vera@", "vera@vendor", "vera@.example", "vera@vendor.", "vera@vendor.example.",
                "ve ra@vendor.example", "vera@ven\tdor.example", "vera@vendor@example.org", "a".repeat(245) + "@vendor.io")) {
            assertFalse(Mailbox.isMailbox(bad), bad);
        }
        assertFalse(Mailbox.isMailbox(null));
    }

    @Test
    void SEC2_noAddressHoweverLongOrOddCostsMoreThanOnePass() {
        // what made a backtracking pattern quadratic: many dots and a late failure; refused by its length, and at the
        // limit refused in one pass
        String pathological = "a@" + ".".repeat(60_000) + "@";
        String atTheLimit = "a@" + ".".repeat(Mailbox.MAX_LENGTH - 3) + "@";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 10_000; i++) {
                assertFalse(Mailbox.isMailbox(pathological));
                assertFalse(Mailbox.isMailbox(atTheLimit));
            }
        });
    }
}
