package com.example.accounts.account.api;

import com.example.accounts.account.api.AccountRequests.AddMemberRequest;
import com.example.accounts.account.api.AccountRequests.ChangeRoleRequest;
import com.example.accounts.account.api.AccountRequests.CompanyAccessBody;
import com.example.accounts.account.api.AccountRequests.ProfileRequest;
import com.example.accounts.account.api.AccountRequests.SupervisedGroupsRequest;
import com.example.accounts.account.api.AccountRequests.SupportFeaturesRequest;
import com.example.accounts.account.api.AccountRequests.UserGroupsRequest;
import com.example.accounts.account.api.AccountResponses.MemberAddedView;
import com.example.accounts.account.api.AccountResponses.MemberView;
import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.AssignSupervisedGroups;
import com.example.accounts.account.domain.AccountCommand.ChangeCompanyAccess;
import com.example.accounts.account.domain.AccountCommand.ChangeProfile;
import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.ChangeSupportFeatures;
import com.example.accounts.account.domain.AccountCommand.ChangeUserGroups;
import com.example.accounts.account.domain.AccountCommand.DeleteMember;
import com.example.accounts.account.domain.AccountCommand.ProvisionSeat;
import com.example.accounts.account.domain.AccountCommand.ReleaseSeat;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

@Path("/accounts/{accountId}/members")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "a member without the right to do this (USR-1, USR-4, USR-6, USR-8)")
@APIResponse(responseCode = "404", description = "no such account or member for this caller (ACC-6)")
public class MemberResource {

    private final AccountCommands commands;
    private final Caller caller;

    public MemberResource(AccountCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "addMember",
            summary = "Add a member (USR-1, USR-2): a full admin adds a person by email; an unknown email gets a new login. Accepts Idempotency-Key (SEC-3)")
    @APIResponse(responseCode = "201", description = "added; Consistency-Token and ETag headers carry the write")
    @APIResponse(responseCode = "409", description = "the email is already a member (USR-1)")
    @APIResponse(responseCode = "422", description = "a rule refused it (name, email, role, USR-3), or the Idempotency-Key was used for another request")
    public Uni<Response> add(@PathParam("accountId") UUID accountId, AddMemberRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        AddMember probe = new AddMember(caller.loginId(), UUID.randomUUID(), "(to be found or created)", false, request.name(),
                request.email(), request.role(), companyAccess(request.companyAccess()), request.supportFeatures(), request.language(), commands.now());
        return commands.addMember(accountId, probe, headers.requestedBy(caller, probe.now()),
                headers.idempotencyKey(caller, "POST /accounts/" + accountId + "/members", request),
                result -> CommandAnswer.created(URI.create("/accounts/" + accountId + "/members/" + probe.memberId()),
                        new MemberAddedView(accountId, probe.memberId(), result.state().members().get(probe.memberId()).loginId(),
                                result.state().version(), result.token().toString()))
                        .versioned(result).kept())
                .map(Answer::response);
    }

    @GET
    @Operation(operationId = "listMembers",
            summary = "The members, by email, a page at a time; filtered by role, user group, company reached and seat held (USR-10; USR-11: not for observers)")
    @APIResponse(responseCode = "200", description = "a page of members and the cursor of the next page (null on the last)")
    @APIResponse(responseCode = "403", description = "a monitoring observer (USR-11)")
    public Uni<Response> list(@PathParam("accountId") UUID accountId, @QueryParam("role") String role, @QueryParam("group") String group,
            @QueryParam("company") String company,
            @QueryParam("seat") String seat, @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("after") String after) {
        Role roleFilter = RequestShape.parsed("role", role, Role::valueOf, List.of(Role.values()).toString());
        UUID groupFilter = RequestShape.parsed("group", group, UUID::fromString, "a user group id");
        UUID companyFilter = RequestShape.parsed("company", company, UUID::fromString, "a company id");
        Module seatFilter = RequestShape.parsed("seat", seat, Module::valueOf, List.of(Module.values()).toString());
        if (limit < 1 || limit > MemberPage.MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be 1 to " + MemberPage.MAX_LIMIT);
        }
        MemberPage.Cursor cursor = after == null ? null : MemberPage.Cursor.decode(after);
        return commands.loadDataFor(accountId, caller.loginId()).map(account -> {
            return Response.ok(MemberPage.of(account, roleFilter, groupFilter, companyFilter, seatFilter, cursor, limit)).tag(Long.toString(account.version()))
                    .build();
        });
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMyMembership", summary = "The caller's own membership of the account (USR-5's \"my profile\")")
    @APIResponse(responseCode = "200", description = "the caller as a member; ETag carries the account's version")
    public Uni<Response> me(@PathParam("accountId") UUID accountId) {
        return commands.loadFor(accountId, caller.loginId()).map(loaded -> {
            Account account = loaded.state();
            return Response.ok(MemberView.of(account.memberByLogin(caller.loginId()).orElseThrow())).tag(Long.toString(account.version())).build();
        });
    }

