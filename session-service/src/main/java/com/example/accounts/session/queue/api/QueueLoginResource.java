package com.example.accounts.session.queue.api;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.kit.CommandAnswer;
import com.example.accounts.kit.CommandHeaders;
import com.example.accounts.kit.RequestShape;
import com.example.accounts.session.application.MemberRequest;
import com.example.accounts.session.queue.application.QueueLogins;
import com.example.accounts.session.queue.domain.AgentLogins;
import com.example.accounts.session.queue.domain.QueueDecider;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
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

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Contact-center queue logins over HTTP, read into {@link QueueLogins}: agents log themselves in and out (CC-8),
 * supervisors of a queue log agents in, past RESTRICT_UNASSIGNED_QUEUE_LOGIN and without assigning them (CC-6), and
 * out (CC-7). What an agent may do in a queue is fixed at login (CC-7).
 */
@Path("/accounts/{accountId}/queue-logins")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "the permission-service or the login rules refuse it; the problem names the rule")
@APIResponse(responseCode = "404", description = "no such account or queue for the caller (ACC-6)")
@APIResponse(responseCode = "503", description = "the permission-service cannot answer now: nothing is allowed by default, retry")
public class QueueLoginResource {

    public record LoginView(UUID queueId, UUID byMemberId, List<String> permissions) {
    }

    public record LoginsView(UUID agentMemberId, List<LoginView> logins) {
        static LoginsView of(UUID agent, Collection<AgentLogins.Login> logins) {
            return new LoginsView(agent, logins.stream().map(l -> new LoginView(l.queueId(), l.byMemberId(),
                    QueueDecider.PERMISSIONS.stream().filter(l.permissions()::contains).toList())).toList());
        }
    }

    private final QueueLogins logins;

    public QueueLoginResource(QueueLogins logins) {
        this.logins = logins;
    }

    private static MemberRequest request(UUID accountId, String bearer, String consistency, String correlationId) {
        return new MemberRequest(accountId, bearer, consistency, correlationId);
    }

    private static Response view(QueueLogins.Logged logged) {
        return CommandAnswer.ok(LoginsView.of(logged.agent(), logged.done().state().queues().values())).written(logged.done()).response();
    }

    @POST
    @Path("/{queueId}")
    @Operation(operationId = "logIntoQueue", summary = "Log into a queue as an agent, with the AGENT permissions of now fixed until log-out (CC-6, CC-7, CC-8)")
    @APIResponse(responseCode = "200", description = "logged in (or already was, with the permissions of that login): the agent's logins")
    public Uni<Response> logIn(@PathParam("accountId") UUID accountId, @PathParam("queueId") UUID queueId, @HeaderParam("Authorization") String bearer,
            @BeanParam CommandHeaders headers) {
        return logins.logIn(MemberRequest.of(accountId, bearer, headers), queueId).map(QueueLoginResource::view);
    }

    @POST
    @Path("/{queueId}/agents/{agentMemberId}")
    @Operation(operationId = "logAgentIntoQueue",
            summary = "As a supervisor of the queue, log an agent into it, also when it is not assigned to them; it assigns nothing (CC-6)")
    @APIResponse(responseCode = "200", description = "logged in (or already was, with the permissions of that login): the agent's logins")
    @APIResponse(responseCode = "422", description = "no such member in the account (CC-8)")
    public Uni<Response> logInAgent(@PathParam("accountId") UUID accountId, @PathParam("queueId") UUID queueId,
            @PathParam("agentMemberId") UUID agentMemberId, @HeaderParam("Authorization") String bearer,
            @BeanParam CommandHeaders headers) {
        return logins.logInAgent(MemberRequest.of(accountId, bearer, headers), queueId, agentMemberId).map(QueueLoginResource::view);
    }

    @DELETE
    @Path("/{queueId}")
    @Operation(operationId = "logOutOfQueue", summary = "Log out of a queue: the next login takes the AGENT permissions and settings of then (CC-7)")
    @APIResponse(responseCode = "200", description = "logged out: the agent's remaining logins")
    @APIResponse(responseCode = "409", description = "not logged into this queue (CC-7)")
    public Uni<Response> logOut(@PathParam("accountId") UUID accountId, @PathParam("queueId") UUID queueId, @HeaderParam("Authorization") String bearer,
            @BeanParam CommandHeaders headers) {
        return logins.logOut(MemberRequest.of(accountId, bearer, headers), queueId).map(QueueLoginResource::view);
    }

    @DELETE
    @Path("/{queueId}/agents/{agentMemberId}")
    @Operation(operationId = "logAgentOutOfQueue", summary = "As a supervisor of the queue, log an agent out of it (CC-7)")
    @APIResponse(responseCode = "200", description = "logged out: the agent's remaining logins")
    @APIResponse(responseCode = "409", description = "the agent is not logged into this queue (CC-7)")
    public Uni<Response> logOutAgent(@PathParam("accountId") UUID accountId, @PathParam("queueId") UUID queueId,
            @PathParam("agentMemberId") UUID agentMemberId, @HeaderParam("Authorization") String bearer,
            @BeanParam CommandHeaders headers) {
        return logins.logOutAgent(MemberRequest.of(accountId, bearer, headers), queueId, agentMemberId).map(QueueLoginResource::view);
    }

    @GET
    @Path("/{memberId}")
    @Operation(operationId = "listQueueLogins",
            summary = "The queues a member ('me' or an id) is logged into, with the permissions fixed at each login and who made it (CC-7); "
                    + "of another member, only the queues the caller supervises (CC-5)")
    @APIResponse(responseCode = "200", description = "the member's logins")
    public Uni<LoginsView> logins(@PathParam("accountId") UUID accountId, @PathParam("memberId") String memberId,
            @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency) {
        return logins.logins(request(accountId, bearer, consistency, null), memberId, id -> RequestShape.uuid("memberId", id))
                .map(view -> LoginsView.of(view.agentMemberId(), view.logins()));
    }
}
