package com.example.accounts.session.infrastructure;

import com.example.accounts.session.application.SessionConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What lets a guest in without an account: customer codes (SUP-2), invite tokens (INV-2), training codes (TRN-6)
 * and the guest keys handed to those admitted. Only a keyed hash of each is kept (HMAC-SHA256 with
 * {@code platform.codes.secret}), here and never in the event log (EVT-5): a dump of the table without the secret
 * gives no code back, where a plain hash of a 12-digit code is reversed by trying them all. Whether a pass still
 * admits anyone (used, revoked, session ended) is the session's decision; a pass past its {@code expires_at} admits
 * no one.
 *
 * <p>Passes written before the hashes were keyed ({@code keyed} false) are found by their old plain SHA-256 hash
 * until they lapse under today's rules and are pruned: the secret cannot re-key a hash it cannot reverse, and
 * dropping them at the upgrade would leave scheduled trainings without a code. No new pass is written that way.
 *
 * <p>The table stays bounded: when a session ends its codes lapse and all its passes are marked closed
 * ({@link #close}), and passes lapsed or closed {@code platform.guests.passes-kept} ago are deleted
 * ({@link #prune}), every {@code platform.guests.prune-every}.
 */
@ApplicationScoped
public class Passes {

    private static final Logger LOG = Logger.getLogger(Passes.class);
    private static final int MIN_SECRET = 32;

    public enum Kind {
        CUSTOMER_CODE,
        INVITE,
        TRAINING_CODE,
        GUEST_KEY
    }

    /** A pass found by its secret: the session it opens and who or what it stands for (an invite, a guest). */
    public record Pass(Kind kind, UUID accountId, UUID sessionId, UUID subjectId, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final Vertx vertx;
    private final SecretKeySpec key;
    private final Duration kept;
    private final Duration pruneEvery;

    public Passes(Pool pool, Vertx vertx, SessionConfig.Codes codes, SessionConfig.GuestEndpoints guests) {
        Optional<String> secret = codes.secret();
        if (secret.isEmpty() || secret.get().strip().length() < MIN_SECRET) {
            throw new IllegalStateException("platform.codes.secret (environment PLATFORM_CODES_SECRET) must be set to a secret of at least "
                    + MIN_SECRET + " characters: it keys the hashes of join codes, invite tokens and guest keys");
        }
        this.pool = pool;
        this.vertx = vertx;
        this.key = new SecretKeySpec(secret.get().strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.kept = guests.passesKept();
        this.pruneEvery = guests.pruneEvery();
    }

    /** Its table, {@code guest_passes}, is the service's Flyway migration's; pruned here from the start on. */
    void startPruning(@Observes StartupEvent event) {
        vertx.setPeriodic(pruneEvery.toMillis(), id -> prune(Instant.now().minus(kept)).subscribe().with(
                deleted -> LOG.debugf("pruned %d guest passes", deleted), failure -> LOG.warnf("could not prune guest passes: %s", failure.getMessage())));
    }

    /** INV-2: 256 random bits, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A code a customer or participant types: twelve digits, one in a million million. Guessing is bounded by the
     * guest budgets of wrong codes ({@link GuestLimits#guessCode}), per address and from all addresses together.
     */
    public static String newCode() {
        return String.format("%012d", RANDOM.nextLong(1_000_000_000_000L));
    }

    /** A code as typed, read as its digits: spaces and dashes between groups are no part of it. */
    public static String digits(String code) {
        return code == null ? null : code.replaceAll("[\\s-]", "");
    }

    /** Keeps the pass's hash in the caller's transaction; a clash of two codes fails it, and the command is retried with a new one. */
    public Uni<Void> keep(SqlConnection connection, String secret, Kind kind, UUID accountId, UUID sessionId, UUID subjectId, Instant expiresAt) {
        return connection.preparedQuery("""
                INSERT INTO guest_passes (hash, kind, account_id, session_id, subject_id, expires_at, keyed) VALUES ($1, $2, $3, $4, $5, $6, true)
                ON CONFLICT (hash) DO NOTHING""")
                .execute(Tuple.from(new Object[]{hash(secret), kind.name(), accountId, sessionId, subjectId,
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

    /**
     * The session has ended (SUP-5, TRN-3): its codes lapse now, so they are wrong codes from here on and cost no
     * stream read to refuse, and all its passes are closed, to be pruned.
     */
    public Uni<Void> close(SqlConnection connection, UUID sessionId, Instant now) {
        return connection.preparedQuery("""
                UPDATE guest_passes SET closed_at = coalesce(closed_at, $2),
                    expires_at = CASE WHEN kind IN ('CUSTOMER_CODE', 'TRAINING_CODE') THEN least(expires_at, $2) ELSE expires_at END
                WHERE session_id = $1""")
                .execute(Tuple.of(sessionId, now.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    /** Deletes the passes that lapsed or were closed before {@code before}; answers how many. */
    public Uni<Integer> prune(Instant before) {
        return pool.preparedQuery("DELETE FROM guest_passes WHERE expires_at < $1 OR closed_at < $1")
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC))).map(rows -> rows.rowCount());
    }

    public Uni<Optional<Pass>> find(String secret, Kind kind) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Uni.createFrom().item(Optional.empty());
        }
        String given = kind == Kind.CUSTOMER_CODE || kind == Kind.TRAINING_CODE ? digits(secret) : secret.strip();
        return pool.preparedQuery("""
                SELECT account_id, session_id, subject_id, expires_at FROM guest_passes
                WHERE kind = $2 AND (hash = $1 AND keyed OR hash = $3 AND NOT keyed)""")
                .execute(Tuple.of(hash(given), kind.name(), legacyHash(given)))
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

    String hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain SHA-256 of passes written before the hashes were keyed: read, never written. */
    static String legacyHash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
