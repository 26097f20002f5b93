package com.example.accounts.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chain of {@link Upcaster}s: applies, for an event of version n, the upcasters n→n+1→… up to the current
 * version its schema catalog names. To change an event's shape: add its next schema file, raise its version in
 * {@code catalog.json}, and add an upcaster from the old version here.
 */
public final class Upcasters {

    /** The upcasters of the published contract. None yet: every event type is at its first version. */
    public static final Upcasters INSTANCE = new Upcasters(EventSchemas.INSTANCE, List.of());

    private final EventSchemas schemas;
    private final Map<String, Upcaster> byTypeAndVersion = new HashMap<>();

    public Upcasters(EventSchemas schemas, List<Upcaster> upcasters) {
        this.schemas = schemas;
        for (Upcaster upcaster : upcasters) {
            byTypeAndVersion.put(upcaster.type() + "/" + upcaster.fromVersion(), upcaster);
        }
    }

    /**
     * What a reader's events read as: every type at its current version and the upcaster (by class) that brings each
     * older version up. A state folded from events (a snapshot) is valid only under the same fingerprint: a new
     * version or a new upcaster may give an old event new data.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder();
        for (String type : schemas.types()) {
            text.append(type).append(" v").append(schemas.currentVersion(type)).append('\n');
        }
        new TreeMap<>(byTypeAndVersion).forEach((from, upcaster) -> text.append(from).append(" by ").append(upcaster.getClass().getName()).append('\n'));
        return text.toString();
    }

    public EventEnvelope upcast(EventEnvelope envelope) {
        int current = schemas.currentVersion(envelope.type());
        if (envelope.schemaVersion() > current) {
            throw new MalformedEventException(envelope.type() + " v" + envelope.schemaVersion()
                    + " is newer than this reader knows (v" + current + ")");
        }
        EventEnvelope result = envelope;
        while (result.schemaVersion() < current) {
            Upcaster upcaster = byTypeAndVersion.get(result.type() + "/" + result.schemaVersion());
            if (upcaster == null) {
                throw new MalformedEventException("no upcaster for " + result.type() + " v" + result.schemaVersion());
            }
            ObjectNode data = ((ObjectNode) result.data()).deepCopy();
            result = result.withData(result.schemaVersion() + 1, upcaster.upcast(data));
        }
        return result;
    }
}
