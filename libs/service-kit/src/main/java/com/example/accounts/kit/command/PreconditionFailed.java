package com.example.accounts.kit.command;

/** If-Match named a version the stream is no longer at (412, EVT-1). */
public final class PreconditionFailed extends RuntimeException {
    public PreconditionFailed(long expected, long current) {
        super("the account is at version " + current + ", not " + expected + "; read it again");
    }
}
