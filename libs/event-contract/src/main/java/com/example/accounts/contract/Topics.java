package com.example.accounts.contract;

import java.util.Set;

/** The event topics: kept forever (EVT-4), partitioned by account id. */
public final class Topics {
    public static final String ACCOUNT_EVENTS = "account-events";
    public static final String SESSION_EVENTS = "session-events";
    public static final Set<String> ALL = Set.of(ACCOUNT_EVENTS, SESSION_EVENTS);

    private Topics() {
    }
}
