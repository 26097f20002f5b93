package com.example.accounts.kit.command;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.EventSchemas;
import com.example.accounts.contract.MalformedEventException;
import com.example.accounts.eventstore.NewEvent;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The events of one sealed interface to and from the contract's JSON: the type is the record's simple name, written
 * at the schema version the catalog names current for it (EVT-2).
 */
public final class EventCodec<E> {

    private final Class<E> sealed;
    private final EventSchemas catalog;
    private final Map<String, Class<?>> types;

    public EventCodec(Class<E> sealed) {
        this(sealed, EventSchemas.INSTANCE);
    }

    /** A codec that writes each event at the version {@code catalog} names current for its type. */
    public EventCodec(Class<E> sealed, EventSchemas catalog) {
        this.sealed = sealed;
        this.catalog = catalog;
        this.types = Arrays.stream(sealed.getPermittedSubclasses()).collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> type));
    }

    /** The sealed interface of these events. */
    public Class<E> type() {
        return sealed;
    }

    /** Whether the type is one of these events: a stream of another kind (a training, for a support codec) is not. */
    public boolean knows(String type) {
        return types.containsKey(type);
    }

    public NewEvent encode(E event) {
        return NewEvent.current(catalog, event.getClass().getSimpleName(), EventJson.MAPPER.valueToTree(event));
    }

    public E decode(EventEnvelope envelope) {
        Class<?> type = types.get(envelope.type());
        if (type == null) {
            throw new MalformedEventException(sealed.getSimpleName() + " has no event type " + envelope.type() + " (stream " + envelope.streamId() + ")");
        }
        try {
            return sealed.cast(EventJson.MAPPER.treeToValue(envelope.data(), type));
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(envelope.type() + " " + envelope.eventId() + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
