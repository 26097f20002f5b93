package com.example.accounts.eventstore;

import java.time.Instant;

/** Who appended, when, and on behalf of which request (EVT-2). */
public record EventMetadata(String actor, String correlationId, String causationId, Instant occurredAt) {
}
