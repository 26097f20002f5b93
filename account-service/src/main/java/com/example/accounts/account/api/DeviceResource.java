package com.example.accounts.account.api;

import com.example.accounts.account.api.AccountRequests.DeviceRequest;
import com.example.accounts.account.api.AccountResponses.DeviceView;
import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.AccountCommand.AddDevice;
import com.example.accounts.account.domain.AccountCommand.ChangeDevice;
import com.example.accounts.account.domain.AccountCommand.RemoveDevice;
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
import java.util.Comparator;
import java.util.UUID;

/** CMP-4: the unattended computers of an account, each of one company and at most one device group. */
@Path("/accounts/{accountId}/devices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "neither a full admin nor a limited admin supervising the device's group (CMP-4)")
@APIResponse(responseCode = "404", description = "no such account or device for this caller (ACC-6)")
public class DeviceResource {

    private final AccountCommands commands;
    private final Caller caller;

    public DeviceResource(AccountCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listDevices", summary = "The account's devices, by name")
    @APIResponse(responseCode = "200", description = "the devices; ETag carries the account's version")
    public Uni<Response> list(@PathParam("accountId") UUID accountId) {
        return commands.loadDataFor(accountId, caller.loginId()).map(account -> {
            return Response.ok(account.devices().values().stream().map(DeviceView::of)
                    .sorted(Comparator.comparing(DeviceView::name, String.CASE_INSENSITIVE_ORDER)).toList())
                    .tag(Long.toString(account.version())).build();
        });
    }

    @POST
    @Operation(operationId = "addDevice",
            summary = "Add a device (CMP-4): full admins, or limited admins into a device group they supervise. Accepts Idempotency-Key (SEC-3)")
    @APIResponse(responseCode = "201", description = "added; Consistency-Token and ETag headers carry the write")
    @APIResponse(responseCode = "422", description = "a missing name or company, a company or group not of this account (ACC-6), or a reused Idempotency-Key")
    public Uni<Response> add(@PathParam("accountId") UUID accountId, DeviceRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        AddDevice command = new AddDevice(caller.loginId(), UUID.randomUUID(), request.name(), request.companyId(), request.deviceGroupId(), commands.now());
        String collection = "/accounts/" + accountId + "/devices";
        return commands.create(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()),
                headers.idempotencyKey(caller, "POST " + collection, request),
                result -> CommandAnswer.created(URI.create(collection + "/" + command.deviceId()),
                        DeviceView.of(result.state().devices().get(command.deviceId())))
                        .versioned(result).kept())
                .map(Answer::response);
    }

    @PUT
    @Path("/{deviceId}")
    @Operation(operationId = "changeDevice", summary = "Change a device, whole: name, company, device group (CMP-4). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the device after the change")
    @APIResponse(responseCode = "422", description = "a missing name or company, a company or group not of this account (ACC-6)")
    public Uni<Response> change(@PathParam("accountId") UUID accountId, @PathParam("deviceId") UUID deviceId, DeviceRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        ChangeDevice command = new ChangeDevice(caller.loginId(), deviceId, request.name(), request.companyId(), request.deviceGroupId(), commands.now());
        return commands.edit(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.ok(DeviceView.of(result.state().devices().get(deviceId))).versioned(result).response());
    }

    @DELETE
    @Path("/{deviceId}")
    @Operation(operationId = "removeDevice", summary = "Remove a device (CMP-4). Accepts If-Match")
    @APIResponse(responseCode = "204", description = "removed; Consistency-Token carries the write")
    public Uni<Response> remove(@PathParam("accountId") UUID accountId, @PathParam("deviceId") UUID deviceId,
            @BeanParam CommandHeaders headers) {
        RemoveDevice command = new RemoveDevice(caller.loginId(), deviceId, commands.now());
        return commands.edit(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.noContent().versioned(result).response());
    }
}
