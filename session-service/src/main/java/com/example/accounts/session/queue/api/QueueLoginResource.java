package com.example.accounts.session.queue.api;

import com.example.accounts.session.api.SessionApi;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.rules.Refusal;
import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.session.queue.application.QueueLoginStreams;
import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.session.infrastructure.MemberStreams;
import com.example.accounts.session.infrastructure.PermissionService;
import com.example.accounts.session.infrastructure.PermissionService.Ask;
import com.example.accounts.session.infrastructure.PermissionService.Check;
import com.example.accounts.session.queue.domain.QueueCommand;
import com.example.accounts.session.queue.domain.QueueDecider;
import com.example.accounts.session.queue.domain.QueueLogins;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.example.accounts.session.api.SessionApi.allowed;
import static com.example.accounts.session.api.SessionApi.me;
import static com.example.accounts.session.api.SessionApi.member;
import static com.example.accounts.session.api.SessionApi.uuid;

/**
 * Contact-center queue logins: agents log themselves in and out (CC-8), supervisors of a queue log agents in, past
 * RESTRICT_UNASSIGNED_QUEUE_LOGIN and without assigning them (CC-6), and out (CC-7). What an agent may do in a queue
 * is fixed at login (CC-7); the permission-service decides who may log in and what the AGENT role grants now.
 */
@Path("/accounts/{accountId}/queue-logins")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "the permission-service or the login rules refuse it; the problem names the rule")
@APIResponse(responseCode = "404", description = "no such account or queue for the caller (ACC-6)")
@APIResponse(responseCode = "503", description = "the permission-service cannot answer now: nothing is allowed by default, retry")
public class QueueLoginResource {

    /** CC-4: the permission-service's name of each AGENT permission, and the name a login fixes it under. */
    private static final Map<String, String> AGENT_PERMISSIONS = Map.of(
            "cc.prerecorded-messages.manage", "MANAGE_PRERECORDED_MESSAGES",
            "cc.canned-messages.manage", "MANAGE_PUBLIC_CANNED_MESSAGES",
            "cc.labels.create", "CREATE_CUSTOM_LABELS");

    public record LoginView(UUID queueId, UUID byMemberId, List<String> permissions) {
    }

    public record LoginsView(UUID agentMemberId, List<LoginView> logins) {
        static LoginsView of(UUID agent, Collection<QueueLogins.Login> logins) {
            return new LoginsView(agent, logins.stream().map(l -> new LoginView(l.queueId(), l.byMemberId(),
                    QueueDecider.PERMISSIONS.stream().filter(l.permissions()::contains).toList())).toList());
        }
    }

    private final SessionStreams streams;
    private final PermissionService permissions;
    private final CommandClock clock;
    private final MemberStreams memberStreams;

    public QueueLoginResource(SessionStreams streams, PermissionService permissions, CommandClock clock, MemberStreams memberStreams) {
        this.memberStreams = memberStreams;
        this.streams = streams;
        this.permissions = permissions;
        this.clock = clock;
    }

    @POST
    @Path("/{queueId}")
    @Operation(operationId = "logIntoQueue", summary = "Log into a queue as an agent, with the AGENT permissions of now fixed until log-out (CC-6, CC-7, CC-8)")
    @APIResponse(responseCode = "200", description = "logged in (or already was, with the permissions of that login): the agent's logins")
    public Uni<Response> logIn(@PathParam("accountId") UUID accountId, @PathParam("queueId") UUID queueId, @HeaderParam("Authorization") String bearer,
                               @HeaderParam(ConsistencyToken.HEADER) String consistency, @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return permissions.checks(accountId, bearer, consistency, asks("me", queue(queueId))).chain(answers -> {
            UUID agent = mayLogIn(answers.get(0)).memberId();
            var command = new QueueCommand.LogIn(queueId, agent, agent, granted(answers));
            return execute(accountId, command, agent, correlationId, now);
        });
    }

