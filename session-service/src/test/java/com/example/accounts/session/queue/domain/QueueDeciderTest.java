package com.example.accounts.session.queue.domain;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.decider.GivenWhenThen;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.queue.domain.QueueCommand.EndLogins;
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

/** Given events, when a command, then events or a refusal naming its rule: an agent's queue logins, pure. */
class QueueDeciderTest {

    private static final GivenWhenThen<AgentLogins, QueueCommand, QueueEvent> LOGINS = GivenWhenThen.of(AgentLogins.INITIAL, AgentLogins::evolve,
            QueueDecider::decide);

    private final UUID sales = UUID.randomUUID();
    private final UUID billing = UUID.randomUUID();
    private final UUID ada = UUID.randomUUID();
    private final UUID sam = UUID.randomUUID();

    private AgentLoggedIntoQueue loggedIn(UUID queue, UUID by, String... permissions) {
        return new AgentLoggedIntoQueue(queue, ada, by, List.of(permissions));
    }

    private AgentLoggedOutOfQueue loggedOut(UUID queue, UUID by, Reason reason) {
        return new AgentLoggedOutOfQueue(queue, ada, by, reason);
    }

    @Test
    void CC7_aLoginFixesTheAgentPermissionsItWasMadeWith() {
        LOGINS.givenNothing().when(new LogIn(sales, ada, ada, Set.of("CREATE_CUSTOM_LABELS", "MANAGE_PRERECORDED_MESSAGES")))
                .then(new AgentLoggedIntoQueue(sales, ada, ada, List.of("MANAGE_PRERECORDED_MESSAGES", "CREATE_CUSTOM_LABELS")));
    }

    @Test
    void CC7_aLoginKeepsThePermissionsFixedWhenItWasMade() {
        var given = LOGINS.given(loggedIn(sales, ada, "MANAGE_PUBLIC_CANNED_MESSAGES"));
        given.when(new LogIn(sales, ada, ada, Set.of("CREATE_CUSTOM_LABELS"))).thenNothing();
        assertEquals(Set.of("MANAGE_PUBLIC_CANNED_MESSAGES"), given.state().queues().get(sales).permissions());
    }

    @Test
    void CC7_theNextLoginTakesThePermissionsOfThen() {
        AgentLogins s = LOGINS.given(loggedIn(sales, ada), loggedOut(sales, ada, Reason.LOGGED_OUT))
                .when(new LogIn(sales, ada, ada, Set.of("CREATE_CUSTOM_LABELS"))).accepted().state();
        assertEquals(Set.of("CREATE_CUSTOM_LABELS"), s.queues().get(sales).permissions());
    }

    @Test
    void CC7_eachQueueKeepsItsOwnLogin() {
        AgentLogins s = LOGINS.given(loggedIn(sales, ada), loggedIn(billing, sam, "CREATE_CUSTOM_LABELS"))
                .when(new LogOut(sales, ada, ada)).accepted().state();
        assertFalse(s.loggedInto(sales));
        assertEquals(new AgentLogins.Login(billing, sam, Set.of("CREATE_CUSTOM_LABELS")), s.queues().get(billing));
    }

    @Test
    void CC6_aSupervisorsLoginNamesTheSupervisor() {
        AgentLogins s = LOGINS.givenNothing().when(new LogIn(sales, ada, sam, Set.of())).then(loggedIn(sales, sam)).state();
        assertEquals(sam, s.queues().get(sales).byMemberId());
    }

    @Test
    void CC7_aSupervisorLogsAnAgentOut() {
        var given = LOGINS.given(loggedIn(sales, ada));
        given.when(new LogOut(sales, ada, sam)).then(loggedOut(sales, sam, Reason.SUPERVISOR_LOGGED_OUT));
        given.when(new LogOut(sales, ada, ada)).then(loggedOut(sales, ada, Reason.LOGGED_OUT));
    }

    @Test
    void CC7_loggingOutOfAQueueNotLoggedIntoIsRefused() {
        LOGINS.given(loggedIn(sales, ada)).when(new LogOut(billing, ada, ada)).thenRefused(RuleId.CC_7, Refusal.Kind.CONFLICT);
        LOGINS.given(loggedIn(sales, ada), loggedOut(sales, ada, Reason.LOGGED_OUT)).when(new LogOut(sales, ada, ada)).thenRefused(RuleId.CC_7);
    }

    @Test
    void CC4_onlyAgentPermissionsAreFixed() {
        assertEquals("permissions", LOGINS.givenNothing().when(new LogIn(sales, ada, ada, Set.of("MANAGE_SKILLS"))).thenRefused(RuleId.CC_4).field());
    }

    @Test
    void USR6_aDeletedAgentIsLoggedOutOfEveryQueueByNoOne() {
        var given = LOGINS.given(loggedIn(sales, ada), loggedIn(billing, sam));
        List<QueueEvent> events = given.when(new EndLogins(ada, Reason.MEMBER_DELETED)).events();
        assertEquals(Set.of(loggedOut(sales, null, Reason.MEMBER_DELETED), loggedOut(billing, null, Reason.MEMBER_DELETED)), Set.copyOf(events));
        given.given(events).when(new EndLogins(ada, Reason.MEMBER_DELETED)).thenNothing();
    }

    @Test
    void CC8_SEAT3_SEAT5_SEAT6_losingWhatALoginNeedsEndsEveryLoginByNoOneWithTheReason() {
        for (Reason reason : List.of(Reason.AGENT_ROLE_REVOKED, Reason.LICENCE_RELEASED, Reason.MODULE_REMOVED, Reason.MADE_OBSERVER)) {
            var given = LOGINS.given(loggedIn(sales, ada, "CREATE_CUSTOM_LABELS"), loggedIn(billing, sam));
            List<QueueEvent> events = given.when(new EndLogins(ada, reason)).events();
            assertEquals(Set.of(loggedOut(sales, null, reason), loggedOut(billing, null, reason)), Set.copyOf(events));
            var after = given.given(events);
            assertEquals(Map.of(), after.state().queues());
            after.when(new EndLogins(ada, reason)).as("a redelivered event appends nothing").thenNothing();
        }
    }
}
