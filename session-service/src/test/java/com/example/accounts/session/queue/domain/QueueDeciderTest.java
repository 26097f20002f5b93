package com.example.accounts.session.queue.domain;

import com.example.accounts.rules.Refusal;
import com.example.accounts.session.queue.domain.QueueCommand.LogIn;
import com.example.accounts.session.queue.domain.QueueCommand.LogOut;
import com.example.accounts.session.queue.domain.QueueEvent.AgentLoggedIntoQueue;
import com.example.accounts.session.queue.domain.QueueEvent.AgentLoggedOutOfQueue;
import com.example.accounts.session.queue.domain.QueueEvent.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Given events, when a command, then events or a refusal naming its rule: an agent's queue logins, pure. */
class QueueDeciderTest {

    private final UUID sales = UUID.randomUUID();
    private final UUID billing = UUID.randomUUID();
    private final UUID ada = UUID.randomUUID();
    private final UUID sam = UUID.randomUUID();

    private QueueLogins given(QueueCommand... commands) {
        QueueLogins state = QueueLogins.INITIAL;
        for (QueueCommand command : commands) {
            state = QueueLogins.evolveAll(state, QueueDecider.decide(command, state));
        }
        return state;
    }

    private static Refusal refused(String rule, Runnable when) {
        Refusal refusal = assertThrows(Refusal.class, when::run);
        assertEquals(rule, refusal.rule(), refusal.getMessage());
        return refusal;
    }

    @Test
    void CC7_aLoginFixesTheAgentPermissionsItWasMadeWith() {
        List<QueueEvent> events = QueueDecider.decide(new LogIn(sales, ada, ada, Set.of("CREATE_CUSTOM_LABELS", "MANAGE_PRERECORDED_MESSAGES")),
                QueueLogins.INITIAL);
        assertEquals(List.of(new AgentLoggedIntoQueue(sales, ada, ada, List.of("MANAGE_PRERECORDED_MESSAGES", "CREATE_CUSTOM_LABELS"))), events);
    }

    @Test
    void CC7_aLoginKeepsThePermissionsFixedWhenItWasMade() {
        QueueLogins s = given(new LogIn(sales, ada, ada, Set.of("MANAGE_PUBLIC_CANNED_MESSAGES")));
        assertEquals(List.of(), QueueDecider.decide(new LogIn(sales, ada, ada, Set.of("CREATE_CUSTOM_LABELS")), s));
        assertEquals(Set.of("MANAGE_PUBLIC_CANNED_MESSAGES"), s.queues().get(sales).permissions());
    }

    @Test
    void CC7_theNextLoginTakesThePermissionsOfThen() {
        QueueLogins s = given(new LogIn(sales, ada, ada, Set.of()), new LogOut(sales, ada, ada),
                new LogIn(sales, ada, ada, Set.of("CREATE_CUSTOM_LABELS")));
        assertEquals(Set.of("CREATE_CUSTOM_LABELS"), s.queues().get(sales).permissions());
    }

    @Test
    void CC7_eachQueueKeepsItsOwnLogin() {
        QueueLogins s = given(new LogIn(sales, ada, ada, Set.of()), new LogIn(billing, ada, sam, Set.of("CREATE_CUSTOM_LABELS")),
                new LogOut(sales, ada, ada));
        assertFalse(s.loggedInto(sales));
        assertEquals(new QueueLogins.Login(billing, sam, Set.of("CREATE_CUSTOM_LABELS")), s.queues().get(billing));
    }

    @Test
    void CC6_aSupervisorsLoginNamesTheSupervisor() {
        QueueLogins s = given(new LogIn(sales, ada, sam, Set.of()));
        assertEquals(sam, s.queues().get(sales).byMemberId());
    }

    @Test
    void CC7_aSupervisorLogsAnAgentOut() {
        QueueLogins s = given(new LogIn(sales, ada, ada, Set.of()));
        assertEquals(List.of(new AgentLoggedOutOfQueue(sales, ada, sam, Reason.SUPERVISOR_LOGGED_OUT)), QueueDecider.decide(new LogOut(sales, ada, sam), s));
        assertEquals(List.of(new AgentLoggedOutOfQueue(sales, ada, ada, Reason.LOGGED_OUT)), QueueDecider.decide(new LogOut(sales, ada, ada), s));
    }

    @Test
    void CC7_loggingOutOfAQueueNotLoggedIntoIsRefused() {
        QueueLogins s = given(new LogIn(sales, ada, ada, Set.of()));
        assertEquals(Refusal.Kind.CONFLICT, refused("CC-7", () -> QueueDecider.decide(new LogOut(billing, ada, ada), s)).kind());
        QueueLogins out = given(new LogIn(sales, ada, ada, Set.of()), new LogOut(sales, ada, ada));
        refused("CC-7", () -> QueueDecider.decide(new LogOut(sales, ada, ada), out));
    }

    @Test
    void CC4_onlyAgentPermissionsAreFixed() {
        assertEquals("permissions", refused("CC-4", () -> QueueDecider.decide(new LogIn(sales, ada, ada, Set.of("MANAGE_SKILLS")),
                QueueLogins.INITIAL)).field());
    }

    @Test
    void USR6_aDeletedAgentIsLoggedOutOfEveryQueueByNoOne() {
        QueueLogins s = given(new LogIn(sales, ada, ada, Set.of()), new LogIn(billing, ada, sam, Set.of()));
        List<QueueEvent> events = QueueDecider.loginsEnded(s, ada, Reason.MEMBER_DELETED);
        assertEquals(Set.of(new AgentLoggedOutOfQueue(sales, ada, null, Reason.MEMBER_DELETED), new AgentLoggedOutOfQueue(billing, ada, null, Reason.MEMBER_DELETED)),
                Set.copyOf(events));
        assertEquals(List.of(), QueueDecider.loginsEnded(QueueLogins.evolveAll(s, events), ada, Reason.MEMBER_DELETED));
    }

    @Test
    void CC8_SEAT3_SEAT5_SEAT6_losingWhatALoginNeedsEndsEveryLoginByNoOneWithTheReason() {
        for (Reason reason : List.of(Reason.AGENT_ROLE_REVOKED, Reason.LICENCE_RELEASED, Reason.MODULE_REMOVED, Reason.MADE_OBSERVER)) {
            QueueLogins s = given(new LogIn(sales, ada, ada, Set.of("CREATE_CUSTOM_LABELS")), new LogIn(billing, ada, sam, Set.of()));
            List<QueueEvent> events = QueueDecider.loginsEnded(s, ada, reason);
            assertEquals(Set.of(new AgentLoggedOutOfQueue(sales, ada, null, reason), new AgentLoggedOutOfQueue(billing, ada, null, reason)), Set.copyOf(events));
            QueueLogins after = QueueLogins.evolveAll(s, events);
            assertEquals(Map.of(), after.queues());
            assertEquals(List.of(), QueueDecider.loginsEnded(after, ada, reason), "a redelivered event appends nothing");
        }
    }
}
