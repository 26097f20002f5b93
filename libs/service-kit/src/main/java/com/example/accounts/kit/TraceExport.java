package com.example.accounts.kit;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Where spans go when no collector is configured: nowhere. They are still made (their trace ids are in the log lines
 * and travel with requests and records), but the OTLP exporter, which would otherwise send to localhost:4317 and warn
 * at every batch, is only installed once {@code quarkus.otel.exporter.otlp.endpoint} (QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT)
 * or {@code quarkus.otel.exporter.otlp.traces.endpoint} is set: Quarkus installs it only when no other exporter bean is found.
 */
@Singleton
public class TraceExport {

    private static final String UNSET = "<unset>";

    @Produces
    @Singleton
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = UNSET, lookupIfMissing = true)
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = UNSET, lookupIfMissing = true)
    SpanExporter noCollector() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public String toString() {
                return "no collector configured";
            }
        };
    }
}
