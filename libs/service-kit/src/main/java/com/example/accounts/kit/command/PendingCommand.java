package com.example.accounts.kit.command;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.UUID;
import java.util.function.Function;

/** A command waiting for its stream's writer, with the context its answer goes back on. */
final class PendingCommand<S, E> {
    final StreamKind<S, E> kind;
    final UUID accountId;
    final Command<S, E> command;
    final Function<SqlConnection, Uni<Void>> claim;
    final UniEmitter<? super Done<S, E>> answer;
    final Context context;
    /** the command's type for the meters, once a decision named it */
    volatile String type = CommandMetrics.UNNAMED;

    PendingCommand(StreamKind<S, E> kind, UUID accountId, Command<S, E> command, Function<SqlConnection, Uni<Void>> claim,
            UniEmitter<? super Done<S, E>> answer) {
        this.kind = kind;
        this.accountId = accountId;
        this.command = command;
        this.claim = claim;
        this.answer = answer;
        this.context = Vertx.currentContext();
    }

    void complete(Done<S, E> done) {
        if (context == null) {
            answer.complete(done);
        } else {
            context.runOnContext(ignored -> answer.complete(done));
        }
    }

    void fail(Throwable failure) {
        if (context == null) {
            answer.fail(failure);
        } else {
            context.runOnContext(ignored -> answer.fail(failure));
        }
    }
}
