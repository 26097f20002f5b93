package com.example.accounts.contract;

import java.util.Set;

/** The event topics: kept forever (EVT-4), partitioned by account id. */
public final class Topics {
    public static final String ACCOUNT_EVENTS = "account-events";
    public static final String SESSION_EVENTS = "session-events";
    public static final Set<String> ALL = Set.of(ACCOUNT_EVENTS, SESSION_EVENTS);
    /**
     * Not an event topic: session-service's requests to email an invite URL (NTF-3), the one place the URL travels,
     * since the token never enters the event log (EVT-5), and there only sealed ({@link InviteUrlSeal}, INV-2). Kept only
     * as long as an invite lives; each message is an {@link InviteEmailRequest}.
     */
    public static final String INVITE_EMAILS = "session-service.invite-emails";

    private Topics() {
    }
}
