package com.example.accounts.session.application;

import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.session.infrastructure.MemberStreams;
import com.example.accounts.session.queue.domain.QueueDecider;
import com.example.accounts.session.support.domain.SupportDecider;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * USR-6 here: a member deleted from the account leaves every support session they are in (ending the ones they
 * own), their open invites are revoked, the external technicians they invited are logged out, and they are logged
 * out of every queue. Deciding again on a stream already left appends nothing, so a redelivered deletion is harmless.
 */
@ApplicationScoped
public class MemberDeletions {

    private final SessionStreams streams;
    private final MemberStreams memberStreams;

    public MemberDeletions(SessionStreams streams, MemberStreams memberStreams) {
        this.streams = streams;
        this.memberStreams = memberStreams;
    }

    public Uni<Void> memberDeleted(UUID accountId, UUID memberId, UUID deletionEventId, Instant now) {
        EventMetadata metadata = new EventMetadata("system", deletionEventId.toString(), deletionEventId.toString(), now);
        return memberStreams.of(accountId, memberId)
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(stream -> stream.startsWith(QueueLoginStreams.PREFIX)
                        ? streams.execute(QueueLoginStreams.AGGREGATE, accountId, stream, state -> QueueDecider.memberDeleted(state, memberId), metadata)
                        .replaceWithVoid()
                        : streams.execute(SupportSessions.AGGREGATE, accountId, stream, state -> SupportDecider.memberDeleted(state, memberId), metadata)
                        .replaceWithVoid())
                .collect().last()
                .chain(() -> memberStreams.forget(accountId, memberId));
    }
}
