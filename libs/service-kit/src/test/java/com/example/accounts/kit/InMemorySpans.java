package com.example.accounts.kit;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The tests keep the spans the service made in memory, beside the exporter it runs with, to read their trace ids:
 * a bean of the kit's test jar (a bean archive), so every service's tests have it.
 */
@Singleton
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
