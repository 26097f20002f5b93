package com.example.accounts.kit;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The service's one {@link Clock}: the time every command is decided at (a domain never reads a clock). A bean, so
 * that a test can move it on ({@code QuarkusMock.installMockForType(clock, Clock.class)}) and see an invite lapse
 * (INV-2) or a code expire (SUP-2) without waiting, and a service can put its own in its place.
 */
@Singleton
public class Clocks {

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
