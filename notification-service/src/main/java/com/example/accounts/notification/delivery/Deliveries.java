package com.example.accounts.notification.delivery;

import com.example.accounts.notification.domain.Email;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The emails to send and what became of them (NTF-5). An email is queued once per source and recipient, in the
 * transaction that reads its event; the sender claims it (committed) before it hands it to SMTP, so a crash in
 * between leaves it claimed, never queued again: after the claim timeout it is marked UNCERTAIN and not resent; so is
 * one the server did not answer after it was handed over. The queue keeps an email's contents (its values, an invite's
 * URL sealed, {@link Rendering}) only until it is sent or given up.
 */
@ApplicationScoped
public class Deliveries {

    public enum Status {
        PENDING,
        SENDING,
        SENT,
        FAILED,
        UNCERTAIN
    }

    /** A delivery as the admins see it. */
    public record Delivery(UUID deliveryId, UUID sourceId, String kind, String recipient, String language, String messageId, Status status,
            int attempts, String lastError, Instant queuedAt, Instant nextAttemptAt, Instant endedAt) {
    }

    /** An email claimed for sending: whom to, and its contents, from which {@link Rendering} writes the mail. */
    public record Claimed(UUID deliveryId, UUID sourceId, UUID accountId, String recipient, String kind, String language, String messageId,
            String contents, int attempts, Instant queuedAt) {
    }

    /** Counter, tag {@code status}: what became of each try to send (sent, failed, uncertain, or retried later). */
    public static final String METER = "platform.email.deliveries";

    private final Pool pool;
    private final Map<String, Counter> counted = new LinkedHashMap<>();

    public Deliveries(Pool pool, MeterRegistry meters) {
        this.pool = pool;
        // every status registered at 0, so a rate of failures reads 0 rather than nothing before the first
        for (String status : List.of("sent", "failed", "uncertain", "retried")) {
            counted.put(status, Counter.builder(METER).description("tries to send an email, by what became of them")
                    .tag("status", status).register(meters));
        }
    }

    /** Queues the email unless it is queued already (the same source and recipient): at most one each. */
    Uni<Void> queue(SqlClient c, Email email) {
        return c.preparedQuery("""
                INSERT INTO email_deliveries (source_id, recipient, account_id, kind, language, message_id, contents)
                VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb) ON CONFLICT (source_id, recipient) DO NOTHING""")
                .execute(Tuple.from(new Object[]{email.sourceId(), email.to(), email.accountId(), email.kind().name(), email.language().code(),
                        messageId(email.sourceId(), email.to()), Rendering.contents(email)}))
                .replaceWithVoid();
    }

