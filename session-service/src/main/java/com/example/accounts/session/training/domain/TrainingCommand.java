package com.example.accounts.session.training.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What members and participants ask of a training session. What the permission-service decides (TRN-1, who may use
 * TRAINING, the account's co-organizers setting) was asked before and comes in as facts; the session decides the rest.
 * {@code mayHost} is its {@code training.session.host} for the acting member, asked as the action is taken: a host
 * made an observer, or of an account that lost TRAINING, can no longer act (TRN-3); a participant never hosts.
 * {@code coOrganizersAllowed} is that setting now: a co-organizer hosts, presents and has control only while the
 * account allows co-organizers; while it does not, co-organizers are nobody in the session (TRN-2, TRN-3).
 */
public sealed interface TrainingCommand {

    Instant now();

    /** TRN-1, TRN-2: the organizer may schedule, and each co-organizer is a member of the account who may use TRAINING. */
    record Schedule(UUID sessionId, UUID organizerMemberId, List<UUID> coOrganizerMemberIds, boolean coOrganizersAllowed, Instant now)
            implements
                TrainingCommand {
    }

    /** TRN-2: each named member was found in the account and may use TRAINING. */
    record ChangeCoOrganizers(UUID byMemberId, List<UUID> coOrganizerMemberIds, boolean mayHost, boolean coOrganizersAllowed,
            Instant now) implements TrainingCommand {
    }

    record Start(UUID byMemberId, boolean mayHost, boolean coOrganizersAllowed, Instant now) implements TrainingCommand {
    }

    record StartRecording(UUID byMemberId, boolean mayHost, boolean coOrganizersAllowed, Instant now) implements TrainingCommand {
    }

    record StopRecording(UUID byMemberId, boolean mayHost, boolean coOrganizersAllowed, Instant now) implements TrainingCommand {
    }

    record End(UUID byMemberId, boolean mayHost, boolean coOrganizersAllowed, Instant now) implements TrainingCommand {
    }

    /** TRN-6: someone with the session's code and no account; a session holds {@code maxParticipants} at most. */
    record JoinAsParticipant(UUID participantId, String name, int maxParticipants, Instant now) implements TrainingCommand {
    }

    record RemoveParticipant(UUID byMemberId, UUID participantId, boolean mayHost, boolean coOrganizersAllowed, Instant now) implements TrainingCommand {
    }

    /** TRN-4: {@code by} is a member or a participant; a participant is never a host, whatever the setting. */
    record ChangePresenter(Actor by, Actor to, boolean mayHost, boolean coOrganizersAllowed, boolean toMayHost, Instant now) implements TrainingCommand {
    }

    record GiveKeyboard(Actor by, Actor to, boolean mayHost, boolean coOrganizersAllowed, boolean toMayHost, Instant now) implements TrainingCommand {
    }

    record TakeBackKeyboard(Actor by, boolean mayHost, boolean coOrganizersAllowed, Instant now) implements TrainingCommand {
    }

    record SendFollowUp(UUID byMemberId, boolean mayHost, Instant now) implements TrainingCommand {
    }
}
