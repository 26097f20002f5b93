package com.example.accounts.account.api;

import com.example.accounts.account.api.AccountRequests.CcPermissionsRequest;
import com.example.accounts.account.api.AccountRequests.CcSettingsRequest;
import com.example.accounts.account.api.AccountRequests.QueueAssignmentRequest;
import com.example.accounts.account.api.AccountRequests.QueueRequest;
import com.example.accounts.account.api.AccountResponses.ContactCenterView;
import com.example.accounts.account.api.AccountResponses.MemberView;
import com.example.accounts.account.api.AccountResponses.QueueView;
import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand;
import com.example.accounts.account.domain.AccountCommand.AssignContactCenterRole;
import com.example.accounts.account.domain.AccountCommand.AssignQueue;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterRolePermissions;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterSettings;
import com.example.accounts.account.domain.AccountCommand.CreateQueue;
import com.example.accounts.account.domain.AccountCommand.RevokeContactCenterRole;
import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.Answer;
import com.example.accounts.kit.Caller;
import com.example.accounts.kit.CommandAnswer;
import com.example.accounts.kit.CommandHeaders;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.RequestShape;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Contact-center roles, queues and their members, role permissions and organization settings (CC-1 to CC-6). */
@Path("/accounts/{accountId}/contact-center")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "neither a contact admin nor a full admin (CC-1, ACC-5), or without a CONTACT_CENTER licence (SEAT-3)")
@APIResponse(responseCode = "404", description = "no such account, member or queue for this caller (ACC-6)")
public class ContactCenterResource {

    private final AccountCommands commands;
    private final Caller caller;

    public ContactCenterResource(AccountCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getContactCenter",
            summary = "The contact center: role permissions, organization settings, and the queues the caller sees (CC-5) with who is assigned to them")
    @APIResponse(responseCode = "200", description = "the contact center; ETag carries the account's version")
    public Uni<Response> get(@PathParam("accountId") UUID accountId) {
        return commands.loadDataFor(accountId, caller.loginId()).map(account -> {
            return Response.ok(ContactCenterView.of(account, account.memberByLogin(caller.loginId()).orElseThrow()))
                    .tag(Long.toString(account.version())).build();
        });
    }

    @PUT
    @Path("/members/{memberId}/roles/{role}")
    @Operation(operationId = "assignContactCenterRole",
            summary = "Give a member a contact-center role (CC-1: CONTACT_ADMIN requires ADMIN; the plan must have CONTACT_CENTER). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the member after the change")
    @APIResponse(responseCode = "422", description = "CONTACT_ADMIN for a non-ADMIN (CC-1), an observer (USR-11), CONTACT_CENTER not in the plan (SEAT-5)")
    public Uni<Response> assignRole(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId, @PathParam("role") String role,
            @BeanParam CommandHeaders headers) {
        CcRole ccRole = RequestShape.parsed("role", role, CcRole::valueOf, List.of(CcRole.values()).toString());
        return edit(accountId, headers, now -> new AssignContactCenterRole(caller.loginId(), memberId, ccRole, now),
                account -> MemberView.of(account.members().get(memberId)));
    }

    @DELETE
    @Path("/members/{memberId}/roles/{role}")
    @Operation(operationId = "revokeContactCenterRole",
            summary = "Take a contact-center role away, and the queue assignments it carried (CC-1). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the member after the change")
    public Uni<Response> revokeRole(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId, @PathParam("role") String role,
            @BeanParam CommandHeaders headers) {
        CcRole ccRole = RequestShape.parsed("role", role, CcRole::valueOf, List.of(CcRole.values()).toString());
        return edit(accountId, headers, now -> new RevokeContactCenterRole(caller.loginId(), memberId, ccRole, now),
                account -> MemberView.of(account.members().get(memberId)));
    }

