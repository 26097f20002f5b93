package com.example.accounts.kit;

/** SEC-3: the Idempotency-Key was first used with a different request; {@link ProblemMapper} answers 422. */
public final class IdempotencyKeyReused extends RuntimeException {
    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request");
    }
}
