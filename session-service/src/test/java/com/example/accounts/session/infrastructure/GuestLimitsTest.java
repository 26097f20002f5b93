package com.example.accounts.session.infrastructure;

import com.example.accounts.kit.TooManyAttempts;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guest limits' counting, all of it in memory: budgets of wrong codes, the /64 of an IPv6 address, the bound on what is counted. */
class GuestLimitsTest {

    private static GuestLimits limits(int wrongPerAddress, int wrongGlobal, int maxTracked) {
        return new GuestLimits(30, 60, Duration.ofMinutes(1), wrongPerAddress, wrongGlobal, Duration.ofHours(1), maxTracked);
    }

    @Test
    void SUP2_TRN6_aSpentBudgetOfAllAddressesRefusesEveryAddressThatGuessedWrongAndLeavesTheOthersTheirFirstTry() {
        GuestLimits limits = limits(20, 5, 1000);
        long now = 1_000_000;
        for (int i = 0; i < 5; i++) {
            limits.guessCode("198.51.100." + i, now);
        }
        // the budget of all addresses is spent: an address that guessed wrong is refused before any code is looked up
        TooManyAttempts refused = assertThrows(TooManyAttempts.class, () -> limits.guessCode("198.51.100.0", now + 1));
        assertEquals(429, refused.problem().status());
        assertTrue(refused.retryAfterSeconds() > 0 && refused.retryAfterSeconds() <= 3600, "Retry-After " + refused.retryAfterSeconds());
        // an address that never guessed keeps its first try (a customer typing their code right is never locked out by a
        // flood), and only that one: wrong once, it is refused like the others
        assertDoesNotThrow(() -> limits.guessCode("192.0.2.1", now + 2));
        assertThrows(TooManyAttempts.class, () -> limits.guessCode("192.0.2.1", now + 3));
        // first tries past the budget end at ten times it: a flood from more addresses than that refuses everyone
        int firstTries = 0;
        for (int i = 0; i < 100 && firstTries == i; i++) {
            try {
                limits.guessCode("203.0.113." + i, now + 4);
                firstTries++;
            } catch (TooManyAttempts tenTimesTheBudget) {
                // ten times the budget reached
            }
        }
        assertTrue(firstTries < 5 * GuestLimits.FIRST_TRIES_PAST_IT, "first tries past the budget: " + firstTries);
        assertThrows(TooManyAttempts.class, () -> limits.guessCode("192.0.2.99", now + 5), "past ten times the budget");
        // the window over, guessing starts again
        assertDoesNotThrow(() -> limits.guessCode("198.51.100.0", now + Duration.ofHours(1).toMillis()));
        assertDoesNotThrow(() -> limits.guessCode("198.51.100.0", now + Duration.ofHours(1).toMillis() + 1));
    }

    @Test
    void SUP2_TRN6_aFloodOfNewAddressesResetsCountsOfRequestsBeforeCountsOfWrongCodes() {
        GuestLimits limits = limits(2, Integer.MAX_VALUE, 100);
        long now = 7_000_000;
        limits.guessCode("198.51.100.1", now);
        limits.guessCode("198.51.100.1", now + 1);
        for (int i = 0; i < 500; i++) {
            limits.fromAddress("2001:db8:" + Integer.toHexString(i) + "::1", now + 2 + i);
        }
        assertThrows(TooManyAttempts.class, () -> limits.guessCode("198.51.100.1", now + 600),
                "the address's wrong codes are still counted after 500 other addresses came");
    }

    @Test
    void SUP2_TRN6_aCodeThatAdmitsCostsNoBudget() {
        GuestLimits limits = limits(3, 1000, 1000);
        long now = 5_000_000;
        for (int i = 0; i < 10; i++) {
            limits.admitted(limits.guessCode("198.51.100.7", now + i));
        }
        for (int i = 0; i < 3; i++) {
            limits.guessCode("198.51.100.7", now + 20 + i);
        }
        assertThrows(TooManyAttempts.class, () -> limits.guessCode("198.51.100.7", now + 30), "the fourth wrong code of the address");
    }

    @Test
    void SEC1_anIPv6AddressIsCountedByItsSlash64() {
        assertEquals(GuestLimits.network("2001:db8:1:2::5"), GuestLimits.network("2001:db8:1:2:ffff:eeee:dddd:1"));
        assertNotEquals(GuestLimits.network("2001:db8:1:2::5"), GuestLimits.network("2001:db8:1:3::5"));
        assertEquals("192.0.2.1", GuestLimits.network("::ffff:192.0.2.1"));
        assertEquals("192.0.2.1", GuestLimits.network("192.0.2.1"));

        GuestLimits limits = limits(2, 1000, 1000);
        limits.guessCode("2001:db8:1:2::1", 0);
        limits.guessCode("2001:db8:1:2::2", 1);
        assertThrows(TooManyAttempts.class, () -> limits.guessCode("2001:db8:1:2::3", 2), "another host of the same /64");
        assertDoesNotThrow(() -> limits.guessCode("2001:db8:1:3::1", 3));
    }

    @Test
    void SEC1_whatIsCountedStaysBoundedUnderAFloodOfAddresses() {
        GuestLimits limits = limits(20, Integer.MAX_VALUE, 1000);
        long now = 9_000_000;
        for (int i = 0; i < 50_000; i++) {
            String address = "2001:db8:" + Integer.toHexString(i >> 16) + ":" + Integer.toHexString(i & 0xffff) + "::1";
            limits.fromAddress(address, now + i / 1000);
            limits.guessCode(address, now + i / 1000);
            assertTrue(limits.tracked() <= 1000, "counted " + limits.tracked() + " keys after " + (i + 1) + " addresses");
        }
        // windows past their end go at the next count
        limits.fromAddress("192.0.2.50", now + Duration.ofHours(2).toMillis());
        assertTrue(limits.tracked() <= 2, "counted " + limits.tracked() + " keys once every window was over");
    }
}