    /** Claims up to {@code limit} due emails; the claim is committed before any of them is handed to SMTP. */
    List<Claimed> claim(int limit) {
        List<Claimed> claimed = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                UPDATE email_deliveries SET status = 'SENDING', claimed_at = now(), attempts = attempts + 1
                WHERE delivery_id IN (SELECT delivery_id FROM email_deliveries WHERE status = 'PENDING' AND next_attempt_at <= now()
                                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING delivery_id, source_id, account_id, recipient, kind, language, message_id, contents::text, attempts, queued_at""")
                .execute(Tuple.of(limit)).await().atMost(DB)) {
            claimed.add(new Claimed(row.getUUID(0), row.getUUID(1), row.getUUID(2), row.getString(3), row.getString(4), row.getString(5),
                    row.getString(6), row.getString(7), row.getInteger(8), instant(row, 9)));
        }
        return claimed;
    }

    void sent(UUID deliveryId) {
        end(deliveryId, Status.SENT, null);
    }

    /** A lasting failure: kept with its reason, never tried again. */
    void failed(UUID deliveryId, String reason) {
        end(deliveryId, Status.FAILED, reason);
    }

    /** Handed over without an answer (NTF-5): the server may have it, so it is not sent again; the reason says so. */
    void uncertain(UUID deliveryId, String reason) {
        end(deliveryId, Status.UNCERTAIN, reason);
    }

    /** A passing failure: tried again at {@code next}. */
    void retryAt(UUID deliveryId, String reason, Instant next) {
        pool.preparedQuery("UPDATE email_deliveries SET status = 'PENDING', last_error = $2, next_attempt_at = $3, claimed_at = NULL WHERE delivery_id = $1")
                .execute(Tuple.of(deliveryId, reason, OffsetDateTime.ofInstant(next, ZoneOffset.UTC))).await().atMost(DB);
        counted.get("retried").increment();
    }

    /**
     * Emails claimed longer ago than the claim timeout: the instance that claimed them stopped while handing them to
     * SMTP. Whether the server took them is unknown, so they are not sent again (NTF-5) and say so.
     */
    int interrupted(Duration claimTimeout) {
        int uncertain = pool.preparedQuery("""
                UPDATE email_deliveries SET status = 'UNCERTAIN', ended_at = now(), contents = NULL,
                    last_error = 'the service stopped while handing it to the SMTP server: it may have arrived (Message-ID '
                        || message_id || '), so it is not sent again'
                WHERE status = 'SENDING' AND claimed_at < now() - make_interval(secs => $1)""")
                .execute(Tuple.of((double) claimTimeout.toMillis() / 1000)).await().atMost(DB).rowCount();
        counted.get("uncertain").increment(uncertain);
        return uncertain;
    }

    private void end(UUID deliveryId, Status status, String reason) {
        // the contents (an invite's sealed URL among them) are not kept past the delivery (INV-2)
        pool.preparedQuery("""
                UPDATE email_deliveries SET status = $2, last_error = coalesce($3, last_error), ended_at = now(), claimed_at = NULL,
                    contents = NULL WHERE delivery_id = $1""")
                .execute(Tuple.of(deliveryId, status.name(), reason)).await().atMost(DB);
        counted.get(status.name().toLowerCase(Locale.ROOT)).increment();
    }

    /** The account's deliveries, newest first, of one status or all. */
    public Uni<List<Delivery>> of(UUID accountId, Status status, int limit) {
        return pool.preparedQuery("""
                SELECT delivery_id, source_id, kind, recipient, language, message_id, status, attempts, last_error, queued_at,
                    next_attempt_at, ended_at
                FROM email_deliveries WHERE account_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY queued_at DESC LIMIT $3""")
                .execute(Tuple.of(accountId, status == null ? null : status.name(), limit))
                .map(rows -> {
                    List<Delivery> deliveries = new ArrayList<>();
                    rows.forEach(row -> deliveries.add(new Delivery(row.getUUID(0), row.getUUID(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), Status.valueOf(row.getString(6)), row.getInteger(7), row.getString(8), instant(row, 9),
                            Status.valueOf(row.getString(6)) == Status.PENDING ? instant(row, 10) : null, instant(row, 11))));
                    return deliveries;
                });
    }

    /** How many of the account's deliveries are in each status. */
    public Uni<Map<Status, Long>> counts(UUID accountId) {
        return pool.preparedQuery("SELECT status, count(*) FROM email_deliveries WHERE account_id = $1 GROUP BY status").execute(Tuple.of(accountId))
                .map(rows -> {
                    Map<Status, Long> counts = new LinkedHashMap<>();
                    for (Status status : Status.values()) {
                        counts.put(status, 0L);
                    }
                    rows.forEach(row -> counts.put(Status.valueOf(row.getString(0)), row.getLong(1)));
                    return counts;
                });
    }

    private static Instant instant(Row row, int column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }

    /** NTF-5: the same source and recipient always give the same Message-ID, so a copy is recognisable as one. */
    static String messageId(UUID sourceId, String recipient) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(recipient.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "<" + sourceId + "." + HexFormat.of().formatHex(hash, 0, 8) + "@accounts.local>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Duration DB = Duration.ofSeconds(30);
}
