package com.example.accounts.launcher;

/** A server could not be found, started or reached; the message says which and where its log is. */
public final class LaunchException extends RuntimeException {
    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
