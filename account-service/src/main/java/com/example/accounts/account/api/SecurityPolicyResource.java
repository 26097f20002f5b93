package com.example.accounts.account.api;

import com.example.accounts.account.api.AccountRequests.SecurityPolicyRequest;
import com.example.accounts.account.api.AccountResponses.SecurityPolicyView;
import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.AccountCommand.ChangeSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.DefineSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.SetSecurityPolicyEnabled;
import com.example.accounts.kit.Answer;
import com.example.accounts.kit.Caller;
import com.example.accounts.kit.CommandAnswer;
import com.example.accounts.kit.CommandHeaders;
import com.example.accounts.kit.RequestShape;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

/** INV-6: the security policies an external technician is invited under. */
@Path("/accounts/{accountId}/security-policies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "a member who is not a full admin (INV-6)")
@APIResponse(responseCode = "404", description = "no such account or policy for this caller (ACC-6)")
public class SecurityPolicyResource {

    private final AccountCommands commands;
    private final Caller caller;

    public SecurityPolicyResource(AccountCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listSecurityPolicies", summary = "The account's security policies, by name, enabled or not")
    @APIResponse(responseCode = "200", description = "the policies; ETag carries the account's version")
    public Uni<Response> list(@PathParam("accountId") UUID accountId) {
        return commands.loadDataFor(accountId, caller.loginId()).map(account -> {
            return Response.ok(account.securityPolicies().values().stream().map(SecurityPolicyView::of)
                    .sorted(Comparator.comparing(SecurityPolicyView::name, String.CASE_INSENSITIVE_ORDER)).toList())
                    .tag(Long.toString(account.version())).build();
        });
    }

    @POST
    @Operation(operationId = "defineSecurityPolicy",
            summary = "Define a security policy, enabled for invites (INV-6: full admins; names unique). Accepts Idempotency-Key (SEC-3)")
    @APIResponse(responseCode = "201", description = "defined; Consistency-Token and ETag headers carry the write")
    @APIResponse(responseCode = "409", description = "a policy of that name exists (INV-6)")
    @APIResponse(responseCode = "422", description = "a missing or over-long name or description, no permission list (INV-6), or a reused Idempotency-Key")
    public Uni<Response> define(@PathParam("accountId") UUID accountId, SecurityPolicyRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        DefineSecurityPolicy command = new DefineSecurityPolicy(caller.loginId(), UUID.randomUUID(), request.name(), request.description(),
                request.permissions(), commands.now());
        String collection = "/accounts/" + accountId + "/security-policies";
        return commands.create(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()),
                headers.idempotencyKey(caller, "POST " + collection, request),
                result -> CommandAnswer.created(URI.create(collection + "/" + command.policyId()),
                        SecurityPolicyView.of(result.state().securityPolicies().get(command.policyId())))
                        .versioned(result).kept())
                .map(Answer::response);
    }

    @PUT
    @Path("/{policyId}")
    @Operation(operationId = "changeSecurityPolicy", summary = "Edit a security policy's name, description and permissions, whole (INV-6). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the policy after the change")
    @APIResponse(responseCode = "409", description = "a policy of that name exists (INV-6)")
    @APIResponse(responseCode = "422", description = "a missing or over-long name or description, no permission list (INV-6)")
    public Uni<Response> change(@PathParam("accountId") UUID accountId, @PathParam("policyId") UUID policyId, SecurityPolicyRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        ChangeSecurityPolicy command = new ChangeSecurityPolicy(caller.loginId(), policyId, request.name(), request.description(),
                request.permissions(), commands.now());
        return commands.edit(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.ok(SecurityPolicyView.of(result.state().securityPolicies().get(policyId))).versioned(result).response());
    }

    @POST
    @Path("/{policyId}/disable")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "disableSecurityPolicy", summary = "Disable a security policy: no new invite may use it (INV-6, INV-1). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the policy after the change")
    public Uni<Response> disable(@PathParam("accountId") UUID accountId, @PathParam("policyId") UUID policyId,
            @BeanParam CommandHeaders headers) {
        return setEnabled(accountId, policyId, false, headers);
    }

    @POST
    @Path("/{policyId}/enable")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "enableSecurityPolicy", summary = "Enable a disabled security policy for invites again (INV-6). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the policy after the change")
    public Uni<Response> enable(@PathParam("accountId") UUID accountId, @PathParam("policyId") UUID policyId,
            @BeanParam CommandHeaders headers) {
        return setEnabled(accountId, policyId, true, headers);
    }

    private Uni<Response> setEnabled(UUID accountId, UUID policyId, boolean enabled, CommandHeaders headers) {
        SetSecurityPolicyEnabled command = new SetSecurityPolicyEnabled(caller.loginId(), policyId, enabled, commands.now());
        return commands.edit(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.ok(SecurityPolicyView.of(result.state().securityPolicies().get(policyId))).versioned(result).response());
    }
}
