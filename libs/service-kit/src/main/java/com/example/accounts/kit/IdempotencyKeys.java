package com.example.accounts.kit;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.vocabulary.RuleId;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * SEC-3, for every service that stores events: the first answer to each (caller, Idempotency-Key), so that a retry
 * gets that answer and appends nothing. The key is written in the transaction that appended the command's events, so
 * two concurrent first tries cannot both append: the second fails on the key and answers what the first answered.
 *
 * <p>Two ways in. {@link #once(Optional, Supplier)} for commands whose answer is known inside their transaction
 * ({@link #record} writes it there). {@link #once(Optional, List, Supplier)} for commands whose answer is known only
 * after it (an email handed on after the commit): the key is claimed in the append transaction by
 * {@link #claimIn}, called by the store's one place of appending, and answered once the answer is there. A claim
 * whose request then failed is released, so the retry runs again; a claim never answered (the process died between
 * commit and answer) keeps answering 409, never a second append.
 *
 * <p>Its table, {@code idempotency_keys}, is created by the Flyway migrations of this jar ({@code db/idempotency-keys},
 * versions 2.x), which every service that stores events runs at start.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.event-store.enabled", stringValue = "true")
public class IdempotencyKeys {

    private static final String CLAIM = IdempotencyKeys.class.getName() + ".claim";
    private static final String UNIQUE_VIOLATION = "23505";
    /** How long a retry waits for the answer of a first try still running (an email being handed on). */
    private static final Duration PENDING_WAIT = Duration.ofMillis(250);
    private static final int PENDING_POLLS = 40;

    private final Pool pool;

    public IdempotencyKeys(Pool pool) {
        this.pool = pool;
    }

    /** The first answer to this key, waiting a while for one still being made; 422 for a key first used with another request. */
    public Uni<Optional<Answer>> find(IdempotencyKey key) {
        return findOnce(key).chain(found -> found.pending()
                ? Uni.createFrom().item(found).onItem().delayIt().by(PENDING_WAIT).chain(() -> findOnce(key))
                        .repeat().atMost(PENDING_POLLS).skip().where(Found::pending).toUni()
                        .map(answered -> {
                            if (answered == null) {
                                throw inUse(key);
                            }
                            return answered.answer();
                        })
                : Uni.createFrom().item(found.answer()));
    }

    /** A row as read: none, a claim still without answer, or the answer. */
    private record Found(boolean pending, Optional<Answer> answer) {
    }

    private Uni<Found> findOnce(IdempotencyKey key) {
        return pool.preparedQuery("SELECT fingerprint, answer FROM idempotency_keys WHERE login_id = $1 AND key = $2")
                .execute(Tuple.of(key.loginId(), key.key()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new Found(false, Optional.empty());
                    }
                    var row = rows.iterator().next();
                    if (!row.getString("fingerprint").equals(key.requestFingerprint())) {
                        throw new IdempotencyKeyReused(key.key());
                    }
                    JsonObject answer = row.getJsonObject("answer");
                    if (answer == null) {
                        return new Found(true, Optional.empty());
                    }
                    try {
                        return new Found(false, Optional.of(EventJson.MAPPER.readValue(answer.encode(), Answer.class).asReplay()));
                    } catch (IOException e) {
                        throw new IllegalStateException("stored answer unreadable", e);
                    }
                });
    }

    /** Records the answer in the command's transaction; fails with a unique violation when a concurrent request with the key committed first. */
    public Uni<Void> record(SqlConnection connection, IdempotencyKey key, Answer answer) {
        return connection.preparedQuery("INSERT INTO idempotency_keys (login_id, key, fingerprint, answer) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(key.loginId(), key.key(), key.requestFingerprint(), json(answer)))
                .replaceWithVoid();
    }

    /**
     * A key seen before gives its first answer. A request whose first try raced with this one fails here (on the
     * key's unique index, or refused by the state the first try left): once the first try's answer is stored, that
     * answer is the answer to both.
     */
    public Uni<Answer> once(Optional<IdempotencyKey> key, Supplier<Uni<Answer>> run) {
        if (key.isEmpty()) {
            return run.get();
        }
        return find(key.get()).chain(stored -> stored.isPresent()
                ? Uni.createFrom().item(stored.get())
                : run.get().onFailure().recoverWithUni(failure -> find(key.get())
                        .map(again -> again.orElseThrow(() -> failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure)))));
    }

    /** What a request claimed, on its Vert.x context, for the append transaction to write with its events. */
    private static final class Claim {
        final IdempotencyKey key;
        volatile boolean written;

        Claim(IdempotencyKey key) {
            this.key = key;
        }
    }

    /**
     * The same for a command answered after its transaction: {@code run} answers a JAX-RS response, kept without the
     * {@code secret} fields of its body. The first append {@code run} makes claims the key in its transaction
     * ({@link #claimIn}); the answer follows it.
     */
    public Uni<Response> once(Optional<IdempotencyKey> key, List<String> secret, Supplier<Uni<Response>> run) {
        if (key.isEmpty()) {
            return run.get();
        }
        return find(key.get()).chain(stored -> stored.isPresent() ? Uni.createFrom().item(stored.get().response()) : firstTry(key.get(), secret, run));
    }

    private Uni<Response> firstTry(IdempotencyKey key, List<String> secret, Supplier<Uni<Response>> run) {
        Claim claim = new Claim(key);
        return Uni.createFrom().deferred(() -> {
            putClaim(claim);
            return run.get();
        })
                // failed after its claim committed (an email not handed on, the invite withdrawn): the retry runs again
                .onFailure(failure -> claim.written).call(() -> release(key))
                // failed on the claim of a first try racing it: that try's answer is the answer
                .onFailure(failure -> !claim.written).recoverWithUni(failure -> find(key)
                        .map(again -> again.map(Answer::response).orElseThrow(() -> uniqueViolation(failure)
                                ? inUse(key)
                                : failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure))))
                .call(response -> response.getHeaderString(Answer.REPLAYED) != null
                        ? Uni.createFrom().voidItem()
                        : answer(key, Answer.of(response, secret)));
    }

    /**
     * Called by the store in each append transaction: the request's claim, if it has one not yet written, is written
     * there, so the key commits with the first events or not at all. A concurrent first try's claim makes this
     * transaction fail on the key's unique index.
     */
    public Uni<Void> claimIn(SqlConnection connection) {
        return claimIn(connection, currentClaim());
    }

    /**
     * The claim of the request on this context, for {@link #claimIn} to write in a transaction run elsewhere (the
     * stream's writer, which appends the commands of several requests together).
     */
    public Function<SqlConnection, Uni<Void>> claimOfThisRequest() {
        Claim claim = currentClaim();
        return connection -> claimIn(connection, claim);
    }

    private Uni<Void> claimIn(SqlConnection connection, Claim claim) {
        if (claim == null || claim.written) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("INSERT INTO idempotency_keys (login_id, key, fingerprint) VALUES ($1, $2, $3)")
                .execute(Tuple.of(claim.key.loginId(), claim.key.key(), claim.key.requestFingerprint()))
                .invoke(() -> {
                    claim.written = true;
                    // written only if its transaction commits: a group's that rolls back (its commands then run one by
                    // one, CommandPipeline) leaves the claim to be written again with the events that do commit
                    Transaction transaction = connection.transaction();
                    if (transaction != null) {
                        transaction.completion().subscribe().with(committed -> {
                        }, rolledBack -> claim.written = false);
                    }
                })
                .replaceWithVoid();
    }

    /** The answer to a claimed key; also to a key whose claim was not written (no append, or none on this context). */
    private Uni<Void> answer(IdempotencyKey key, Answer answer) {
        return pool.preparedQuery("""
                INSERT INTO idempotency_keys (login_id, key, fingerprint, answer) VALUES ($1, $2, $3, $4)
                ON CONFLICT (login_id, key) DO UPDATE SET answer = EXCLUDED.answer
                WHERE idempotency_keys.answer IS NULL AND idempotency_keys.fingerprint = EXCLUDED.fingerprint""")
                .execute(Tuple.of(key.loginId(), key.key(), key.requestFingerprint(), json(answer))).replaceWithVoid();
    }

    /** The request failed after its claim committed: nothing is kept for it, so the retry runs again. */
    private Uni<Void> release(IdempotencyKey key) {
        return pool.preparedQuery("DELETE FROM idempotency_keys WHERE login_id = $1 AND key = $2 AND answer IS NULL")
                .execute(Tuple.of(key.loginId(), key.key())).replaceWithVoid();
    }

    private static void putClaim(Claim claim) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(CLAIM, claim);
        }
    }

    private static Claim currentClaim() {
        return Vertx.currentContext() != null && VertxContext.isOnDuplicatedContext() ? ContextLocals.<Claim>get(CLAIM).orElse(null) : null;
    }

    private static ProblemException inUse(IdempotencyKey key) {
        return new ProblemException(409, RuleId.SEC_3, "Idempotency-Key in use", "the first request with Idempotency-Key '" + key.key()
                + "' has no answer yet; retry later, it will not take effect twice", null);
    }

    private static boolean uniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }

    private static JsonObject json(Answer answer) {
        return new JsonObject(EventJson.MAPPER.valueToTree(answer).toString());
    }
}
