package com.example.accounts.session.queue.domain;

import java.util.Set;
import java.util.UUID;

/**
 * What agents and supervisors ask of an agent's queue logins. The permission-service decided beforehand who may log
 * in (CC-6, CC-8) and which AGENT permissions the agent has now (CC-4); they come in as facts.
 */
public sealed interface QueueCommand {

    UUID agent();

    /** {@code by} is the agent, or a supervisor of the queue logging them in (CC-6). */
    record LogIn(UUID queueId, UUID agent, UUID by, Set<String> permissions) implements QueueCommand {
    }

    /** {@code by} is the agent, or a supervisor of the queue logging them out (CC-7). */
    record LogOut(UUID queueId, UUID agent, UUID by) implements QueueCommand {
    }

    /** USR-6, CC-8, SEAT-3, SEAT-5, SEAT-6: the account took away what a login needs; every login of the agent ends, by no one. */
    record EndLogins(UUID agent, QueueEvent.Reason reason) implements QueueCommand {
    }
}
