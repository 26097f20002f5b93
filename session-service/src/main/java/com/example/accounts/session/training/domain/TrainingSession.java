package com.example.accounts.session.training.domain;

import com.example.accounts.session.training.domain.TrainingEvent.KeyboardControlGiven;
import com.example.accounts.session.training.domain.TrainingEvent.KeyboardControlTakenBack;
import com.example.accounts.session.training.domain.TrainingEvent.ParticipantJoined;
import com.example.accounts.session.training.domain.TrainingEvent.ParticipantRemoved;
import com.example.accounts.session.training.domain.TrainingEvent.PresenterChanged;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingCoOrganizersChanged;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingFollowUpSent;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingRecordingStarted;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingRecordingStopped;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingSessionEnded;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingSessionScheduled;
import com.example.accounts.session.training.domain.TrainingEvent.TrainingSessionStarted;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A training session folded from its events. {@code participants} are those present (joined, not removed);
 * {@code recordings} counts the recordings made, the organizer's archive (TRN-3); {@code keyboard} is who the
 * presenter gave control to, or null.
 */
public record TrainingSession(UUID sessionId, UUID organizer, Set<UUID> coOrganizers, boolean started, boolean ended,
        boolean recording, int recordings, Map<UUID, String> participants, Actor presenter, Actor keyboard,
        boolean followUpSent) {

    public static final TrainingSession INITIAL = new TrainingSession(null, null, Set.of(), false, false, false, 0, Map.of(), null, null, false);

    public boolean scheduled() {
        return sessionId != null;
    }

    /** TRN-3: the organizer, and a co-organizer while the account allows co-organizers (TRN-2). */
    public boolean host(UUID memberId, boolean coOrganizersAllowed) {
        return memberId.equals(organizer) || coOrganizersAllowed && coOrganizers.contains(memberId);
    }

    public boolean host(Actor actor, boolean coOrganizersAllowed) {
        return actor.kind() == Actor.Kind.MEMBER && host(actor.id(), coOrganizersAllowed);
    }

    /**
     * TRN-4, TRN-5: who may present or take control: the organizer, a co-organizer while the account allows
     * co-organizers (TRN-2: else they are nobody in the session), a participant present.
     */
    public boolean inSession(Actor actor, boolean coOrganizersAllowed) {
        return switch (actor.kind()) {
            case MEMBER -> host(actor.id(), coOrganizersAllowed);
            case PARTICIPANT -> participants.containsKey(actor.id());
        };
    }

    public static TrainingSession evolveAll(TrainingSession state, List<TrainingEvent> events) {
        TrainingSession next = state;
        for (TrainingEvent event : events) {
            next = evolve(next, event);
        }
        return next;
    }

    public static TrainingSession evolve(TrainingSession s, TrainingEvent event) {
        return switch (event) {
            case TrainingSessionScheduled e -> new TrainingSession(e.sessionId(), e.organizerMemberId(), set(e.coOrganizerMemberIds()),
                    false, false, false, 0, Map.of(), null, null, false);
            case TrainingCoOrganizersChanged e -> new TrainingSession(s.sessionId, s.organizer, set(e.coOrganizerMemberIds()), s.started, s.ended,
                    s.recording, s.recordings, s.participants, s.presenter, s.keyboard, s.followUpSent);
            case TrainingSessionStarted e -> new TrainingSession(s.sessionId, s.organizer, s.coOrganizers, true, s.ended,
                    s.recording, s.recordings, s.participants, Actor.member(s.organizer), null, s.followUpSent);
            case TrainingRecordingStarted e -> new TrainingSession(s.sessionId, s.organizer, s.coOrganizers, s.started, s.ended,
                    true, s.recordings + 1, s.participants, s.presenter, s.keyboard, s.followUpSent);
            case TrainingRecordingStopped e -> new TrainingSession(s.sessionId, s.organizer, s.coOrganizers, s.started, s.ended,
                    false, s.recordings, s.participants, s.presenter, s.keyboard, s.followUpSent);
            case ParticipantJoined e -> s.withParticipants(put(s.participants, e.participantId(), e.name()));
            case ParticipantRemoved e -> s.withParticipants(remove(s.participants, e.participantId()));
            case PresenterChanged e -> new TrainingSession(s.sessionId, s.organizer, s.coOrganizers, s.started, s.ended,
                    s.recording, s.recordings, s.participants, e.presenter(), null, s.followUpSent);
            case KeyboardControlGiven e -> s.withKeyboard(e.to());
            case KeyboardControlTakenBack e -> s.withKeyboard(null);
            case TrainingFollowUpSent e -> new TrainingSession(s.sessionId, s.organizer, s.coOrganizers, s.started, s.ended,
                    s.recording, s.recordings, s.participants, s.presenter, s.keyboard, true);
            case TrainingSessionEnded e -> new TrainingSession(s.sessionId, s.organizer, s.coOrganizers, s.started, true,
                    false, s.recordings, s.participants, s.presenter, null, s.followUpSent);
        };
    }

    private TrainingSession withParticipants(Map<UUID, String> next) {
        return new TrainingSession(sessionId, organizer, coOrganizers, started, ended, recording, recordings, next, presenter, keyboard, followUpSent);
    }

    private TrainingSession withKeyboard(Actor next) {
        return new TrainingSession(sessionId, organizer, coOrganizers, started, ended, recording, recordings, participants, presenter, next, followUpSent);
    }

    private static Set<UUID> set(List<UUID> ids) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(ids));
    }

    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> next = new LinkedHashMap<>(map);
        next.put(key, value);
        return Collections.unmodifiableMap(next);
    }

    private static <K, V> Map<K, V> remove(Map<K, V> map, K key) {
        Map<K, V> next = new LinkedHashMap<>(map);
        next.remove(key);
        return Collections.unmodifiableMap(next);
    }
}