    @POST
    @Path("/{queueId}/agents/{agentMemberId}")
    @Operation(operationId = "logAgentIntoQueue", summary = "As a supervisor of the queue, log an agent into it, also when it is not assigned to them; it assigns nothing (CC-6)")
    @APIResponse(responseCode = "200", description = "logged in (or already was, with the permissions of that login): the agent's logins")
    @APIResponse(responseCode = "422", description = "no such member in the account (CC-8)")
    public Uni<Response> logInAgent(@PathParam("accountId") UUID accountId, @PathParam("queueId") UUID queueId,
                                    @PathParam("agentMemberId") UUID agentMemberId, @HeaderParam("Authorization") String bearer,
                                    @HeaderParam(ConsistencyToken.HEADER) String consistency, @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return supervisor(accountId, queueId, bearer, consistency, "CC-6").chain(supervisor ->
                // the queue is not asked: a supervisor's login passes RESTRICT_UNASSIGNED_QUEUE_LOGIN (CC-6), the AGENT role it does not (CC-8)
                permissions.checks(accountId, bearer, consistency, asks(agentMemberId.toString(), null))
                        .onFailure(ProblemException.class).transform(f -> ((ProblemException) f).problem().status() == 404
                                ? Refusal.invalid("CC-8", "agentMemberId", "no member " + agentMemberId + " in this account") : f)
                        .chain(answers -> {
                            allowed(answers.get(0), "CC-8");
                            var command = new QueueCommand.LogIn(queueId, agentMemberId, supervisor, granted(answers));
                            return execute(accountId, command, supervisor, correlationId, now);
                        }));
    }

    @DELETE
    @Path("/{queueId}")
    @Operation(operationId = "logOutOfQueue", summary = "Log out of a queue: the next login takes the AGENT permissions and settings of then (CC-7)")
    @APIResponse(responseCode = "200", description = "logged out: the agent's remaining logins")
    @APIResponse(responseCode = "409", description = "not logged into this queue (CC-7)")
    public Uni<Response> logOut(@PathParam("accountId") UUID accountId, @PathParam("queueId") UUID queueId, @HeaderParam("Authorization") String bearer,
                                @HeaderParam(ConsistencyToken.HEADER) String consistency, @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        // no permission is asked: an agent whose role was taken away still leaves the queues they are in (CC-7)
        return me(permissions, accountId, bearer, consistency)
                .chain(me -> execute(accountId, new QueueCommand.LogOut(queueId, me, me), me, correlationId, now));
    }

    @DELETE
    @Path("/{queueId}/agents/{agentMemberId}")
    @Operation(operationId = "logAgentOutOfQueue", summary = "As a supervisor of the queue, log an agent out of it (CC-7)")
    @APIResponse(responseCode = "200", description = "logged out: the agent's remaining logins")
    @APIResponse(responseCode = "409", description = "the agent is not logged into this queue (CC-7)")
    public Uni<Response> logOutAgent(@PathParam("accountId") UUID accountId, @PathParam("queueId") UUID queueId,
                                     @PathParam("agentMemberId") UUID agentMemberId, @HeaderParam("Authorization") String bearer,
                                     @HeaderParam(ConsistencyToken.HEADER) String consistency, @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return supervisor(accountId, queueId, bearer, consistency, "CC-7")
                .chain(supervisor -> execute(accountId, new QueueCommand.LogOut(queueId, agentMemberId, supervisor), supervisor, correlationId, now));
    }

    @GET
    @Path("/{memberId}")
    @Operation(operationId = "listQueueLogins", summary = "The queues a member ('me' or an id) is logged into, with the permissions fixed at each login and who made it (CC-7); "
            + "of another member, only the queues the caller supervises (CC-5)")
    @APIResponse(responseCode = "200", description = "the member's logins")
    public Uni<LoginsView> logins(@PathParam("accountId") UUID accountId, @PathParam("memberId") String memberId,
                                  @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency) {
        return me(permissions, accountId, bearer, consistency).chain(me -> {
            UUID agent = "me".equals(memberId) ? me : uuid("memberId", memberId);
            if (agent.equals(me)) {
                return logins(accountId, agent).map(logins -> LoginsView.of(agent, logins));
            }
            // ACC-6: whether the caller supervises is asked before anything of the id is looked at, and another
            // account's member has no logins here, as a made-up id has none: neither answer says who exists elsewhere
            return permissions.check(accountId, bearer, consistency, "me", "cc.queue.supervise", null)
                    .invoke(check -> allowed(check, "CC-5"))
                    .chain(() -> logins(accountId, agent))
                    .chain(logins -> supervised(accountId, bearer, consistency, logins))
                    .map(supervised -> LoginsView.of(agent, supervised));
        });
    }

