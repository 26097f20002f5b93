package com.example.accounts.account.api;

import com.example.accounts.account.api.AccountRequests.AddMemberRequest;
import com.example.accounts.account.api.AccountRequests.OpenAccountRequest;
import com.example.accounts.account.api.AccountViews.AccountOpenedView;
import com.example.accounts.account.api.AccountViews.AccountView;
import com.example.accounts.account.api.AccountViews.MemberAddedView;
import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.application.CommandResult;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.RuleViolation;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.kit.Caller;
import com.example.accounts.kit.Problem;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.ProblemMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/accounts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountCommands commands;
    private final SecurityIdentity identity;

    public AccountResource(AccountCommands commands, SecurityIdentity identity) {
        this.commands = commands;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Open an account (ACC-1): the caller becomes its first member, ADMIN and billing contact")
    @APIResponse(responseCode = "201", description = "opened; Consistency-Token and ETag headers carry the write")
    @APIResponse(responseCode = "400", description = "malformed JSON or unknown field (SEC-2)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a rule refused it; the problem names the field and the rule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> open(OpenAccountRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller caller = Caller.of(identity);
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        if (request.admin() == null) {
            throw ProblemException.invalid("ACC-1", "admin", "is required: the first member's name and email");
        }
        if (request.admin().email() == null || caller.email() == null || !request.admin().email().strip().equalsIgnoreCase(caller.email())) {
            throw ProblemException.invalid("ACC-1", "admin.email", "must be the signed-in caller's own email, who becomes the first admin");
        }
        if (request.plan() == null || request.plan().modules() == null) {
            throw ProblemException.invalid("ACC-2", "plan.modules", "is required");
        }
        List<SeatCount> seats = request.plan().seats() == null ? List.of() : request.plan().seats().stream()
                .map(seat -> {
                    if (seat == null || seat.module() == null || seat.seats() == null) {
                        throw ProblemException.invalid("ACC-2", "plan.seats", "each entry needs a module and a number of seats");
                    }
                    return new SeatCount(seat.module(), seat.seats());
                }).toList();
        UUID accountId = UUID.randomUUID();
        OpenAccount command = new OpenAccount(accountId, request.name(), new Plan(request.plan().modules(), seats), UUID.randomUUID(),
                caller.loginId(), request.admin().name(), request.admin().email(), Instant.now());
        return commands.open(command, metadata(caller, correlationId, command.now()))
                .map(result -> created(URI.create("/accounts/" + accountId), result,
                        new AccountOpenedView(accountId, command.firstMemberId(), result.account().version(), result.token().toString())));
    }

    @GET
    @Path("/{accountId}")
    @Operation(summary = "The account, its plan and its members, for its members (ACC-6: 404 for anyone else)")
    @APIResponse(responseCode = "200", description = "the account; ETag carries its version")
    @APIResponse(responseCode = "404", description = "no such account, or the caller is not a member of it (ACC-6)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("accountId") UUID accountId) {
        Caller caller = Caller.of(identity);
        return commands.load(accountId).map(account -> {
            if (!account.opened() || account.memberByLogin(caller.loginId()).isEmpty()) {
                throw ProblemException.notFound("account " + accountId);
            }
            return Response.ok(AccountView.of(account)).tag(Long.toString(account.version())).build();
        });
    }

    @POST
    @Path("/{accountId}/members")
    @Operation(summary = "Add a member (USR-1, USR-2): a full admin adds a person by email; an unknown email gets a new login")
    @APIResponse(responseCode = "201", description = "added; Consistency-Token and ETag headers carry the write")
    @APIResponse(responseCode = "400", description = "malformed JSON or unknown field (SEC-2)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the caller is a member but not a full admin (USR-1)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such account for this caller (ACC-6)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the email is already a member (USR-1)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a rule refused it; the problem names the field and the rule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> addMember(@PathParam("accountId") UUID accountId, AddMemberRequest request,
                                   @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller caller = Caller.of(identity);
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        CompanyAccess access = request.companyAccess() == null ? null
                : new CompanyAccess(Boolean.TRUE.equals(request.companyAccess().all()),
                request.companyAccess().companies() == null ? List.of() : request.companyAccess().companies());
        AddMember probe = new AddMember(caller.loginId(), UUID.randomUUID(), "(to be found or created)", false, request.name(),
                request.email(), request.role(), access, request.supportFeatures(), request.language(), Instant.now());
        return commands.addMember(accountId, probe, metadata(caller, correlationId, probe.now()))
                .map(result -> created(URI.create("/accounts/" + accountId + "/members/" + probe.memberId()), result,
                        new MemberAddedView(accountId, probe.memberId(), result.account().members().get(probe.memberId()).loginId(),
                                result.account().version(), result.token().toString())));
    }

    private static Response created(URI location, CommandResult result, Object body) {
        return Response.created(location).entity(body)
                .header(ConsistencyToken.HEADER, result.token().toString())
                .tag(Long.toString(result.account().version()))
                .build();
    }

    private static EventMetadata metadata(Caller caller, String correlationId, Instant now) {
        String correlation = correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId;
        return new EventMetadata(caller.loginId(), correlation, correlation, now);
    }

    /** Domain refusals become problem+json here, once, with the rule and field they name. */
    @ServerExceptionMapper
    public Response refused(RuleViolation violation) {
        int status = switch (violation.kind()) {
            case INVALID -> 422;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
        };
        List<Problem.FieldError> errors = violation.field() == null ? null : List.of(new Problem.FieldError(violation.field(), violation.getMessage()));
        String detail = violation.field() == null ? violation.getMessage() : violation.field() + ": " + violation.getMessage();
        return ProblemMapper.respond(new ProblemException(status, violation.rule(),
                status == 404 ? "Not found" : "Refused by " + violation.rule(), detail, errors).problem());
    }
}
