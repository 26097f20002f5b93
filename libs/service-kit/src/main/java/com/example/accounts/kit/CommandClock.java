package com.example.accounts.kit;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The time every command is decided at (a domain never reads a clock). A bean, so that a test can move it on and
 * see an invite lapse (INV-2) or a code expire (SUP-2) without waiting.
 */
@ApplicationScoped
public class CommandClock {

    public Instant now() {
        return Instant.now();
    }
}
