package com.example.accounts.kit.command;

import java.util.List;

/** What became of one command of a group: refused, nothing to append, or events to append after the group's earlier ones. */
final class GroupOutcome<S, E> {
    final PendingCommand<S, E> pending;
    Throwable refused;
    S before;
    S after;
    long version;
    List<E> events = List.of();
    /** the index in the group's appends of this command's, or of the last one before it (-1: none) */
    int append = -1;
    long positionBefore;

    GroupOutcome(PendingCommand<S, E> pending) {
        this.pending = pending;
    }

    boolean appends() {
        return refused == null && !events.isEmpty();
    }
}
