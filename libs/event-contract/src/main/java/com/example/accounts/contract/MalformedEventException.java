package com.example.accounts.contract;

/** An event that does not fit the contract: unreadable, of an unknown type, or not matching its schema. */
public final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
