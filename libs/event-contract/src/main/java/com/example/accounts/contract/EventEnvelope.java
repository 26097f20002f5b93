package com.example.accounts.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The published form of every event (EVT-2): what happened ({@code type}, {@code schemaVersion}, {@code data}),
 * where it sits ({@code accountId}, {@code streamId}, {@code version}, {@code position}), when, who did it
 * ({@code actor}: a member's login id, or {@code system}) and why ({@code correlationId}, {@code causationId}).
 * Kafka records carry it as JSON, keyed by {@code accountId}.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        UUID accountId,
        String streamId,
        long version,
        long position,
        Instant occurredAt,
        String actor,
        String correlationId,
        String causationId,
        JsonNode data) {

    public static final String SYSTEM_ACTOR = "system";

    public EventEnvelope withData(int newSchemaVersion, JsonNode newData) {
        return new EventEnvelope(eventId, type, newSchemaVersion, accountId, streamId, version, position, occurredAt,
                actor, correlationId, causationId, newData);
    }

    /** The consistency token of this event: what a reader passes to wait until the event has been applied (PRM-4). */
    public ConsistencyToken token(String topic) {
        return new ConsistencyToken(topic, accountId, position);
    }
}
