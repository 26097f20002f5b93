package com.example.accounts.account.application;

/** SEC-3: the Idempotency-Key was first used with a different request. */
public final class IdempotencyKeyReused extends RuntimeException {
    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request");
    }
}
