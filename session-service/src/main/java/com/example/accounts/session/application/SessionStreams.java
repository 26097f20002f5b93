package com.example.accounts.session.application;

import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.command.Command;
import com.example.accounts.kit.command.CommandPipeline;
import com.example.accounts.kit.command.Done;
import com.example.accounts.kit.command.Loaded;
import com.example.accounts.kit.command.StreamKind;
import com.example.accounts.session.infrastructure.Passes;
import com.example.accounts.session.support.domain.SupportSession;
import com.example.accounts.session.training.domain.TrainingSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The session service's streams as each account sees them (ACC-6), run through the kit's {@link CommandPipeline}:
 * the stream's writer decides each command on the state the ones before it left and appends at that version, so
 * two commands racing on one stream cannot both win (EVT-1): of twenty redemptions of one invite, one appends and
 * the others are decided on a state where it is used (INV-2). A command that ends a session lapses its codes with
 * its events ({@link Passes#close}, SUP-5, TRN-3).
 */
@ApplicationScoped
public class SessionStreams {

    /** Raise when a fold changes outside the state's record and its events: every snapshot is then folded again. */
    public static final int FOLD_REVISION = 1;

    /** One table for every kind of stream: each kind's fold is its own, so a snapshot is never read as another kind. */
    public static final String SNAPSHOTS = "session_snapshots";

    private final CommandPipeline pipeline;
    private final Passes passes;

    public SessionStreams(CommandPipeline pipeline, Passes passes) {
        this.pipeline = pipeline;
        this.passes = passes;
    }

    public <S, E> Uni<Loaded<S>> load(StreamKind<S, E> kind, String stream) {
        return pipeline.load(kind, stream).map(loaded -> {
            if (loaded.foreign()) {
                // ACC-6: an id of another kind of stream names no such thing here
                throw ProblemException.notFound(kind.name());
            }
            return loaded;
        });
    }

    /** ACC-6: a stream of another account does not exist for this one. */
    public <S, E> Uni<Loaded<S>> loadIn(StreamKind<S, E> kind, UUID accountId, String stream) {
        return loadAs(kind, accountId, stream).invoke(loaded -> {
            if (!loaded.exists()) {
                throw ProblemException.notFound(kind.name());
            }
        });
    }

    /**
     * ACC-6: the stream as {@code accountId} sees it. One of another account, or of another kind, is as one never
     * written, so whatever is asked or decided of it answers as for an id nobody ever used, in status and body.
     */
    public <S, E> Uni<Loaded<S>> loadAs(StreamKind<S, E> kind, UUID accountId, String stream) {
        return pipeline.load(kind, stream).map(loaded -> seenBy(kind, accountId, loaded));
    }

    private static <S, E> Loaded<S> seenBy(StreamKind<S, E> kind, UUID accountId, Loaded<S> stored) {
        if (!stored.exists() || stored.foreign() || !accountId.equals(stored.accountId())) {
            return new Loaded<>(kind.initial(), 0, null, 0);
        }
        return stored;
    }

    /** {@code command} decided by {@code decide} on the stream as this account sees it (ACC-6). */
    public <S, E, C> Uni<Done<S, E>> run(StreamKind<S, E> kind, UUID accountId, String stream, C command, BiFunction<C, S, List<E>> decide,
            EventMetadata metadata) {
        return run(kind, accountId, stream, command, decide, metadata, (connection, done) -> Uni.createFrom().voidItem());
    }

    /**
     * {@code alongside} writes in the transaction of the append (a pass's hash), so both commit or neither; so does
     * the Idempotency-Key of a creating command's request (SEC-3), so a retry racing its first try cannot append twice.
     */
    public <S, E, C> Uni<Done<S, E>> run(StreamKind<S, E> kind, UUID accountId, String stream, C command, BiFunction<C, S, List<E>> decide,
            EventMetadata metadata, BiFunction<SqlConnection, Done<S, E>, Uni<Void>> alongside) {
        return runAsked(kind, accountId, stream, state -> command, decide, metadata, alongside);
    }

    /**
     * The command {@code ask} makes of the stream's state as this account sees it (it may refuse who asks, before
     * anything is decided), decided by {@code decide}. The pipeline's meters count it under its record's name.
     */
    public <S, E, C> Uni<Done<S, E>> runAsked(StreamKind<S, E> kind, UUID accountId, String stream, Function<S, C> ask, BiFunction<C, S, List<E>> decide,
            EventMetadata metadata, BiFunction<SqlConnection, Done<S, E>, Uni<Void>> alongside) {
        AtomicBoolean seen = new AtomicBoolean();
        Command<S, E> command = Command.<S, E, C>askedOf(stored -> ask.apply(seenBy(kind, accountId, stored).state()), (asked, stored) -> {
            // ACC-6: decided on as this account sees it, so another account's stream is refused as a made-up id is
            Loaded<S> view = seenBy(kind, accountId, stored);
            seen.set(view.exists());
            List<E> events = decide.apply(asked, view.state());
            if (!events.isEmpty() && stored.exists() && !view.exists()) {
                // what creates a stream draws a fresh id: one already written elsewhere is never this account's to write
                throw ProblemException.notFound(kind.name());
            }
            return events;
        }, metadata).alongside((connection, before, done) -> alongside.apply(connection, done).chain(() -> {
            UUID ends = endedSession(before) == null ? endedSession(done.state()) : null;
            return ends == null ? Uni.createFrom().voidItem() : passes.close(connection, ends, metadata.occurredAt());
        }));
        return pipeline.run(kind, stream, accountId, command)
                .map(done -> done.events().isEmpty() && !seen.get() ? new Done<S, E>(kind.initial(), 0, List.of(), null) : done);
    }

    /** The session a state has ended (null while open, and for streams that are no session). */
    private static UUID endedSession(Object state) {
        return switch (state) {
            case SupportSession.Ended support -> support.sessionId();
            case TrainingSession training -> training.ended() ? training.sessionId() : null;
            default -> null;
        };
    }
}
