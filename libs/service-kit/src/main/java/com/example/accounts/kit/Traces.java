package com.example.accounts.kit;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.arc.Arc;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * The W3C trace context across the event log: a command's is stored with its events ({@link #traceparent()}), the
 * relay sets it as each record's {@code traceparent} header, and a consumer that reads records itself applies each
 * within a span of that trace ({@link #consuming}), so one trace shows a request, its append and its projections.
 * (The channels' consumers are traced by Quarkus itself.)
 */
public final class Traces {

    /** The record header the relay writes and the W3C propagator reads. */
    public static final String HEADER = "traceparent";

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.kafka.destination.partition");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.message.offset");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("event.type");
    private static final AttributeKey<Long> BATCH = AttributeKey.longKey("messaging.batch.message_count");

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private Traces() {
    }

    /** The current span's context as a W3C {@code traceparent}; null outside any span. */
    public static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** For a record a service sends itself: the current span's context as its {@code traceparent} header (none outside a span). */
    public static void propagate(Headers headers) {
        String traceparent = traceparent();
        if (traceparent != null) {
            headers.add(HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * One consumer span per record, started now, each the child of the span its record's {@code traceparent} names (a
     * trace of its own when it has none): a poll applied in one transaction shows in the trace of every command whose
     * event it applied, rather than as one span linked to all. End them with {@link #end}.
     */
    public static List<Span> consuming(Tracer tracer, String name, Iterable<? extends ConsumerRecord<?, ?>> records, int batchSize) {
        List<Span> spans = new ArrayList<>();
        for (ConsumerRecord<?, ?> record : records) {
            Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(), KAFKA_HEADERS);
            var span = tracer.spanBuilder(record.topic() + " " + name)
                    .setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute(SYSTEM, "kafka")
                    .setAttribute(OPERATION, "process")
                    .setAttribute(DESTINATION, record.topic())
                    .setAttribute(PARTITION, (long) record.partition())
                    .setAttribute(OFFSET, record.offset())
                    .setAttribute(BATCH, (long) batchSize);
            String type = KAFKA_HEADERS.get(record.headers(), "event-type");
            if (type != null) {
                span.setAttribute(EVENT_TYPE, type);
            }
            spans.add(span.startSpan());
        }
        return spans;
    }

    /**
     * Runs {@code apply}, which applies {@code records} together (one transaction), within one consumer span per record
     * ({@link #consuming}); each span fails with it.
     */
    public static <T> T within(Tracer tracer, String name, ConsumerRecords<?, ?> records, Supplier<T> apply) {
        List<Span> spans = consuming(tracer, name, records, records.count());
        try {
            T result = apply.get();
            end(spans, null);
            return result;
        } catch (RuntimeException | Error e) {
            end(spans, e);
            throw e;
        }
    }

    /** The service's tracer, for a consumer built outside CDI. */
    public static Tracer tracer(String instrumentation) {
        return Arc.container().select(OpenTelemetry.class).get().getTracer(instrumentation);
    }

    /** Ends the spans, marked failed with {@code failure} when there is one. */
    public static void end(List<Span> spans, Throwable failure) {
        for (Span span : spans) {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }
            span.end();
        }
    }
}
