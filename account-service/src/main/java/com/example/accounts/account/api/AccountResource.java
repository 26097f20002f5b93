package com.example.accounts.account.api;

import com.example.accounts.account.api.AccountRequests.BillingContactRequest;
import com.example.accounts.account.api.AccountRequests.BillingInfoRequest;
import com.example.accounts.account.api.AccountRequests.OpenAccountRequest;
import com.example.accounts.account.api.AccountRequests.PlanBody;
import com.example.accounts.account.api.AccountRequests.SettingsRequest;
import com.example.accounts.account.api.AccountResponses.AccountOpenedView;
import com.example.accounts.account.api.AccountResponses.AccountView;
import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand;
import com.example.accounts.account.domain.AccountCommand.ChangeBillingInfo;
import com.example.accounts.account.domain.AccountCommand.ChangePlan;
import com.example.accounts.account.domain.AccountCommand.ChangeSettings;
import com.example.accounts.account.domain.AccountCommand.HandOverBillingContact;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.Vocabulary.BillingInfo;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.contract.vocabulary.Role;
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
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

@Path("/accounts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "no such account or member for this caller (ACC-6)")
public class AccountResource {

    private final AccountCommands commands;
    private final Caller caller;

    public AccountResource(AccountCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "openAccount",
            summary = "Open an account (ACC-1): the caller becomes its first member, ADMIN and billing contact. Accepts Idempotency-Key (SEC-3)")
    @APIResponse(responseCode = "201", description = "opened; Consistency-Token and ETag headers carry the write",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountResponses.AccountOpenedView.class)))
    @APIResponse(responseCode = "422", description = "a rule refused it, or the Idempotency-Key was used for another request")
    public Uni<Response> open(OpenAccountRequest request, @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        if (request.admin() == null) {
            throw ProblemException.invalid(RuleId.ACC_1, "admin", "is required: the first member's name and email");
        }
        if (request.admin().email() == null || caller.email() == null || !request.admin().email().strip().equalsIgnoreCase(caller.email())) {
            throw ProblemException.invalid(RuleId.ACC_1, "admin.email", "must be the signed-in caller's own email, who becomes the first admin");
        }
        UUID accountId = UUID.randomUUID();
        OpenAccount command = new OpenAccount(accountId, request.name(), plan(request.plan()), UUID.randomUUID(),
                caller.loginId(), request.admin().name(), request.admin().email(), commands.now());
        return commands.open(accountId, command, headers.requestedBy(caller, command.now()),
                headers.idempotencyKey(caller, "POST /accounts", request),
                result -> CommandAnswer.created(URI.create("/accounts/" + accountId),
                        new AccountOpenedView(accountId, command.firstMemberId(), result.state().version(), result.token().toString()))
                        .versioned(result).kept())
                .map(Answer::response);
    }

    @GET
    @Path("/{accountId}")
    @Operation(operationId = "getAccount", summary = "The account, its plan and its members, for its members (ACC-6: 404 for anyone else)")
    @APIResponse(responseCode = "200", description = "the account; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountResponses.AccountView.class)))
    public Uni<Response> get(@PathParam("accountId") UUID accountId) {
        return commands.loadDataFor(accountId, caller.loginId())
                .map(account -> Response.ok(AccountView.of(account)).tag(Long.toString(account.version())).build());
    }

    @PUT
    @Path("/{accountId}/plan")
    @Operation(operationId = "changePlan", summary = "Change the plan (ACC-3): the billing contact only; never below the seats provisioned. Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the account after the change")
    @APIResponse(responseCode = "403", description = "not the billing contact (ACC-3)")
    @APIResponse(responseCode = "409", description = "fewer seats than provisioned; names the module, the seats provisioned and asked (ACC-3)")
    @APIResponse(responseCode = "422", description = "an invalid plan (ACC-2)")
    public Uni<Response> changePlan(@PathParam("accountId") UUID accountId, PlanBody plan, @BeanParam CommandHeaders headers) {
        RequestShape.required(plan);
        ChangePlan command = new ChangePlan(caller.loginId(), plan(plan), commands.now());
        return edit(accountId, command, headers, AccountView::of);
    }

    @PUT
    @Path("/{accountId}/billing-contact")
    @Operation(operationId = "handOverBillingContact",
            summary = "Hand the billing contact flag to another ADMIN (BIL-2); the old holder stays ADMIN. Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the account after the change")
    @APIResponse(responseCode = "403", description = "the caller is not the billing contact (BIL-2)")
    @APIResponse(responseCode = "422", description = "the new holder is not an ADMIN (BIL-1)")
    public Uni<Response> handOverBillingContact(@PathParam("accountId") UUID accountId, BillingContactRequest request,
            @BeanParam CommandHeaders headers) {
        if (request == null || request.memberId() == null) {
            throw ProblemException.invalid(RuleId.BIL_2, "memberId", "is required");
        }
        HandOverBillingContact command = new HandOverBillingContact(caller.loginId(), request.memberId(), commands.now());
        return edit(accountId, command, headers, AccountView::of);
    }

    @GET
    @Path("/{accountId}/billing-info")
    @Operation(operationId = "getBillingInfo", summary = "The billing information (ACC-4), for full admins")
    @APIResponse(responseCode = "200", description = "the billing information; ETag carries the account's version")
    @APIResponse(responseCode = "403", description = "not a full admin (ACC-3)")
    public Uni<Response> billingInfo(@PathParam("accountId") UUID accountId) {
        return commands.loadFor(accountId, caller.loginId()).map(loaded -> {
            Account account = loaded.state();
            if (account.memberByLogin(caller.loginId()).orElseThrow().role() != Role.ADMIN) {
                throw ProblemException.forbidden(RuleId.ACC_3, "only full admins see the billing information");
            }
            return Response.ok(account.billingInfo()).tag(Long.toString(account.version())).build();
        });
    }

    @PUT
    @Path("/{accountId}/billing-info")
    @Operation(operationId = "changeBillingInfo",
            summary = "Set the billing information, whole (ACC-3: the billing contact only; ACC-4: card numbers are refused, never stored or logged). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the billing information after the change")
    @APIResponse(responseCode = "403", description = "not the billing contact (ACC-3)")
    @APIResponse(responseCode = "422",
            description = "card-number-like data, an invalid email or an over-long value (ACC-4); the problem names the field, never the value")
    public Uni<Response> changeBillingInfo(@PathParam("accountId") UUID accountId, BillingInfoRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        ChangeBillingInfo command = new ChangeBillingInfo(caller.loginId(),
                new BillingInfo(request.address(), request.email(), request.vatId(), request.paymentMethodRef()), commands.now());
        return edit(accountId, command, headers, Account::billingInfo);
    }

    @PUT
    @Path("/{accountId}/settings")
    @Operation(operationId = "changeAccountSettings", summary = "Set the account-wide settings, whole (ACC-5: full admins only). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the account after the change")
    @APIResponse(responseCode = "403", description = "not a full admin (ACC-5)")
    @APIResponse(responseCode = "422", description = "an unknown language (ACC-5); a missing setting is a 400 naming it (SEC-2)")
    public Uni<Response> changeSettings(@PathParam("accountId") UUID accountId, SettingsRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        ChangeSettings command = new ChangeSettings(caller.loginId(),
                new Settings(request.serverInviteEmails(), request.coOrganizers(), request.defaultLanguage()), commands.now());
        return edit(accountId, command, headers, AccountView::of);
    }

    private Uni<Response> edit(UUID accountId, AccountCommand command, CommandHeaders headers, Function<Account, Object> view) {
        return commands.edit(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.ok(view.apply(result.state())).versioned(result).response());
    }

    /** ACC-2: the plan a body asks for; the rules judge it, a missing part is refused here. */
    static Plan plan(PlanBody body) {
        if (body == null || body.modules() == null) {
            throw ProblemException.invalid(RuleId.ACC_2, "plan.modules", "is required");
        }
        List<SeatCount> seats = body.seats() == null
                ? List.of()
                : body.seats().stream()
                        .map(seat -> {
                            if (seat == null || seat.module() == null || seat.seats() == null) {
                                throw ProblemException.invalid(RuleId.ACC_2, "plan.seats", "each entry needs a module and a number of seats");
                            }
                            return new SeatCount(seat.module(), seat.seats());
                        }).toList();
        return new Plan(body.modules(), seats);
    }
}
