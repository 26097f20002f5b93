package com.example.accounts.session.infrastructure;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * What lets a guest in without an account: customer codes (SUP-2), invite tokens (INV-2), training codes (TRN-6)
 * and the guest keys handed to those admitted. Only a SHA-256 hash of each is kept, here and never in the event log
 * (EVT-5); whether a pass still admits anyone (used, lapsed, revoked, session ended) is the session's decision.
 */
@ApplicationScoped
public class Passes {

    public enum Kind { CUSTOMER_CODE, INVITE, TRAINING_CODE, GUEST_KEY }

    /** A pass found by its secret: the session it opens and who or what it stands for (an invite, a guest). */
    public record Pass(Kind kind, UUID accountId, UUID sessionId, UUID subjectId, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;

    public Passes(Pool pool) {
        this.pool = pool;
    }

    void migrate(@Observes StartupEvent event) {
        pool.query("""
                CREATE TABLE IF NOT EXISTS guest_passes (
                    hash text PRIMARY KEY, kind text NOT NULL, account_id uuid NOT NULL, session_id uuid NOT NULL,
                    subject_id uuid, expires_at timestamptz, created_at timestamptz NOT NULL DEFAULT now())""").execute().await().indefinitely();
    }

    /** INV-2: 256 random bits, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A code a customer or participant types: nine digits. Guessing is slowed by the guest rate limits. */
    public static String newCode() {
        return String.format("%09d", RANDOM.nextInt(1_000_000_000));
    }

    /** Keeps the pass's hash in the caller's transaction; a clash of two codes fails it, and the command is retried with a new one. */
    public Uni<Void> keep(SqlConnection connection, String secret, Kind kind, UUID accountId, UUID sessionId, UUID subjectId, Instant expiresAt) {
        return connection.preparedQuery("""
                        INSERT INTO guest_passes (hash, kind, account_id, session_id, subject_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
                        ON CONFLICT (hash) DO NOTHING""")
                .execute(Tuple.from(new Object[] {hash(secret), kind.name(), accountId, sessionId, subjectId,
                        expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC)}))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new com.example.accounts.eventstore.ConcurrencyConflict("guest pass", 0);
                    }
                }).replaceWithVoid();
    }

    /** Takes a guest's key away in the caller's transaction (INV-3: an external technician removed), so it admits no one, as if never given. */
    public Uni<Void> forget(SqlConnection connection, Kind kind, UUID sessionId, UUID subjectId) {
        return connection.preparedQuery("DELETE FROM guest_passes WHERE kind = $1 AND session_id = $2 AND subject_id = $3")
                .execute(Tuple.of(kind.name(), sessionId, subjectId)).replaceWithVoid();
    }

    public Uni<Optional<Pass>> find(String secret, Kind kind) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("SELECT account_id, session_id, subject_id, expires_at FROM guest_passes WHERE hash = $1 AND kind = $2")
                .execute(Tuple.of(hash(secret.strip()), kind.name()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var row = rows.iterator().next();
                    var expires = row.getOffsetDateTime("expires_at");
                    return Optional.of(new Pass(kind, row.getUUID("account_id"), row.getUUID("session_id"), row.getUUID("subject_id"),
                            expires == null ? null : expires.toInstant()));
                });
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
