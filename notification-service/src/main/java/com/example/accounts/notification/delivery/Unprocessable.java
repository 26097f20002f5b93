package com.example.accounts.notification.delivery;

import java.util.UUID;

/**
 * A record this service cannot act on (not an event, a corrupt one, another event at a stream version already read):
 * it goes to the dead-letter topic with the reason; {@code diverged}, when set, is the account to flag with it.
 */
public final class Unprocessable extends RuntimeException {

    private final transient UUID diverged;

    public Unprocessable(String reason) {
        this(reason, null);
    }

    Unprocessable(String reason, UUID diverged) {
        super(reason, null, false, false);
        this.diverged = diverged;
    }

    UUID diverged() {
        return diverged;
    }
}
