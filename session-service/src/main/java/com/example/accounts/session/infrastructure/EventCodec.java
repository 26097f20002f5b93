package com.example.accounts.session.infrastructure;

import com.example.accounts.contract.EventEnvelope;
import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.MalformedEventException;
import com.example.accounts.eventstore.NewEvent;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The events of one sealed interface to and from the contract's JSON: the type is the record's simple name, at schema version 1. */
public final class EventCodec<E> {

    private final Class<E> sealed;
    private final Map<String, Class<?>> types;

    public EventCodec(Class<E> sealed) {
        this.sealed = sealed;
        this.types = Arrays.stream(sealed.getPermittedSubclasses()).collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> type));
    }

    /** Whether the type is one of these events: a stream of another kind (a training, for a support codec) is not. */
    public boolean knows(String type) {
        return types.containsKey(type);
    }

    public NewEvent encode(E event) {
        return new NewEvent(UUID.randomUUID(), event.getClass().getSimpleName(), 1, EventJson.MAPPER.valueToTree(event));
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
