package com.example.accounts.eventstore;

import java.time.Instant;
import java.util.UUID;

/**
 * Who appended, when, and on behalf of which request (EVT-2); and the W3C trace context of the command that appended
 * ({@code traceparent}, null when none), kept with the event so that the relay, which publishes after the request,
 * puts it on the record and the consumers' spans join the command's trace. It is stored, not published in the envelope.
 */
public record EventMetadata(String actor, String correlationId, String causationId, Instant occurredAt, String traceparent) {

    public EventMetadata(String actor, String correlationId, String causationId, Instant occurredAt) {
        this(actor, correlationId, causationId, occurredAt, null);
    }

    /** A request's: its caller, and its X-Correlation-Id (a fresh one when it sent none), which is also the cause. */
    public static EventMetadata requested(String actor, String correlationId, Instant now) {
        String correlation = correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId;
        return new EventMetadata(actor, correlation, correlation, now);
    }

    /** Done by no one: the event that caused it is both the correlation and the causation. */
    public static EventMetadata causedBy(UUID eventId, Instant now) {
        return new EventMetadata("system", eventId.toString(), eventId.toString(), now);
    }

    /** The same, appended within the trace {@code traceparent} names (null: none). */
    public EventMetadata tracedBy(String traceparent) {
        return new EventMetadata(actor, correlationId, causationId, occurredAt, traceparent);
    }
}
