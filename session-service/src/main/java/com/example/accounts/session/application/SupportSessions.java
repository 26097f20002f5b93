package com.example.accounts.session.application;

import com.example.accounts.session.infrastructure.EventCodec;
import com.example.accounts.session.support.domain.SupportEvent;
import com.example.accounts.session.support.domain.SupportSession;

import java.util.UUID;

/** The support session aggregate as the streams run it. */
public final class SupportSessions {

    public static final Aggregate<SupportSession, SupportEvent> AGGREGATE = new Aggregate<>("support session",
            new EventCodec<>(SupportEvent.class), SupportSession.INITIAL, SupportSession::evolve, s -> s.ended() ? s.sessionId() : null);

    private SupportSessions() {
    }

    /** The stream the permission-service reads sessions from: {@code session-<id>}, for support and training alike. */
    public static String stream(UUID sessionId) {
        return "session-" + sessionId;
    }
}
