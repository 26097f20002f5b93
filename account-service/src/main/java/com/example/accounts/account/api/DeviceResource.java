package com.example.accounts.account.api;

import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.account.api.AccountRequests.DeviceRequest;
import com.example.accounts.account.api.AccountViews.DeviceView;
import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand.AddDevice;
import com.example.accounts.account.domain.AccountCommand.ChangeDevice;
import com.example.accounts.account.domain.AccountCommand.RemoveDevice;
import com.example.accounts.kit.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
    private final SecurityIdentity identity;

    public DeviceResource(AccountCommands commands, SecurityIdentity identity) {
        this.commands = commands;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listDevices", summary = "The account's devices, by name")
    @APIResponse(responseCode = "200", description = "the devices; ETag carries the account's version")
    public Uni<Response> list(@PathParam("accountId") UUID accountId) {
        Caller caller = Caller.of(identity);
        return commands.loadFor(accountId, caller.loginId()).map(loaded -> {
            Account account = ApiSupport.accountDataFor(loaded.state(), caller);
            return Response.ok(account.devices().values().stream().map(DeviceView::of)
                    .sorted(Comparator.comparing(DeviceView::name, String.CASE_INSENSITIVE_ORDER)).toList())
                    .tag(Long.toString(account.version())).build();
        });
    }

    @POST
    @Operation(operationId = "addDevice", summary = "Add a device (CMP-4): full admins, or limited admins into a device group they supervise. Accepts Idempotency-Key (SEC-3)")
    @APIResponse(responseCode = "201", description = "added; Consistency-Token and ETag headers carry the write")
    @APIResponse(responseCode = "422", description = "a missing name or company, a company or group not of this account (ACC-6), or a reused Idempotency-Key")
    public Uni<Response> add(@PathParam("accountId") UUID accountId, DeviceRequest request,
                             @HeaderParam("X-Correlation-Id") String correlationId, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Caller caller = Caller.of(identity);
        ApiSupport.required(request);
        AddDevice command = new AddDevice(caller.loginId(), UUID.randomUUID(), request.name(), request.companyId(), request.deviceGroupId(), commands.now());
        String collection = "/accounts/" + accountId + "/devices";
        return commands.create(accountId, caller.loginId(), command, EventMetadata.requested(caller.loginId(), correlationId, command.now()),
                        ApiSupport.idempotencyKey(caller, idempotencyKey, "POST " + collection, request),
                        result -> ApiSupport.created(URI.create(collection + "/" + command.deviceId()), result,
                                DeviceView.of(result.state().devices().get(command.deviceId()))))
                .map(ApiSupport::respond);
    }

    @PUT
    @Path("/{deviceId}")
    @Operation(operationId = "changeDevice", summary = "Change a device, whole: name, company, device group (CMP-4). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the device after the change")
    @APIResponse(responseCode = "422", description = "a missing name or company, a company or group not of this account (ACC-6)")
    public Uni<Response> change(@PathParam("accountId") UUID accountId, @PathParam("deviceId") UUID deviceId, DeviceRequest request,
                                @HeaderParam("If-Match") String ifMatch, @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller caller = Caller.of(identity);
        ApiSupport.required(request);
        ChangeDevice command = new ChangeDevice(caller.loginId(), deviceId, request.name(), request.companyId(), request.deviceGroupId(), commands.now());
        return ApiSupport.edit(commands, accountId, command, caller, correlationId, ifMatch)
                .map(result -> ApiSupport.edited(result, DeviceView.of(result.state().devices().get(deviceId))));
    }

    @DELETE
    @Path("/{deviceId}")
    @Operation(operationId = "removeDevice", summary = "Remove a device (CMP-4). Accepts If-Match")
    @APIResponse(responseCode = "204", description = "removed; Consistency-Token carries the write")
    public Uni<Response> remove(@PathParam("accountId") UUID accountId, @PathParam("deviceId") UUID deviceId,
                                @HeaderParam("If-Match") String ifMatch, @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller caller = Caller.of(identity);
        RemoveDevice command = new RemoveDevice(caller.loginId(), deviceId, commands.now());
        return ApiSupport.edit(commands, accountId, command, caller, correlationId, ifMatch)
                .map(ApiSupport::removed);
    }
}
