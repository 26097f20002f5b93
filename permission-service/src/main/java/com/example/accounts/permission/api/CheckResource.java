package com.example.accounts.permission.api;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.kit.Caller;
import com.example.accounts.kit.Problem;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.permission.domain.Decision;
import com.example.accounts.permission.domain.MemberFacts;
import com.example.accounts.permission.domain.PermissionRules;
import com.example.accounts.permission.projection.ReadModel;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/accounts/{accountId}/checks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CheckResource {

    public record CheckAnswer(UUID accountId, UUID memberId, String permission, boolean allowed, List<String> reasons, List<String> missing) {
    }

    private final ReadModel readModel;
    private final SecurityIdentity identity;
    private final Duration maxWait;

    public CheckResource(ReadModel readModel, SecurityIdentity identity,
                         @ConfigProperty(name = "platform.consistency.max-wait") Duration maxWait) {
        this.readModel = readModel;
        this.identity = identity;
        this.maxWait = maxWait;
    }

    @GET
    @Operation(summary = "May this member do this? (PRM-2) Waits, bounded, for the consistency token (PRM-4)")
    @APIResponse(responseCode = "200", description = "allowed or denied, with the reasons")
    @APIResponse(responseCode = "400", description = "unknown permission, bad member id or token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "the caller is not a member of the account, or no such member (ACC-6)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "the consistency token was not applied within the bound; retry (PRM-4)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CheckAnswer> check(@PathParam("accountId") UUID accountId, @QueryParam("member") String member,
                                  @QueryParam("permission") String permission,
                                  @QueryParam("consistency") String consistencyParam,
                                  @HeaderParam(ConsistencyToken.HEADER) String consistencyHeader) {
        Caller caller = Caller.of(identity);
        if (permission == null || !PermissionRules.evaluated().contains(permission)) {
            throw ProblemException.badRequest("permission", "must be one of " + PermissionRules.evaluated().stream().sorted().toList());
        }
        Optional<ConsistencyToken> token = token(consistencyParam != null ? consistencyParam : consistencyHeader);
        return token.map(this::awaitApplied).orElse(Uni.createFrom().voidItem())
                .chain(() -> readModel.memberByLogin(accountId, caller.loginId()))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("account " + accountId)))
                .chain(asker -> subject(accountId, asker, member))
                .map(subject -> {
                    Decision decision = PermissionRules.decide(subject, permission);
                    return new CheckAnswer(accountId, subject.memberId(), permission, decision.allowed(), decision.reasons(), decision.missing());
                });
    }

    /** Asking about yourself needs nothing; asking about another member needs account.view. */
    private Uni<MemberFacts> subject(UUID accountId, MemberFacts asker, String member) {
        if (member == null || member.equals("me") || member.equals(asker.memberId().toString())) {
            return Uni.createFrom().item(asker);
        }
        if (!PermissionRules.decide(asker, "account.view").allowed()) {
            throw ProblemException.forbidden("USR-11", "asking about another member needs account.view");
        }
        UUID memberId;
        try {
            memberId = UUID.fromString(member);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("member", "must be a member id or 'me'");
        }
        return readModel.member(accountId, memberId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("member " + memberId)));
    }

    private static Optional<ConsistencyToken> token(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConsistencyToken.parse(text));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("consistency", e.getMessage());
        }
    }

    /** PRM-4: polls the applied position until it covers the token, then answers; past the bound, a retryable 503. */
    private Uni<Void> awaitApplied(ConsistencyToken token) {
        return readModel.applied(token)
                .invoke(applied -> {
                    if (!applied) {
                        throw new NotYetApplied();
                    }
                })
                .onFailure(NotYetApplied.class).retry().withBackOff(Duration.ofMillis(5), Duration.ofMillis(50)).expireIn(maxWait.toMillis())
                .onFailure(CheckResource::notYetApplied).transform(failure -> new ProblemException(503, "PRM-4", "Not yet consistent",
                        "the read model has not applied " + token + " within " + maxWait.toMillis() + " ms; retry", null))
                .replaceWithVoid();
    }

    /** Mutiny reports an expired retry as an exception caused by the last failure. */
    private static boolean notYetApplied(Throwable failure) {
        return failure instanceof NotYetApplied || failure.getCause() instanceof NotYetApplied;
    }

    private static final class NotYetApplied extends RuntimeException {
        NotYetApplied() {
            super(null, null, false, false);
        }
    }
}
