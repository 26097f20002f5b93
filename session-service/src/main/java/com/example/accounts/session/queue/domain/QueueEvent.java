package com.example.accounts.session.queue.domain;

import java.util.List;
import java.util.UUID;

/** What happens to an agent's queue logins (stream {@code queue-logins-<agent>}); the contract's schemas describe each. */
public sealed interface QueueEvent {

    UUID queueId();

    UUID agentMemberId();

    /** CC-7: {@code permissions} are the AGENT permissions the agent holds in this queue until they log out. */
    record AgentLoggedIntoQueue(UUID queueId, UUID agentMemberId, UUID byMemberId, List<String> permissions) implements QueueEvent {
    }

    /**
     * {@code byMemberId} the agent or a supervisor of the queue; null when the account took away what a login needs.
     * {@code reason} is null in the events written before it was recorded.
     */
    record AgentLoggedOutOfQueue(UUID queueId, UUID agentMemberId, UUID byMemberId, Reason reason) implements QueueEvent {
    }

    /** Why a login ended: the first two by a member (CC-7), the others by the account, through no one (the system). */
    enum Reason {
        /** CC-7: the agent logged themselves out. */
        LOGGED_OUT,
        /** CC-7: a supervisor of the queue logged them out. */
        SUPERVISOR_LOGGED_OUT,
        /** USR-6: deleted from the account. */
        MEMBER_DELETED,
        /** CC-8: no longer holds {@code AGENT}. */
        AGENT_ROLE_REVOKED,
        /** SEAT-3: their contact-center licence was released. */
        LICENCE_RELEASED,
        /** SEAT-5: the plan no longer has CONTACT_CENTER. */
        MODULE_REMOVED,
        /** SEAT-6, USR-11: made a monitoring observer. */
        MADE_OBSERVER
    }
}
