package com.example.accounts.notification;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The tests keep the spans the service made in memory, beside the exporter it runs with, to read their trace ids. */
@Singleton
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
