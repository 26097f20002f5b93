package com.example.accounts.kit;

import com.example.accounts.contract.EventJson;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** SEC-3: a caller's Idempotency-Key and a fingerprint of the request it was first used with. */
public record IdempotencyKey(String loginId, String key, String requestFingerprint) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    /**
     * The caller's key, fingerprinted with the request ({@code "POST /accounts/…"}) and the body it came with; none
     * without the header; a 400 naming the header when it is blank or too long (SEC-2).
     */
    public static Optional<IdempotencyKey> of(String loginId, String key, String request, Object body) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw ProblemException.badRequest(HEADER, "must be 1 to " + MAX_LENGTH + " characters");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((request + "\n" + EventJson.MAPPER.writeValueAsString(body))
                    .getBytes(StandardCharsets.UTF_8));
            return Optional.of(new IdempotencyKey(loginId, key, HexFormat.of().formatHex(hash)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
