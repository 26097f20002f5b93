package com.example.accounts.account.api;

import com.example.accounts.account.api.AccountRequests.CompanyRequest;
import com.example.accounts.account.api.AccountResponses.CompanyView;
import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.AccountCommand.AddCompany;
import com.example.accounts.account.domain.AccountCommand.RemoveCompany;
import com.example.accounts.account.domain.AccountCommand.RenameCompany;
import com.example.accounts.contract.vocabulary.Role;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** CMP-1, CMP-2: the companies (customer organizations) an account serves. */
@Path("/accounts/{accountId}/companies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "a member who is not a full admin (CMP-1)")
@APIResponse(responseCode = "404", description = "no such account or company for this caller (ACC-6)")
public class CompanyResource {

    private final AccountCommands commands;
    private final Caller caller;

    public CompanyResource(AccountCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listCompanies", summary = "The account's companies, by name (USR-10; USR-11: an observer sees those it may access)")
    @APIResponse(responseCode = "200", description = "the companies; ETag carries the account's version")
    public Uni<Response> list(@PathParam("accountId") UUID accountId) {
        return commands.loadFor(accountId, caller.loginId()).map(loaded -> {
            Account account = loaded.state();
            Account.Member viewer = account.memberByLogin(caller.loginId()).orElseThrow();
            // USR-11: an observer sees the companies whose Monitoring data it may see, and only those.
            List<CompanyView> companies = CompanyView.all(account).stream().filter(company -> viewer.role() != Role.MONITORING_OBSERVER
                    || viewer.companyAccess().all() || viewer.companyAccess().companies().contains(company.companyId())).toList();
            return Response.ok(companies).tag(Long.toString(account.version())).build();
        });
    }

    @POST
    @Operation(operationId = "addCompany", summary = "Add a company (CMP-1): full admins; names unique case-insensitively. Accepts Idempotency-Key (SEC-3)")
    @APIResponse(responseCode = "201", description = "added; Consistency-Token and ETag headers carry the write",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountResponses.CompanyView.class)))
    @APIResponse(responseCode = "409", description = "a company of that name exists (CMP-1)")
    @APIResponse(responseCode = "422", description = "a missing or over-long name, or the Idempotency-Key was used for another request")
    public Uni<Response> add(@PathParam("accountId") UUID accountId, CompanyRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        AddCompany command = new AddCompany(caller.loginId(), UUID.randomUUID(), request.name(), commands.now());
        URI location = URI.create("/accounts/" + accountId + "/companies/" + command.companyId());
        return commands.create(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()),
                headers.idempotencyKey(caller, "POST /accounts/" + accountId + "/companies", request),
                result -> CommandAnswer.created(location,
                        CompanyView.of(result.state().companies().get(command.companyId())))
                        .versioned(result).kept())
                .map(Answer::response);
    }

    @PUT
    @Path("/{companyId}")
    @Operation(operationId = "renameCompany", summary = "Rename a company (CMP-1). Accepts If-Match")
    @APIResponse(responseCode = "200", description = "the company after the change")
    @APIResponse(responseCode = "409", description = "a company of that name exists (CMP-1)")
    @APIResponse(responseCode = "422", description = "a missing or over-long name")
    public Uni<Response> rename(@PathParam("accountId") UUID accountId, @PathParam("companyId") UUID companyId, CompanyRequest request,
            @BeanParam CommandHeaders headers) {
        RequestShape.required(request);
        RenameCompany command = new RenameCompany(caller.loginId(), companyId, request.name(), commands.now());
        return commands.edit(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.ok(CompanyView.of(result.state().companies().get(companyId))).versioned(result).response());
    }

    @DELETE
    @Path("/{companyId}")
    @Operation(operationId = "removeCompany",
            summary = "Remove a company (CMP-1); it leaves every member's access list, and a list it empties reaches none (CMP-2). Accepts If-Match")
    @APIResponse(responseCode = "204", description = "removed; Consistency-Token carries the write")
    public Uni<Response> remove(@PathParam("accountId") UUID accountId, @PathParam("companyId") UUID companyId,
            @BeanParam CommandHeaders headers) {
        RemoveCompany command = new RemoveCompany(caller.loginId(), companyId, commands.now());
        return commands.edit(accountId, caller.loginId(), command, headers.requestedBy(caller, command.now()), headers.expectedVersion())
                .map(result -> CommandAnswer.noContent().versioned(result).response());
    }
}
