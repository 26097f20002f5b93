package com.example.accounts.notification.delivery;

/** A record this service cannot act on (not an event, a corrupt one): it goes to the dead-letter topic with the reason. */
public final class Unprocessable extends RuntimeException {

    public Unprocessable(String reason) {
        super(reason, null, false, false);
    }
}
