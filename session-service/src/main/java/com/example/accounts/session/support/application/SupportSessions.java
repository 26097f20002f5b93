package com.example.accounts.session.support.application;

import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.eventstore.Snapshots;
import com.example.accounts.kit.command.EventCodec;
import com.example.accounts.kit.command.StreamKind;
import com.example.accounts.session.support.domain.SupportEvent;
import com.example.accounts.session.support.domain.SupportSession;

import java.util.UUID;

/** The support session aggregate as the streams run it. */
public final class SupportSessions {

    public static final StreamKind<SupportSession, SupportEvent> AGGREGATE = new StreamKind<>("support session", new EventCodec<>(SupportEvent.class),
            SupportSession.INITIAL, SupportSession::evolve, SessionStreams.SNAPSHOTS, Snapshots.fingerprint(SessionStreams.FOLD_REVISION, SupportSession.class, SupportEvent.class));

    private SupportSessions() {
    }

    /** The stream the permission-service reads sessions from: {@code session-<id>}, for support and training alike. */
    public static String stream(UUID sessionId) {
        return "session-" + sessionId;
    }
}