    @PUT
    @Path("/me/profile")
    @Operation(operationId = "changeMyProfile", summary = "Change your own name and email (USR-5). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the caller as a member after the change")
    @APIResponse(responseCode = "409", description = "the email is already a member of the account (USR-1)")
    @APIResponse(responseCode = "422", description = "a missing or over-long name, an invalid email (USR-5)")
    public Uni<Response> changeMyProfile(@PathParam("accountId") UUID accountId, ProfileRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        Instant now = commands.now();
        return commands.edit(accountId, caller.loginId(), state -> new ChangeProfile(caller.loginId(),
                state.memberByLogin(caller.loginId()).map(Account.Member::memberId).orElse(null), request.name(), request.email(), now),
                headers.requestedBy(caller, now), headers.expectedVersion())
                .map(result -> CommandAnswer.ok(MemberView.of(result.state().memberByLogin(caller.loginId()).orElseThrow())).versioned(result).response());
    }

    @GET
    @Path("/{memberId}")
    @Operation(operationId = "getMember", summary = "One member, for the account's members (ACC-6)")
    @APIResponse(responseCode = "200", description = "the member; ETag carries the account's version")
    public Uni<Response> get(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId) {
        return commands.loadDataFor(accountId, caller.loginId()).map(account -> {
            Account.Member member = account.members().get(memberId);
            if (member == null) {
                throw ProblemException.notFound("member " + memberId);
            }
            return Response.ok(MemberView.of(member)).tag(Long.toString(account.version())).build();
        });
    }

    @PUT
    @Path("/{memberId}/role")
    @Operation(operationId = "changeMemberRole",
            summary = "Change a member's role (USR-4, USR-7, USR-8, BIL-3; an observer's seats are released, SEAT-6). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the member after the change")
    @APIResponse(responseCode = "409", description = "it would leave no ADMIN (USR-7) or demote the billing contact (BIL-3)")
    public Uni<Response> changeRole(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId, ChangeRoleRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        return edit(accountId, memberId, headers, now -> new ChangeRole(caller.loginId(), memberId, request.role(), now));
    }

    @PUT
    @Path("/{memberId}/company-access")
    @Operation(operationId = "changeCompanyAccess",
            summary = "Set a member's company access, whole: all, or a list of the account's companies (USR-4, USR-3, CMP-2). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the member after the change")
    @APIResponse(responseCode = "422", description = "an admin's access (USR-3), a company not of this account (ACC-6), all with a list (CMP-2)")
    public Uni<Response> changeCompanyAccess(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId, CompanyAccessBody request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        return edit(accountId, memberId, headers,
                now -> new ChangeCompanyAccess(caller.loginId(), memberId, companyAccess(request), now));
    }

    @PUT
    @Path("/{memberId}/support-features")
    @Operation(operationId = "changeSupportFeatures", summary = "Set a member's support features, whole (USR-4, USR-3, FEAT-1). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the member after the change")
    @APIResponse(responseCode = "422", description = "an admin's features (USR-3), or no list (FEAT-1)")
    public Uni<Response> changeSupportFeatures(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId,
            SupportFeaturesRequest request, @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        return edit(accountId, memberId, headers,
                now -> new ChangeSupportFeatures(caller.loginId(), memberId, request.supportFeatures(), now));
    }

