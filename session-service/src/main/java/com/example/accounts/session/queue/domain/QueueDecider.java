package com.example.accounts.session.queue.domain;

import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.queue.domain.QueueCommand.EndLogins;
import com.example.accounts.session.queue.domain.QueueCommand.LogIn;
import com.example.accounts.session.queue.domain.QueueCommand.LogOut;
import com.example.accounts.session.queue.domain.QueueEvent.AgentLoggedIntoQueue;
import com.example.accounts.session.queue.domain.QueueEvent.AgentLoggedOutOfQueue;
import com.example.accounts.session.queue.domain.QueueEvent.Reason;

import java.util.List;
import java.util.UUID;

/** The rules of logging into and out of contact-center queues (CC-6 to CC-8): pure. */
public final class QueueDecider {

    /** CC-4: the AGENT role's permissions, in the order the events list them. */
    public static final List<String> PERMISSIONS = CcRole.AGENT.permissions().stream().map(Enum::name).toList();

    private QueueDecider() {
    }

    /**
     * The account took away what a login needs (USR-6 deleted, CC-8 the AGENT role, SEAT-3 the licence, SEAT-5 the
     * module, SEAT-6 made an observer): the agent is logged out of every queue, by no one (the system). CC-7 keeps a
     * login as it was made against changes of permissions and settings, not against losing the right to be in it.
     */
    public static List<QueueEvent> loginsEnded(AgentLogins s, UUID agent, Reason reason) {
        return s.queues().keySet().stream().map(queue -> (QueueEvent) new AgentLoggedOutOfQueue(queue, agent, null, reason)).toList();
    }

    public static List<QueueEvent> decide(QueueCommand command, AgentLogins s) {
        return switch (command) {
            case LogIn c -> {
                if (!PERMISSIONS.containsAll(c.permissions())) {
                    throw Refusal.invalid(RuleId.CC_4, "permissions", "must be among " + PERMISSIONS);
                }
                // CC-7: a second login changes nothing, so the permissions fixed at the first stay until a log-out
                if (s.loggedInto(c.queueId())) {
                    yield List.of();
                }
                yield List.of(new AgentLoggedIntoQueue(c.queueId(), c.agent(), c.by(), PERMISSIONS.stream().filter(c.permissions()::contains).toList()));
            }
            case LogOut c -> {
                if (!s.loggedInto(c.queueId())) {
                    throw Refusal.conflict(RuleId.CC_7, "member " + c.agent() + " is not logged into queue " + c.queueId());
                }
                yield List.of(new AgentLoggedOutOfQueue(c.queueId(), c.agent(), c.by(),
                        c.by().equals(c.agent()) ? Reason.LOGGED_OUT : Reason.SUPERVISOR_LOGGED_OUT));
            }
            case EndLogins c -> loginsEnded(s, c.agent(), c.reason());
        };
    }
}
