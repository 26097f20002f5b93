package com.example.accounts.permission.projection;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.EventSchemas;
import com.example.accounts.contract.Upcasters;
import com.example.accounts.permission.projection.ReadModelWriter.Delivered;

import java.util.List;
import java.util.UUID;

/**
 * A record as read: its event and statements, or the problem that makes it a dead letter; {@code applies} once
 * judged against what the generation holds (false for a repeat); {@code diverged}: the event applied at its
 * version, when it is another.
 */
record ParsedRecord(Delivered record, EventEnvelope event, String problem, List<Projection.Statement> statements, boolean applies,
        UUID diverged) {

    static ParsedRecord dead(Delivered record, EventEnvelope event, String problem) {
        return new ParsedRecord(record, event, problem, List.of(), false, null);
    }

    static ParsedRecord of(Delivered record) {
        EventEnvelope raw = envelopeOnly(record.value());
        if (raw == null || raw.type() == null || raw.streamId() == null || raw.data() == null) {
            return dead(record, raw, "not an event: an envelope with type, accountId, streamId, position and data is required");
        }
        if (!EventSchemas.INSTANCE.types().contains(raw.type()) || !(Projection.TYPES.contains(raw.type()) || Projection.NOT_PROJECTED.contains(raw.type()))) {
            return dead(record, raw, "unknown event type " + raw.type());
        }
        EventEnvelope event;
        try {
            event = Upcasters.INSTANCE.upcast(raw);
            List<String> problems = EventSchemas.INSTANCE.validate(event.type(), EventSchemas.INSTANCE.currentVersion(event.type()), event.data());
            if (!problems.isEmpty()) {
                return dead(record, event, "corrupt " + event.type() + ": " + String.join("; ", problems));
            }
        } catch (RuntimeException e) {
            return dead(record, raw, "cannot read " + raw.type() + ": " + e.getMessage());
        }
        // the statements are made here, before any database: a rule of the projection that refuses the event does so on every try
        try {
            return new ParsedRecord(record, event, null, Projection.of(event), false, null);
        } catch (RuntimeException e) {
            return dead(record, event, "cannot be applied: " + e.getMessage());
        }
    }

    /** The envelope without its data upcast, when it can be read at all: which account and position it was. */
    private static EventEnvelope envelopeOnly(String value) {
        try {
            EventEnvelope envelope = EventJson.MAPPER.readValue(value, EventEnvelope.class);
            return envelope.accountId() == null || envelope.position() < 1 ? null : envelope;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
