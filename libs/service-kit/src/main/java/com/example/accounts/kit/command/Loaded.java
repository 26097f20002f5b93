package com.example.accounts.kit.command;

import java.util.UUID;

/**
 * A stream as read: its state, its version, its account (null when empty), the position of its last event, how many
 * events were folded since the snapshot it started from, and whether it holds events of another kind of stream
 * ({@code foreign}: its state is then the empty one, its version still the stream's).
 */
public record Loaded<S>(S state, long version, UUID accountId, long lastPosition, int replayed, boolean foreign) {

    public Loaded(S state, long version, UUID accountId, long lastPosition) {
        this(state, version, accountId, lastPosition, 0, false);
    }

    public boolean exists() {
        return version > 0;
    }
}
