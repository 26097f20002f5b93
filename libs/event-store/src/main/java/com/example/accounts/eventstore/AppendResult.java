package com.example.accounts.eventstore;

import com.example.accounts.contract.ConsistencyToken;

import java.util.UUID;

/** The stream's version after an append and the global position of the last event appended. */
public record AppendResult(String topic, UUID accountId, long streamVersion, long lastPosition) {

    public ConsistencyToken token() {
        return new ConsistencyToken(topic, accountId, lastPosition);
    }
}
