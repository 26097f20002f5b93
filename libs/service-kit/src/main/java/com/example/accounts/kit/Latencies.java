package com.example.accounts.kit;

import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * The one shape of a latency timer for every service: a percentile histogram from 1 ms to 10 s, so that the
 * platform's latencies are read and aggregated alike. Callers add their bounded tags and register it.
 */
public final class Latencies {

    private static final Duration FASTEST = Duration.ofMillis(1);
    private static final Duration SLOWEST = Duration.ofSeconds(10);

    private Latencies() {
    }

    public static Timer.Builder timer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram().minimumExpectedValue(FASTEST).maximumExpectedValue(SLOWEST);
    }
}
