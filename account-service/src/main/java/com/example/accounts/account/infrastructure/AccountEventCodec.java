package com.example.accounts.account.infrastructure;

import com.example.accounts.account.domain.AccountEvent;
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
 * Account events to and from the contract's JSON: the type is the record's simple name, written at the schema version
 * the catalog names current for it (EVT-2).
 */
public final class AccountEventCodec {

    private static final Map<String, Class<?>> TYPES = Arrays.stream(AccountEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> type));

    private AccountEventCodec() {
    }

    public static NewEvent encode(AccountEvent event) {
        return encode(event, EventSchemas.INSTANCE);
    }

    /** The event as written under {@code catalog}: at the version it names current for the event's type. */
    public static NewEvent encode(AccountEvent event, EventSchemas catalog) {
        return NewEvent.current(catalog, event.getClass().getSimpleName(), EventJson.MAPPER.valueToTree(event));
    }

    public static AccountEvent decode(EventEnvelope envelope) {
        Class<?> type = TYPES.get(envelope.type());
        if (type == null) {
            throw new MalformedEventException("account-service does not know event type " + envelope.type());
        }
        try {
            return (AccountEvent) EventJson.MAPPER.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(envelope.type() + " " + envelope.eventId() + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
