package com.example.accounts.account.api;

import com.example.accounts.account.api.AccountRequests.GroupRequest;
import com.example.accounts.account.api.AccountResponses.GroupView;
import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand.CreateGroup;
import com.example.accounts.account.domain.AccountCommand.DeleteGroup;
import com.example.accounts.account.domain.AccountCommand.RenameGroup;
import com.example.accounts.account.domain.Vocabulary.GroupKind;
import com.example.accounts.kit.Answer;
import com.example.accounts.kit.Caller;
import com.example.accounts.kit.CommandAnswer;
import com.example.accounts.kit.CommandHeaders;
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
import java.util.UUID;

/** CMP-3: user groups and device groups, at {@code user-groups} and {@code device-groups}. */
@Path("/accounts/{accountId}/{kind: user-groups|device-groups}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "a member who is not a full admin (CMP-3)")
@APIResponse(responseCode = "404", description = "no such account or group for this caller (ACC-6)")
public class GroupResource {

    private final AccountCommands commands;
    private final Caller caller;

    public GroupResource(AccountCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    private static GroupKind kind(String path) {
        return path.equals("user-groups") ? GroupKind.USER : GroupKind.DEVICE;
    }

    @GET
    @Operation(operationId = "listGroups", summary = "The account's user groups or device groups, by name")
    @APIResponse(responseCode = "200", description = "the groups; ETag carries the account's version")
    public Uni<Response> list(@PathParam("accountId") UUID accountId, @PathParam("kind") String kind) {
        return commands.loadDataFor(accountId, caller.loginId()).map(account -> {
            return Response.ok(GroupView.all(kind(kind) == GroupKind.USER ? account.userGroups() : account.deviceGroups()))
                    .tag(Long.toString(account.version())).build();
        });
    }

    @POST
    @Operation(operationId = "createGroup",
            summary = "Create a group (CMP-3): full admins; names unique per kind, case-insensitively. Accepts Idempotency-Key (SEC-3)")
    @APIResponse(responseCode = "201", description = "created; Consistency-Token and ETag headers carry the write")
    @APIResponse(responseCode = "409", description = "a group of that kind and name exists (CMP-3)")
    @APIResponse(responseCode = "422", description = "a missing or over-long name, or the Idempotency-Key was used for another request")
    public Uni<Response> create(@PathParam("accountId") UUID accountId, @PathParam("kind") String kind, GroupRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        CreateGroup command = new CreateGroup(caller.loginId(), kind(kind), UUID.randomUUID(), request.name(), commands.now());
        String collection = "/accounts/" + accountId + "/" + kind;
        return commands.create(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()),
                headers.idempotencyKey(caller, "POST " + collection, request),
                result -> CommandAnswer.created(URI.create(collection + "/" + command.groupId()),
                        new GroupView(command.groupId(), groupName(result.state(), command.kind(), command.groupId())))
                        .versioned(result).kept())
                .map(Answer::response);
    }

    @PUT
    @Path("/{groupId}")
    @Operation(operationId = "renameGroup", summary = "Rename a group (CMP-3). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the group after the change")
    @APIResponse(responseCode = "409", description = "a group of that kind and name exists (CMP-3)")
    @APIResponse(responseCode = "422", description = "a missing or over-long name")
    public Uni<Response> rename(@PathParam("accountId") UUID accountId, @PathParam("kind") String kind, @PathParam("groupId") UUID groupId,
            GroupRequest request, @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        RenameGroup command = new RenameGroup(caller.loginId(), kind(kind), groupId, request.name(), commands.now());
        return commands.edit(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.ok(new GroupView(groupId, groupName(result.state(), command.kind(), groupId))).versioned(result).response());
    }

    @DELETE
    @Path("/{groupId}")
    @Operation(operationId = "deleteGroup",
            summary = "Delete a group (CMP-3): members leave it, supervisors lose it, its devices stay in no group (CMP-4). Accepts If-Match")
    @APIResponse(responseCode = "204", description = "deleted; Consistency-Token carries the write")
    public Uni<Response> delete(@PathParam("accountId") UUID accountId, @PathParam("kind") String kind, @PathParam("groupId") UUID groupId,
            @BeanParam CommandHeaders headers) {
        DeleteGroup command = new DeleteGroup(caller.loginId(), kind(kind), groupId, commands.now());
        return commands.edit(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.noContent().versioned(result).response());
    }

    private static String groupName(Account account, GroupKind kind, UUID groupId) {
        return (kind == GroupKind.USER ? account.userGroups() : account.deviceGroups()).get(groupId).name();
    }
}
