package com.example.accounts.account.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ACC-4: what looks like a payment card number: 13 to 19 digits (spaces and dashes allowed between) passing Luhn. */
final class CardNumbers {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d)*");

    private CardNumbers() {
    }

    /**
     * True when a run of digits in {@code text} (spaces and dashes between them allowed) is 13 to 19 digits long and
     * passes the Luhn check. Longer runs (an IBAN's digits, say) are not card numbers.
     */
    static boolean anyIn(String text) {
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String digits = run.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                return true;
            }
        }
        return false;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
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
