package com.example.accounts.kit.command;

import com.example.accounts.eventstore.EventMetadata;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A command as the pipeline runs it on a stream's state: first {@code ask} (who asks, and what: ACC-6 comes before
 * anything else), then If-Match, then {@code decide}, which gives the events (maybe none) or throws a refusal.
 * {@link Outside} calls out of the store before the append (a login's email, USR-5) and undoes that when the append
 * does not commit; {@link Alongside} writes in the append's transaction, after every event of it.
 */
public final class Command<S, E> {

    /** What is written with the events, in their transaction, after them. */
    @FunctionalInterface
    public interface Alongside<S, E> {
        Uni<Void> write(SqlConnection connection, S before, Done<S, E> done);
    }

    /** What happens outside the store before the events are appended, and how it is undone when they are not. */
    public interface Outside<S, E> {
        Uni<Void> before(S state, List<E> events);

        Uni<Void> undo(S state, List<E> events);
    }

    private final Function<Loaded<S>, Supplier<List<E>>> decide;
    private final EventMetadata metadata;
    private final Long ifMatch;
    private final Alongside<S, E> alongside;
    private final Outside<S, E> outside;

    private Command(Function<Loaded<S>, Supplier<List<E>>> decide, EventMetadata metadata, Long ifMatch, Alongside<S, E> alongside,
            Outside<S, E> outside) {
        this.decide = decide;
        this.metadata = metadata;
        this.ifMatch = ifMatch;
        this.alongside = alongside;
        this.outside = outside;
    }

    /** A command decided on the stream as read. */
    public static <S, E> Command<S, E> deciding(Function<Loaded<S>, List<E>> decide, EventMetadata metadata) {
        return new Command<>(loaded -> () -> decide.apply(loaded), metadata, null, null, null);
    }

    /** A command made from the state by {@code ask} (which may refuse the caller), before If-Match is compared; then decided. */
    public static <S, E, C> Command<S, E> asked(Function<S, C> ask, BiFunction<C, S, List<E>> decide, EventMetadata metadata) {
        return askedOf(loaded -> ask.apply(loaded.state()), (asked, loaded) -> decide.apply(asked, loaded.state()), metadata);
    }

    /**
     * As {@link #asked}, made and decided on the stream as loaded (its account, whether it was written), for streams
     * that are seen through the account asking (ACC-6: another account's stream is as one never written).
     */
    public static <S, E, C> Command<S, E> askedOf(Function<Loaded<S>, C> ask, BiFunction<C, Loaded<S>, List<E>> decide, EventMetadata metadata) {
        return new Command<>(loaded -> {
            C asked = ask.apply(loaded);
            return new Asked<>(asked.getClass().getSimpleName(), () -> decide.apply(asked, loaded));
        }, metadata, null, null, null);
    }

    /** The decision of an asked command, with its type (the command record's name) for the pipeline's meters. */
    private record Asked<E>(String type, Supplier<List<E>> events) implements Supplier<List<E>> {
        @Override
        public List<E> get() {
            return events.get();
        }
    }

    /** Only while the stream is at {@code version} (an If-Match; null: any); a stream never written has no version to match. */
    public Command<S, E> ifMatch(Long version) {
        return new Command<>(decide, metadata, version, alongside, outside);
    }

    public Command<S, E> alongside(Alongside<S, E> write) {
        return new Command<>(decide, metadata, ifMatch, alongside == null
                ? write
                : (c, before, done) -> alongside.write(c, before, done)
                        .chain(() -> write.write(c, before, done)),
                outside);
    }

    public Command<S, E> outside(Outside<S, E> effect) {
        return new Command<>(decide, metadata, ifMatch, alongside, effect);
    }

    EventMetadata metadata() {
        return metadata;
    }

    /** The same command, its events stored with the trace context {@code traceparent} (null: none) for the relay to pass on. */
    Command<S, E> tracedBy(String traceparent) {
        return traceparent == null || metadata == null ? this : new Command<>(decide, metadata.tracedBy(traceparent), ifMatch, alongside, outside);
    }

    /**
     * The events of this command on {@code loaded}; a refusal or {@link PreconditionFailed} is thrown. {@code typed}
     * learns the command's type once it is known (an asked command's record name), for the pipeline's meters.
     */
    List<E> decide(Loaded<S> loaded, Consumer<String> typed) {
        Supplier<List<E>> asked = decide.apply(loaded);
        if (asked instanceof Asked<E> named) {
            typed.accept(named.type());
        }
        if (ifMatch != null && loaded.exists() && ifMatch != loaded.version()) {
            throw new PreconditionFailed(ifMatch, loaded.version());
        }
        return asked.get();
    }

    Uni<Void> before(S state, List<E> events) {
        return outside == null ? Uni.createFrom().voidItem() : outside.before(state, events);
    }

    Uni<Void> undo(S state, List<E> events) {
        return outside == null ? Uni.createFrom().voidItem() : outside.undo(state, events);
    }

    Uni<Void> alongside(SqlConnection connection, S before, Done<S, E> done) {
        return alongside == null ? Uni.createFrom().voidItem() : alongside.write(connection, before, done);
    }
}
