package com.example.accounts.launcher;

/** One way {@link NonMemberOracle} sends an operation: which headers and query parameters it carries, and which body. */
record RequestVariant(String label, boolean ifMatch, boolean tokenHeader, boolean tokenQuery, boolean tokenAhead, boolean idempotencyKey,
        Body body) {

    enum Body {
        NONE,
        PLAUSIBLE,
        EMPTY,
        BLANK,
        MALFORMED
    }
}
