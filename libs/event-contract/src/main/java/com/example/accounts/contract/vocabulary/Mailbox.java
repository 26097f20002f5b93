package com.example.accounts.contract.vocabulary;

/**
 * The form of an email address as the platform takes it: at most {@value #MAX_LENGTH} characters, one {@code @} with
 * something before it, a domain with a dot that has something on both sides of its last one, and no whitespace. Only
 * the form: whether the mailbox exists is the mail server's to say.
 * Checked in one pass over at most {@value #MAX_LENGTH} characters, with no pattern to backtrack, so no address, however
 * long or odd, costs more than that one pass (SEC-2).
 */
public final class Mailbox {

    /** RFC 5321's limit on a path, and so on any address a mail server takes. */
    public static final int MAX_LENGTH = 254;

    private Mailbox() {
    }

    public static boolean isMailbox(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        int at = -1;
        int lastDot = -1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (whitespace(c)) {
                return false;
            }
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (c == '.' && at >= 0) {
                lastDot = i;
            }
        }
        return at > 0 && lastDot > at + 1 && lastDot < value.length() - 1;
    }

    /** What {@code \s} meant to the patterns this replaces: ASCII space, tab, line feed, vertical tab, form feed, return. */
    private static boolean whitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
