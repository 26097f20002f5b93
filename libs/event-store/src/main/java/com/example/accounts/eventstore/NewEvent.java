package com.example.accounts.eventstore;

import com.example.accounts.contract.EventSchemas;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/** An event about to be appended: its id (chosen by the caller, so a retry appends the same id), type, schema version and data. */
public record NewEvent(UUID eventId, String type, int schemaVersion, JsonNode data) {

    /**
     * A new event written at the version of its type's schema that the catalog names current (EVT-2): the version a
     * producer writes follows the catalog, so raising a type's version there is all a producer needs. A type the
     * catalog does not know is refused here, before any command could append it.
     */
    public static NewEvent current(EventSchemas catalog, String type, JsonNode data) {
        return new NewEvent(UUID.randomUUID(), type, catalog.currentVersion(type), data);
    }
}
