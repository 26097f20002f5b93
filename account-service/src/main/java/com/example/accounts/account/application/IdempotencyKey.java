package com.example.accounts.account.application;

/** SEC-3: a caller's Idempotency-Key and a fingerprint of the request it was first used with. */
public record IdempotencyKey(String loginId, String key, String requestFingerprint) {

    public static final int MAX_LENGTH = 200;
}
