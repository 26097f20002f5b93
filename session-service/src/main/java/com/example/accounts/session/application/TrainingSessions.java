package com.example.accounts.session.application;

import com.example.accounts.session.infrastructure.EventCodec;
import com.example.accounts.session.training.domain.TrainingEvent;
import com.example.accounts.session.training.domain.TrainingSession;

import java.util.UUID;

/** The training session aggregate as the streams run it. */
public final class TrainingSessions {

    public static final Aggregate<TrainingSession, TrainingEvent> AGGREGATE = new Aggregate<>("training session",
            new EventCodec<>(TrainingEvent.class), TrainingSession.INITIAL, TrainingSession::evolve, s -> s.ended() ? s.sessionId() : null);

    private TrainingSessions() {
    }

    /** The permission-service reads support and training sessions from one kind of stream. */
    public static String stream(UUID sessionId) {
        return SupportSessions.stream(sessionId);
    }
}
