package com.example.accounts.session.training.application;

import com.example.accounts.session.support.application.SupportSessions;
import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.eventstore.Snapshots;
import com.example.accounts.kit.command.EventCodec;
import com.example.accounts.kit.command.StreamKind;
import com.example.accounts.session.training.domain.TrainingEvent;
import com.example.accounts.session.training.domain.TrainingSession;

import java.util.UUID;

/** The training session aggregate as the streams run it. */
public final class TrainingSessions {

    public static final StreamKind<TrainingSession, TrainingEvent> AGGREGATE = new StreamKind<>("training session", new EventCodec<>(TrainingEvent.class),
            TrainingSession.INITIAL, TrainingSession::evolve, SessionStreams.SNAPSHOTS, Snapshots.fingerprint(SessionStreams.FOLD_REVISION, TrainingSession.class, TrainingEvent.class));

    private TrainingSessions() {
    }

    /** The permission-service reads support and training sessions from one kind of stream. */
    public static String stream(UUID sessionId) {
        return SupportSessions.stream(sessionId);
    }
}
