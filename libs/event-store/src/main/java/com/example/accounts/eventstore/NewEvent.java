package com.example.accounts.eventstore;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/** An event about to be appended: its id (chosen by the caller, so a retry appends the same id), type, schema version and data. */
public record NewEvent(UUID eventId, String type, int schemaVersion, JsonNode data) {
}
