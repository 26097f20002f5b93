package com.example.accounts.contract;

import java.util.Objects;
import java.util.UUID;

/**
 * PRM-4: names one appended event by the topic it is published to, its account and its position in that
 * service's log. Every event of an account travels in one Kafka partition, in position order, so a reader that
 * has applied this account's event at {@code position} has applied every earlier event of the account too.
 * Written as {@code <topic>.<accountId>.<position>}, e.g. {@code account-events.6f1c...-...42.17}.
 */
public record ConsistencyToken(String topic, UUID accountId, long position) {

    public static final String HEADER = "Consistency-Token";

    public ConsistencyToken {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(accountId, "accountId");
        if (!Topics.ALL.contains(topic)) {
            throw new IllegalArgumentException("unknown topic " + topic);
        }
        if (position < 1) {
            throw new IllegalArgumentException("position must be positive");
        }
    }

    public static ConsistencyToken parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("consistency token is missing");
        }
        String[] parts = text.trim().split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("consistency token must look like <topic>.<accountId>.<position>, got '" + text + "'");
        }
        try {
            return new ConsistencyToken(parts[0], UUID.fromString(parts[1]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("consistency token '" + text + "' is malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return topic + "." + accountId + "." + position;
    }
}