    @PUT
    @Path("/{memberId}/groups")
    @Operation(operationId = "changeMemberGroups",
            summary = "Set the user groups a member belongs to, whole (USR-4: a limited admin only within the groups it supervises). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the member after the change")
    @APIResponse(responseCode = "422", description = "a group not of this account (ACC-6), or no list (CMP-3)")
    public Uni<Response> changeGroups(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId, UserGroupsRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        return edit(accountId, memberId, headers, now -> new ChangeUserGroups(caller.loginId(), memberId, request.userGroups(), now));
    }

    @PUT
    @Path("/{memberId}/supervised-groups")
    @Operation(operationId = "assignSupervisedGroups",
            summary = "Assign the user and device groups a limited admin supervises, whole (CMP-3: full admins). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the member after the change")
    @APIResponse(responseCode = "422", description = "not a LIMITED_ADMIN (CMP-3), or a group not of this account (ACC-6)")
    public Uni<Response> assignSupervisedGroups(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId,
            SupervisedGroupsRequest request, @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        return edit(accountId, memberId, headers,
                now -> new AssignSupervisedGroups(caller.loginId(), memberId, request.userGroups(), request.deviceGroups(), now));
    }

    @PUT
    @Path("/{memberId}/profile")
    @Operation(operationId = "changeMemberProfile",
            summary = "Change your own name and email (USR-5: only the member; an admin who tries is refused). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the member after the change")
    @APIResponse(responseCode = "409", description = "the email is already a member of the account (USR-1)")
    @APIResponse(responseCode = "422", description = "a missing or over-long name, an invalid email (USR-5)")
    public Uni<Response> changeProfile(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId, ProfileRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        return edit(accountId, memberId, headers,
                now -> new ChangeProfile(caller.loginId(), memberId, request.name(), request.email(), now));
    }

    @DELETE
    @Path("/{memberId}")
    @Operation(operationId = "deleteMember",
            summary = "Delete a member (USR-6, USR-7, USR-8, BIL-3): removed for good, seats released (SEAT-6). Accepts If-Match")
    @APIResponse(responseCode = "204", description = "deleted; Consistency-Token carries the write")
    @APIResponse(responseCode = "409", description = "it would leave no ADMIN (USR-7) or delete the billing contact (BIL-3)")
    public Uni<Response> delete(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId,
            @BeanParam CommandHeaders headers) {
        DeleteMember command = new DeleteMember(caller.loginId(), memberId, commands.now());
        return commands.edit(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.noContent().versioned(result).response());
    }

    @PUT
    @Path("/{memberId}/seats/{module}")
    @Operation(operationId = "provisionSeat", summary = "Provision a seat of a module to a member (SEAT-1, SEAT-2, SEAT-5). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the member after the change")
    @APIResponse(responseCode = "409", description = "all seats bought are in use; names the module, the seats bought and in use (SEAT-2)")
    @APIResponse(responseCode = "422", description = "not a seat-bearing module of the plan, or an observer (SEAT-1, SEAT-5)")
    public Uni<Response> provisionSeat(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId,
            @PathParam("module") Module module, @BeanParam CommandHeaders headers) {
        return edit(accountId, memberId, headers, now -> new ProvisionSeat(caller.loginId(), memberId, module, now));
    }

    @DELETE
    @Path("/{memberId}/seats/{module}")
    @Operation(operationId = "releaseSeat", summary = "Release a member's seat of a module. Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the member after the change")
    public Uni<Response> releaseSeat(@PathParam("accountId") UUID accountId, @PathParam("memberId") UUID memberId,
            @PathParam("module") Module module, @BeanParam CommandHeaders headers) {
        return edit(accountId, memberId, headers, now -> new ReleaseSeat(caller.loginId(), memberId, module, now));
    }

    private Uni<Response> edit(UUID accountId, UUID memberId, CommandHeaders headers, Function<Instant, AccountCommand> command) {
        AccountCommand decided = command.apply(commands.now());
        return commands.edit(accountId, caller.loginId(), decided, headers.requestedBy(caller, decided.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.ok(MemberView.of(result.state().members().get(memberId))).versioned(result).response());
    }

    static CompanyAccess companyAccess(CompanyAccessBody body) {
        return body == null ? null : new CompanyAccess(Boolean.TRUE.equals(body.all()), body.companies() == null ? List.of() : body.companies());
    }
}
