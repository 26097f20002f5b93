package com.example.accounts.session.queue.domain;

import com.example.accounts.session.queue.domain.QueueEvent.AgentLoggedIntoQueue;
import com.example.accounts.session.queue.domain.QueueEvent.AgentLoggedOutOfQueue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The queues one agent is logged into, folded from their events. */
public record AgentLogins(Map<UUID, Login> queues) {

    public static final AgentLogins INITIAL = new AgentLogins(Map.of());

    /** CC-7: the permissions are those of the login, not the AGENT role's of today. */
    public record Login(UUID queueId, UUID byMemberId, Set<String> permissions) {
    }

    public boolean loggedInto(UUID queueId) {
        return queues.containsKey(queueId);
    }

    public static AgentLogins evolveAll(AgentLogins state, List<QueueEvent> events) {
        AgentLogins next = state;
        for (QueueEvent event : events) {
            next = evolve(next, event);
        }
        return next;
    }

    public static AgentLogins evolve(AgentLogins s, QueueEvent event) {
        Map<UUID, Login> next = new LinkedHashMap<>(s.queues);
        switch (event) {
            case AgentLoggedIntoQueue e -> next.put(e.queueId(), new Login(e.queueId(), e.byMemberId(), Set.copyOf(e.permissions())));
            case AgentLoggedOutOfQueue e -> next.remove(e.queueId());
        }
        return new AgentLogins(Collections.unmodifiableMap(next));
    }
}
