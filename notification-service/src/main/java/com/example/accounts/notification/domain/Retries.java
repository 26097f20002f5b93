package com.example.accounts.notification.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * NTF-5: when an email that the SMTP server could not take for now is tried again (exponential back-off), and when
 * trying stops. A lasting refusal (5xx, a bad address) is never tried again.
 */
public record Retries(Duration first, Duration longest, Duration giveUpAfter) {

    /** The wait after the given number of failed attempts (1, 2, ...): first, twice that, ... up to longest. */
    public Duration after(int failedAttempts) {
        Duration wait = first;
        for (int i = 1; i < failedAttempts && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** Whether an email queued at {@code queuedAt} is still worth trying at {@code now}. */
    public boolean worthTrying(Instant queuedAt, Instant now) {
        return now.isBefore(queuedAt.plus(giveUpAfter));
    }
}
