package com.example.accounts.session.application;

import com.example.accounts.session.infrastructure.EventCodec;
import com.example.accounts.session.queue.domain.QueueEvent;
import com.example.accounts.session.queue.domain.QueueLogins;

import java.util.UUID;

/** An agent's queue logins as the streams run them. */
public final class QueueLoginStreams {

    public static final Aggregate<QueueLogins, QueueEvent> AGGREGATE = new Aggregate<>("queue logins",
            new EventCodec<>(QueueEvent.class), QueueLogins.INITIAL, QueueLogins::evolve);

    public static final String PREFIX = "queue-logins-";

    private QueueLoginStreams() {
    }

    /** One stream per agent: their logins into all queues are decided together, one at a time (EVT-1). */
    public static String stream(UUID agentMemberId) {
        return PREFIX + agentMemberId;
    }
}
