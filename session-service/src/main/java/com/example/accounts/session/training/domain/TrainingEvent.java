package com.example.accounts.session.training.domain;

import java.util.List;
import java.util.UUID;

/** What happens in a training session (stream {@code session-<id>}); the contract's schemas describe each. */
public sealed interface TrainingEvent {

    UUID sessionId();

    record TrainingSessionScheduled(UUID sessionId, UUID organizerMemberId, List<UUID> coOrganizerMemberIds) implements TrainingEvent {
    }

    /** TRN-2: the co-organizers, whole, not a difference: a reader needs no earlier event to know them. */
    record TrainingCoOrganizersChanged(UUID sessionId, List<UUID> coOrganizerMemberIds) implements TrainingEvent {
    }

    /** TRN-4: the organizer presents first, so starting says it without a PresenterChanged of its own. */
    record TrainingSessionStarted(UUID sessionId, UUID byMemberId) implements TrainingEvent {
    }

    record TrainingRecordingStarted(UUID sessionId, UUID byMemberId) implements TrainingEvent {
    }

    record TrainingRecordingStopped(UUID sessionId, UUID byMemberId) implements TrainingEvent {
    }

    record ParticipantJoined(UUID sessionId, UUID participantId, String name) implements TrainingEvent {
    }

    record ParticipantRemoved(UUID sessionId, UUID participantId, UUID byMemberId) implements TrainingEvent {
    }

    /** TRN-5: keyboard and mouse control ends with it. */
    record PresenterChanged(UUID sessionId, Actor presenter) implements TrainingEvent {
    }

    record KeyboardControlGiven(UUID sessionId, Actor to) implements TrainingEvent {
    }

    record KeyboardControlTakenBack(UUID sessionId) implements TrainingEvent {
    }

    record TrainingFollowUpSent(UUID sessionId, UUID byMemberId) implements TrainingEvent {
    }

    record TrainingSessionEnded(UUID sessionId) implements TrainingEvent {
    }
}