    private Uni<Collection<QueueLogins.Login>> logins(UUID accountId, UUID agent) {
        return streams.loadAs(QueueLoginStreams.AGGREGATE, accountId, QueueLoginStreams.stream(agent)).map(loaded -> loaded.state().queues().values());
    }

    /** CC-5: of another member's logins, those in the queues the caller supervises. */
    private Uni<List<QueueLogins.Login>> supervised(UUID accountId, String bearer, String consistency, Collection<QueueLogins.Login> logins) {
        if (logins.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<QueueLogins.Login> all = List.copyOf(logins);
        List<Ask> asks = all.stream().map(l -> new Ask("me", "cc.queue.supervise", queue(l.queueId()))).toList();
        return permissions.checks(accountId, bearer, consistency, asks).map(answers -> {
            List<QueueLogins.Login> supervised = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (answers.get(i).allowed()) {
                    supervised.add(all.get(i));
                }
            }
            return supervised;
        });
    }

    private Uni<Response> execute(UUID accountId, QueueCommand command, UUID actor, String correlationId, Instant now) {
        String stream = QueueLoginStreams.stream(command.agent());
        return streams.execute(QueueLoginStreams.AGGREGATE, accountId, stream,
                        state -> QueueDecider.decide(command, state), EventMetadata.requested(member(actor), correlationId, now),
                        (connection, done) -> memberStreams.remember(connection, accountId, command.agent(), stream))
                .map(done -> SessionApi.ok(done, LoginsView.of(command.agent(), done.state().queues().values())));
    }

    /** The caller, when they supervise the queue (CC-5); else a 403 naming {@code rule}. */
    private Uni<UUID> supervisor(UUID accountId, UUID queueId, String bearer, String consistency, String rule) {
        return permissions.check(accountId, bearer, consistency, "me", "cc.queue.supervise", queue(queueId))
                .map(check -> allowed(existing(check), rule).memberId());
    }

    /** The login check, then the AGENT permissions, for one member. */
    private static List<Ask> asks(String member, String queue) {
        List<Ask> asks = new ArrayList<>();
        asks.add(new Ask(member, "cc.queue.login", queue));
        AGENT_PERMISSIONS.keySet().forEach(permission -> asks.add(new Ask(member, permission, null)));
        return asks;
    }

    /** CC-7: what the AGENT role grants at this login, fixed until log-out. */
    private static Set<String> granted(List<Check> answers) {
        return answers.subList(1, answers.size()).stream().filter(Check::allowed)
                .map(check -> AGENT_PERMISSIONS.get(check.permission())).collect(Collectors.toUnmodifiableSet());
    }

    /** CC-6 when only an assignment to the queue is lacking (a supervisor can help), CC-8 otherwise. */
    private static Check mayLogIn(Check check) {
        existing(check);
        boolean unassignedOnly = !check.missing().isEmpty() && check.missing().stream().allMatch(m -> m.startsWith("assignment to queue"));
        return allowed(check, unassignedOnly ? "CC-6" : "CC-8");
    }

    /** ACC-6: a queue the account does not have is not found rather than forbidden. */
    private static Check existing(Check check) {
        if (!check.allowed() && check.missing().stream().anyMatch(m -> m.startsWith("an existing "))) {
            throw ProblemException.notFound("queue");
        }
        return check;
    }

    private static String queue(UUID queueId) {
        return "queue:" + queueId;
    }
}
