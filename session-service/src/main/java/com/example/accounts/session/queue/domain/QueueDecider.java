package com.example.accounts.session.queue.domain;

import com.example.accounts.session.domain.Refusal;
import com.example.accounts.session.queue.domain.QueueCommand.LogIn;
import com.example.accounts.session.queue.domain.QueueCommand.LogOut;
import com.example.accounts.session.queue.domain.QueueEvent.AgentLoggedIntoQueue;
import com.example.accounts.session.queue.domain.QueueEvent.AgentLoggedOutOfQueue;

import java.util.List;
import java.util.UUID;

/** The rules of logging into and out of contact-center queues (CC-6 to CC-8): pure. */
public final class QueueDecider {

    /** CC-4: the AGENT role's permissions, in the order the events list them. */
    public static final List<String> PERMISSIONS = List.of("MANAGE_PRERECORDED_MESSAGES", "MANAGE_PUBLIC_CANNED_MESSAGES", "CREATE_CUSTOM_LABELS");

    private QueueDecider() {
    }

    /** USR-6: a member deleted from the account is logged out of every queue, by no one (the system). */
    public static List<QueueEvent> memberDeleted(QueueLogins s, UUID agent) {
        return s.queues().keySet().stream().map(queue -> (QueueEvent) new AgentLoggedOutOfQueue(queue, agent, null)).toList();
    }

    public static List<QueueEvent> decide(QueueCommand command, QueueLogins s) {
        return switch (command) {
            case LogIn c -> {
                if (!PERMISSIONS.containsAll(c.permissions())) {
                    throw Refusal.invalid("CC-4", "permissions", "must be among " + PERMISSIONS);
                }
                // CC-7: a second login changes nothing, so the permissions fixed at the first stay until a log-out
                if (s.loggedInto(c.queueId())) {
                    yield List.of();
                }
                yield List.of(new AgentLoggedIntoQueue(c.queueId(), c.agent(), c.by(), PERMISSIONS.stream().filter(c.permissions()::contains).toList()));
            }
            case LogOut c -> {
                if (!s.loggedInto(c.queueId())) {
                    throw Refusal.conflict("CC-7", "member " + c.agent() + " is not logged into queue " + c.queueId());
                }
                yield List.of(new AgentLoggedOutOfQueue(c.queueId(), c.agent(), c.by()));
            }
        };
    }
}
