package com.example.accounts.account.application;

/** If-Match named a version the account is no longer at. */
public final class PreconditionFailed extends RuntimeException {
    private final long current;

    public PreconditionFailed(long expected, long current) {
        super("the account is at version " + current + ", not " + expected + "; read it again");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
