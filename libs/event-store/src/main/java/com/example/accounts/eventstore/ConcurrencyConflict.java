package com.example.accounts.eventstore;

/** EVT-1: the stream was not at the expected version; someone else appended first. */
public final class ConcurrencyConflict extends RuntimeException {
    private final String streamId;
    private final long expectedVersion;

    public ConcurrencyConflict(String streamId, long expectedVersion) {
        super("stream " + streamId + " is no longer at version " + expectedVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
