package com.example.accounts.kit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;

/**
 * The time every command is decided at, read from the service's one {@link Clock} ({@link Clocks}); for the code
 * that asks it for {@code now()} rather than taking the {@code Clock} itself. A bean, so that a test can move it on
 * and see an invite lapse (INV-2) or a code expire (SUP-2) without waiting.
 */
@ApplicationScoped
public class CommandClock {

    private final Clock clock;

    /** The system's clock, for a test's own instance. */
    public CommandClock() {
        this(Clock.systemUTC());
    }

    @Inject
    public CommandClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }
}