    @POST
    @Path("/queues")
    @Operation(operationId = "createQueue", summary = "Create a queue (CC-1): contact admins and full admins; names unique. Accepts Idempotency-Key (SEC-3)")
    @APIResponse(responseCode = "201", description = "created; Consistency-Token and ETag headers carry the write")
    @APIResponse(responseCode = "409", description = "a queue of that name exists (CC-1)")
    @APIResponse(responseCode = "422", description = "a missing or over-long name, CONTACT_CENTER not in the plan (SEAT-5), a reused Idempotency-Key")
    public Uni<Response> createQueue(@PathParam("accountId") UUID accountId, QueueRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        CreateQueue command = new CreateQueue(caller.loginId(), UUID.randomUUID(), request.name(), commands.now());
        String collection = "/accounts/" + accountId + "/contact-center/queues";
        return commands.create(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()),
                headers.idempotencyKey(caller, "POST " + collection, request),
                result -> CommandAnswer.created(URI.create(collection + "/" + command.queueId()),
                        QueueView.of(result.state().queues().get(command.queueId())))
                        .versioned(result).kept())
                .map(Answer::response);
    }

    @PUT
    @Path("/queues/{queueId}/members/{memberId}")
    @Operation(operationId = "assignQueueMember",
            summary = "Assign a member to a queue as AGENT or SUPERVISOR (CC-1: they must hold that role). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the queue after the change")
    @APIResponse(responseCode = "422", description = "the member lacks the role (CC-8 for agents, CC-1 for supervisors)")
    public Uni<Response> assignQueue(@PathParam("accountId") UUID accountId, @PathParam("queueId") UUID queueId, @PathParam("memberId") UUID memberId,
            QueueAssignmentRequest request, @BeanParam CommandHeaders headers) {
        if (request == null || request.role() == null) {
            throw ProblemException.invalid(RuleId.CC_1, "role", "is required: AGENT or SUPERVISOR");
        }
        return edit(accountId, headers, now -> new AssignQueue(caller.loginId(), queueId, memberId, request.role(), now),
                account -> QueueView.of(account.queues().get(queueId)));
    }

    @DELETE
    @Path("/queues/{queueId}/members/{memberId}")
    @Operation(operationId = "unassignQueueMember", summary = "Unassign a member from a queue (CC-1). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the queue after the change")
    public Uni<Response> unassignQueue(@PathParam("accountId") UUID accountId, @PathParam("queueId") UUID queueId, @PathParam("memberId") UUID memberId,
            @BeanParam CommandHeaders headers) {
        return edit(accountId, headers, now -> new AssignQueue(caller.loginId(), queueId, memberId, null, now),
                account -> QueueView.of(account.queues().get(queueId)));
    }

    @PUT
    @Path("/role-permissions/{role}")
    @Operation(operationId = "changeContactCenterRolePermissions",
            summary = "Set the permissions of SUPERVISOR or AGENT, whole (CC-2 to CC-4: MANAGE_X brings VIEW_X; VIEW_QUEUE_SETTINGS stays on). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the contact center after the change")
    @APIResponse(responseCode = "422", description = "a permission of another role, VIEW_X off while MANAGE_X is on, VIEW_QUEUE_SETTINGS off (CC-3, CC-4)")
    public Uni<Response> changeRolePermissions(@PathParam("accountId") UUID accountId, @PathParam("role") String role, CcPermissionsRequest request,
            @BeanParam CommandHeaders headers) {
        CcRole ccRole = RequestShape.parsed("role", role, CcRole::valueOf, List.of(CcRole.values()).toString());
        RequestShape.required(request);
        return edit(accountId, headers, now -> new ChangeContactCenterRolePermissions(caller.loginId(), ccRole, request.permissions(), now),
                this::contactCenter);
    }

    @PUT
    @Path("/settings")
    @Operation(operationId = "changeContactCenterSettings",
            summary = "Set the contact-center organization settings (ACC-5: full admins; CC-6). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the contact center after the change")
    @APIResponse(responseCode = "422", description = "a missing setting")
    public Uni<Response> changeSettings(@PathParam("accountId") UUID accountId, CcSettingsRequest request,
            @BeanParam CommandHeaders headers) {
        if (request == null || request.restrictUnassignedQueueLogin() == null) {
            throw ProblemException.invalid(RuleId.CC_6, "restrictUnassignedQueueLogin", "is required (true or false)");
        }
        return edit(accountId, headers,
                now -> new ChangeContactCenterSettings(caller.loginId(), request.restrictUnassignedQueueLogin(), now), this::contactCenter);
    }

    private ContactCenterView contactCenter(Account account) {
        return ContactCenterView.of(account, account.memberByLogin(caller.loginId()).orElseThrow());
    }

    private Uni<Response> edit(UUID accountId, CommandHeaders headers, Function<Instant, AccountCommand> command,
            Function<Account, Object> view) {
        AccountCommand decided = command.apply(commands.now());
        return commands.edit(accountId, caller.loginId(), decided, headers.requestedBy(caller, decided.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.ok(view.apply(result.state())).versioned(result).response());
    }
}
