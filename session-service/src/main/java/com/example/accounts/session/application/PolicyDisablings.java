package com.example.accounts.session.application;

import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.session.infrastructure.PolicyStreams;
import com.example.accounts.session.support.domain.SupportDecider;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * INV-6 here: a security policy disabled ends its admissions. In every session it issued an invite for, the external
 * technicians admitted under it are logged out and its open invites revoked (reason POLICY_DISABLED). Deciding again
 * on a session already cleared appends nothing, so a redelivered event is harmless; a policy enabled again admits
 * only through new invites.
 */
@ApplicationScoped
public class PolicyDisablings {

    private final SessionStreams streams;
    private final PolicyStreams policyStreams;

    public PolicyDisablings(SessionStreams streams, PolicyStreams policyStreams) {
        this.streams = streams;
        this.policyStreams = policyStreams;
    }

    public Uni<Void> policyDisabled(UUID accountId, UUID policyId, UUID disablingEventId, Instant now) {
        EventMetadata metadata = new EventMetadata("system", disablingEventId.toString(), disablingEventId.toString(), now);
        return policyStreams.of(accountId, policyId)
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(stream -> streams.execute(SupportSessions.AGGREGATE, accountId, stream,
                        state -> SupportDecider.policyDisabled(state, policyId), metadata).replaceWithVoid())
                .collect().last().replaceWithVoid();
    }
}
