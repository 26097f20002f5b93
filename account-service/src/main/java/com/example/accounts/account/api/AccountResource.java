package com.example.accounts.account.api;

import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.account.api.AccountRequests.BillingContactRequest;
import com.example.accounts.account.api.AccountRequests.BillingInfoRequest;
import com.example.accounts.account.api.AccountRequests.OpenAccountRequest;
import com.example.accounts.account.api.AccountRequests.PlanBody;
import com.example.accounts.account.api.AccountRequests.SettingsRequest;
import com.example.accounts.account.api.AccountViews.AccountOpenedView;
import com.example.accounts.account.api.AccountViews.AccountView;
import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand.ChangeBillingInfo;
import com.example.accounts.account.domain.AccountCommand.ChangePlan;
import com.example.accounts.account.domain.AccountCommand.ChangeSettings;
import com.example.accounts.account.domain.AccountCommand.HandOverBillingContact;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.Vocabulary.BillingInfo;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.kit.Caller;
import com.example.accounts.kit.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.UUID;

@Path("/accounts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "no such account or member for this caller (ACC-6)")
public class AccountResource {

    private final AccountCommands commands;
    private final SecurityIdentity identity;

    public AccountResource(AccountCommands commands, SecurityIdentity identity) {
        this.commands = commands;
        this.identity = identity;
    }

    @POST
    @Operation(operationId = "openAccount", summary = "Open an account (ACC-1): the caller becomes its first member, ADMIN and billing contact. Accepts Idempotency-Key (SEC-3)")
    @APIResponse(responseCode = "201", description = "opened; Consistency-Token and ETag headers carry the write",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountViews.AccountOpenedView.class)))
    @APIResponse(responseCode = "422", description = "a rule refused it, or the Idempotency-Key was used for another request")
    public Uni<Response> open(OpenAccountRequest request, @HeaderParam("X-Correlation-Id") String correlationId,
                              @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Caller caller = Caller.of(identity);
        ApiSupport.required(request);
        if (request.admin() == null) {
            throw ProblemException.invalid("ACC-1", "admin", "is required: the first member's name and email");
        }
        if (request.admin().email() == null || caller.email() == null || !request.admin().email().strip().equalsIgnoreCase(caller.email())) {
            throw ProblemException.invalid("ACC-1", "admin.email", "must be the signed-in caller's own email, who becomes the first admin");
        }
        UUID accountId = UUID.randomUUID();
        OpenAccount command = new OpenAccount(accountId, request.name(), ApiSupport.plan(request.plan()), UUID.randomUUID(),
                caller.loginId(), request.admin().name(), request.admin().email(), commands.now());
        return commands.open(accountId, command, EventMetadata.requested(caller.loginId(), correlationId, command.now()),
                        ApiSupport.idempotencyKey(caller, idempotencyKey, "POST /accounts", request),
                        result -> ApiSupport.created(URI.create("/accounts/" + accountId), result,
                                new AccountOpenedView(accountId, command.firstMemberId(), result.state().version(), result.token().toString())))
                .map(ApiSupport::respond);
    }

    @GET
    @Path("/{accountId}")
    @Operation(operationId = "getAccount", summary = "The account, its plan and its members, for its members (ACC-6: 404 for anyone else)")
    @APIResponse(responseCode = "200", description = "the account; ETag carries its version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountViews.AccountView.class)))
    public Uni<Response> get(@PathParam("accountId") UUID accountId) {
        Caller caller = Caller.of(identity);
        return commands.loadFor(accountId, caller.loginId()).map(loaded -> {
            Account account = ApiSupport.accountDataFor(loaded.state(), caller);
            return Response.ok(AccountView.of(account)).tag(Long.toString(account.version())).build();
        });
    }

    @PUT
    @Path("/{accountId}/plan")
    @Operation(operationId = "changePlan", summary = "Change the plan (ACC-3): the billing contact only; never below the seats provisioned. Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the account after the change")
    @APIResponse(responseCode = "403", description = "not the billing contact (ACC-3)")
    @APIResponse(responseCode = "409", description = "fewer seats than provisioned; names the module, the seats provisioned and asked (ACC-3)")
    @APIResponse(responseCode = "422", description = "an invalid plan (ACC-2)")
    public Uni<Response> changePlan(@PathParam("accountId") UUID accountId, PlanBody plan, @HeaderParam("If-Match") String ifMatch,
                                    @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller caller = Caller.of(identity);
        ApiSupport.required(plan);
        ChangePlan command = new ChangePlan(caller.loginId(), ApiSupport.plan(plan), commands.now());
        return ApiSupport.edit(commands, accountId, command, caller, correlationId, ifMatch)
                .map(result -> ApiSupport.edited(result, AccountView.of(result.state())));
    }

    @PUT
    @Path("/{accountId}/billing-contact")
    @Operation(operationId = "handOverBillingContact", summary = "Hand the billing contact flag to another ADMIN (BIL-2); the old holder stays ADMIN. Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the account after the change")
    @APIResponse(responseCode = "403", description = "the caller is not the billing contact (BIL-2)")
    @APIResponse(responseCode = "422", description = "the new holder is not an ADMIN (BIL-1)")
    public Uni<Response> handOverBillingContact(@PathParam("accountId") UUID accountId, BillingContactRequest request,
                                                @HeaderParam("If-Match") String ifMatch, @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller caller = Caller.of(identity);
        if (request == null || request.memberId() == null) {
            throw ProblemException.invalid("BIL-2", "memberId", "is required");
        }
        HandOverBillingContact command = new HandOverBillingContact(caller.loginId(), request.memberId(), commands.now());
        return ApiSupport.edit(commands, accountId, command, caller, correlationId, ifMatch)
                .map(result -> ApiSupport.edited(result, AccountView.of(result.state())));
    }

    @GET
    @Path("/{accountId}/billing-info")
    @Operation(operationId = "getBillingInfo", summary = "The billing information (ACC-4), for full admins")
    @APIResponse(responseCode = "200", description = "the billing information; ETag carries the account's version")
    @APIResponse(responseCode = "403", description = "not a full admin (ACC-3)")
    public Uni<Response> billingInfo(@PathParam("accountId") UUID accountId) {
        Caller caller = Caller.of(identity);
        return commands.loadFor(accountId, caller.loginId()).map(loaded -> {
            Account account = loaded.state();
            if (account.memberByLogin(caller.loginId()).orElseThrow().role() != Role.ADMIN) {
                throw ProblemException.forbidden("ACC-3", "only full admins see the billing information");
            }
            return Response.ok(account.billingInfo()).tag(Long.toString(account.version())).build();
        });
    }

    @PUT
    @Path("/{accountId}/billing-info")
    @Operation(operationId = "changeBillingInfo", summary = "Set the billing information, whole (ACC-3: the billing contact only; ACC-4: card numbers are refused, never stored or logged). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the billing information after the change")
    @APIResponse(responseCode = "403", description = "not the billing contact (ACC-3)")
    @APIResponse(responseCode = "422", description = "card-number-like data, an invalid email or an over-long value (ACC-4); the problem names the field, never the value")
    public Uni<Response> changeBillingInfo(@PathParam("accountId") UUID accountId, BillingInfoRequest request,
                                           @HeaderParam("If-Match") String ifMatch, @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller caller = Caller.of(identity);
        ApiSupport.required(request);
        ChangeBillingInfo command = new ChangeBillingInfo(caller.loginId(),
                new BillingInfo(request.address(), request.email(), request.vatId(), request.paymentMethodRef()), commands.now());
        return ApiSupport.edit(commands, accountId, command, caller, correlationId, ifMatch)
                .map(result -> ApiSupport.edited(result, result.state().billingInfo()));
    }

    @PUT
    @Path("/{accountId}/settings")
    @Operation(operationId = "changeAccountSettings", summary = "Set the account-wide settings, whole (ACC-5: full admins only). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the account after the change")
    @APIResponse(responseCode = "403", description = "not a full admin (ACC-5)")
    @APIResponse(responseCode = "422", description = "an unknown language (ACC-5); a missing setting is a 400 naming it (SEC-2)")
    public Uni<Response> changeSettings(@PathParam("accountId") UUID accountId, SettingsRequest request,
                                        @HeaderParam("If-Match") String ifMatch, @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller caller = Caller.of(identity);
        ApiSupport.required(request);
        ChangeSettings command = new ChangeSettings(caller.loginId(),
                new Settings(request.serverInviteEmails(), request.coOrganizers(), request.defaultLanguage()), commands.now());
        return ApiSupport.edit(commands, accountId, command, caller, correlationId, ifMatch)
                .map(result -> ApiSupport.edited(result, AccountView.of(result.state())));
    }
}
