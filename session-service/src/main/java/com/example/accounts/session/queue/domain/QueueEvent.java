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

    record AgentLoggedOutOfQueue(UUID queueId, UUID agentMemberId, UUID byMemberId) implements QueueEvent {
    }
}
