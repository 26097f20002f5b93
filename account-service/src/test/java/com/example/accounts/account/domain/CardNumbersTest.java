package com.example.accounts.account.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ACC-4, EVT-5: what looks like a card number, however it is written, and what does not. */
class CardNumbersTest {

    private static final String VISA = "4111111111111111";

    /** The card's digits in another script's digits: Arabic-Indic (U+0660), full-width (U+FF10), Devanagari (U+0966). */
    private static String inDigits(String digits, char zero) {
        StringBuilder other = new StringBuilder();
        digits.chars().forEach(c -> other.append(Character.isDigit(c) ? (char) (zero + (c - '0')) : (char) c));
        return other.toString();
    }

    @Test
    void ACC4_EVT5_aCardNumberIsFoundWhateverSeparatesItsDigitsAndWhateverFollowsIt() {
        List<String> written = List.of(
                VISA, "4111 1111 1111 1111", "4111-1111-1111-1111", "4111.1111.1111.1111", "4111/1111/1111/1111",
                "4111  1111   1111    1111", "4111\t1111\t1111\t1111", "4111\u00A01111\u00A01111\u00A01111", "4111_1111_1111_1111",
                "4111,1111,1111,1111", "4111 - 1111 - 1111 - 1111", "4111\u200B1111\u200B1111\u200B1111", "4111\u20131111\u20131111\u20131111",
                "(4111) 1111-1111.1111", "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
                "5555 5555 5555 4444", "3782 822463 10005", "378282246310005",
                inDigits("4111 1111 1111 1111", '\u0660'), inDigits(VISA, '\uFF10'), inDigits("4111-1111-1111-1111", '\u0966'),
                "4111 1111 " + inDigits("1111 1111", '\uFF10'), "\uFF14\uFF11\uFF11\uFF11 1111 1111 1111",
                "4111 1111 1111 1111 123", VISA + " 123", "4111-1111-1111-1111/123", VISA + " 12/28", "4111 1111 1111 1111 exp 12/28 cvv 123",
                VISA + " 12/28 123", "12/28 " + VISA, "123 4111 1111 1111 1111", "card: 4111.1111.1111.1111, cvv: 123, exp: 12/2028",
                "Main St 7, " + VISA, "DE" + VISA);
        for (String text : written) {
            assertTrue(CardNumbers.anyIn(text), text);
        }
    }

    @Test
    void ACC4_digitsThatFailLuhnAreTooFewOrTooManyOrAreSplitByWordsAreNoCardNumber() {
        List<String> fine = List.of("", "pm_1Nv0aX2eZvKYlo2C", "1 Main St, 10115 Berlin", "DE123456789", "123456789012",
                "4111 1111 1111 1112", "PO Box 4111 1111 1111 1112", "DE89 3704 0044 0532 0130 00", "1234567890123456789012345",
                "4111 1111 1111 and 1111", "411111111111 Berlin 1111", inDigits("4111 1111 1111 1112", '\u0660'));
        for (String text : fine) {
            assertFalse(CardNumbers.anyIn(text), text);
        }
    }

    @Test
    void ACC4_aRunOfTensOfThousandsOfDigitsIsScannedInLinearTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertFalse(CardNumbers.anyIn("1".repeat(40_000)));
            assertFalse(CardNumbers.anyIn("1 ".repeat(40_000)));
            assertFalse(CardNumbers.anyIn("1-".repeat(40_000)));
            assertTrue(CardNumbers.anyIn("1".repeat(40_000) + " " + VISA));
            assertTrue(CardNumbers.anyIn("12 ".repeat(20_000) + "x " + VISA));
        });
    }
}
