package com.example.accounts.session.application;

import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.session.infrastructure.MemberStreams;
import com.example.accounts.session.infrastructure.PolicyStreams;
import com.example.accounts.session.queue.application.QueueLogins;
import com.example.accounts.session.queue.domain.QueueEvent.Reason;
import com.example.accounts.session.support.application.SupportSessions;
import com.example.accounts.session.support.domain.SupportCommand;
import com.example.accounts.session.support.domain.SupportDecider;
import com.example.accounts.session.training.infrastructure.AccountCoOrganizers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * What the account's changes end in this service's streams. USR-6: a member deleted from the account leaves every
 * support session they are in (ending the ones they own), their open invites are revoked, the external technicians
 * they invited are logged out, and they are logged out of every queue. CC-8, SEAT-3, SEAT-5, SEAT-6: an agent who
 * loses AGENT, their licence, the module or is made an observer is logged out of every queue. INV-6: a security
 * policy disabled logs out the external technicians it admitted and revokes its open invites. TRN-2: the account's
 * co-organizers setting is kept for the participants' requests. Deciding again on a stream already left appends
 * nothing, and the setting is kept at the account version that wrote it, so a redelivered event is harmless.
 */
@ApplicationScoped
public class AccountChanges {

    private final SessionStreams streams;
    private final MemberStreams memberStreams;
    private final PolicyStreams policyStreams;
    private final AccountCoOrganizers coOrganizers;
    private final QueueLogins queueLogins;

    public AccountChanges(SessionStreams streams, MemberStreams memberStreams, PolicyStreams policyStreams, AccountCoOrganizers coOrganizers,
            QueueLogins queueLogins) {
        this.queueLogins = queueLogins;
        this.streams = streams;
        this.memberStreams = memberStreams;
        this.policyStreams = policyStreams;
        this.coOrganizers = coOrganizers;
    }

    /** TRN-2: whether the account allows co-organizers, as of its settings at {@code accountVersion}. */
    public Uni<Void> settingsChanged(UUID accountId, boolean coOrganizersAllowed, long accountVersion) {
        return coOrganizers.changed(accountId, coOrganizersAllowed, accountVersion);
    }

    public Uni<Void> memberDeleted(UUID accountId, UUID memberId, UUID deletionEventId, Instant now) {
        EventMetadata metadata = EventMetadata.causedBy(deletionEventId, now);
        return memberStreams.of(accountId, memberId)
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(stream -> stream.startsWith(QueueLogins.PREFIX)
                        ? endQueueLogins(accountId, memberId, Reason.MEMBER_DELETED, metadata)
                        : streams.run(SupportSessions.AGGREGATE, accountId, stream, new SupportCommand.RemoveDeletedMember(memberId, now),
                                SupportDecider::decide, metadata).replaceWithVoid())
                .collect().last()
                .chain(() -> memberStreams.forget(accountId, memberId));
    }

    /** The member may no longer be logged into queues (CC-8, SEAT-3, SEAT-6): every login of theirs ends. */
    public Uni<Void> queueLoginsEnded(UUID accountId, UUID memberId, Reason reason, UUID causeEventId, Instant now) {
        return endQueueLogins(accountId, memberId, reason, EventMetadata.causedBy(causeEventId, now));
    }

    /** SEAT-5: the plan dropped CONTACT_CENTER, so no agent of the account stays in its queues. */
    public Uni<Void> contactCenterRemoved(UUID accountId, UUID planEventId, Instant now) {
        EventMetadata metadata = EventMetadata.causedBy(planEventId, now);
        return memberStreams.membersWith(accountId, QueueLogins.PREFIX)
                .onItem().transformToMulti(members -> Multi.createFrom().iterable(members))
                .onItem().transformToUniAndConcatenate(member -> endQueueLogins(accountId, member, Reason.MODULE_REMOVED, metadata))
                .collect().last().replaceWithVoid();
    }

    /** INV-6: in every session the policy issued an invite for; a policy enabled again admits only through new invites. */
    public Uni<Void> policyDisabled(UUID accountId, UUID policyId, UUID disablingEventId, Instant now) {
        EventMetadata metadata = EventMetadata.causedBy(disablingEventId, now);
        return policyStreams.of(accountId, policyId)
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(stream -> streams.run(SupportSessions.AGGREGATE, accountId, stream,
                        new SupportCommand.DisablePolicy(policyId, now), SupportDecider::decide, metadata).replaceWithVoid())
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> endQueueLogins(UUID accountId, UUID memberId, Reason reason, EventMetadata metadata) {
        return queueLogins.end(accountId, memberId, reason, metadata);
    }
}
