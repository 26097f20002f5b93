package com.example.accounts.session.queue.application;

import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.eventstore.Snapshots;
import com.example.accounts.kit.command.EventCodec;
import com.example.accounts.kit.command.StreamKind;
import com.example.accounts.session.queue.domain.QueueEvent;
import com.example.accounts.session.queue.domain.QueueLogins;

import java.util.UUID;

/** An agent's queue logins as the streams run them. */
public final class QueueLoginStreams {

    public static final StreamKind<QueueLogins, QueueEvent> AGGREGATE = new StreamKind<>("queue logins", new EventCodec<>(QueueEvent.class),
            QueueLogins.INITIAL, QueueLogins::evolve, SessionStreams.SNAPSHOTS, Snapshots.fingerprint(SessionStreams.FOLD_REVISION, QueueLogins.class, QueueEvent.class));

    public static final String PREFIX = "queue-logins-";

    private QueueLoginStreams() {
    }

    /** One stream per agent: their logins into all queues are decided together, one at a time (EVT-1). */
    public static String stream(UUID agentMemberId) {
        return PREFIX + agentMemberId;
    }
}
