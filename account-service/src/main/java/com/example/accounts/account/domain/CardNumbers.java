package com.example.accounts.account.domain;

import java.text.Normalizer;

/**
 * ACC-4: what looks like a payment card number: 13 to 19 digits passing Luhn, however they are written. People
 * group a card's digits with spaces, dashes, dots, slashes or anything else that is no letter, write them in any
 * script's digits, and put the expiry or the CVV right after it; all of that is still the card.
 */
final class CardNumbers {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    private CardNumbers() {
    }

    /**
     * True when some groups of digits next to each other in {@code text}, with nothing but separators (no letter)
     * between them, hold 13 to 19 digits passing the Luhn check. A candidate starts and ends at a group's edge, so
     * one run of more than 19 digits (an IBAN's, say) is no card, while a card followed by its expiry or CVV is.
     * One pass over the text, and at most 19 groups looked at from each group: linear in the text's length, so
     * the caller need only bound the length (no pattern matching that backtracks or recurses).
     */
    static boolean anyIn(String text) {
        // NFKC turns compatibility forms (full-width, circled, superscript digits) into plain ones first.
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int[] digits = new int[normalized.length()];
        int[] groupStart = new int[normalized.length() + 1];
        boolean[] joinsPrevious = new boolean[normalized.length() + 1];
        int count = 0;
        int groups = 0;
        boolean inGroup = false;
        boolean letterSince = true;
        for (int i = 0; i < normalized.length();) {
            int codePoint = normalized.codePointAt(i);
            i += Character.charCount(codePoint);
            int digit = Character.digit(codePoint, 10);
            if (digit >= 0) {
                if (!inGroup) {
                    joinsPrevious[groups] = !letterSince;
                    groupStart[groups++] = count;
                    inGroup = true;
                    letterSince = false;
                }
                digits[count++] = digit;
            } else {
                inGroup = false;
                letterSince |= Character.isLetter(codePoint);
            }
        }
        groupStart[groups] = count;
        for (int first = 0; first < groups; first++) {
            for (int last = first; last < groups && (last == first || joinsPrevious[last]); last++) {
                int length = groupStart[last + 1] - groupStart[first];
                if (length > MAX_DIGITS) {
                    break;
                }
                if (length >= MIN_DIGITS && luhn(digits, groupStart[first], length)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean luhn(int[] digits, int from, int length) {
        int sum = 0;
        boolean twice = false;
        for (int i = from + length - 1; i >= from; i--) {
            int digit = digits[i];
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
