package com.example.accounts.notification.api;

import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.Caller;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.notification.delivery.AppliedEvents;
import com.example.accounts.notification.delivery.Deliveries;
import com.example.accounts.notification.delivery.Directory;
import com.example.accounts.notification.delivery.Positions;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What became of the emails: an account's admins see its deliveries (sent, waiting for another try with the last
 * error, failed for good with the reason, uncertain after a crash), newest first (NTF-5); operators see where the
 * service stands in the topics.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    public record AccountDeliveries(UUID accountId, Map<Deliveries.Status, Long> counts, List<Deliveries.Delivery> deliveries) {
    }

    /** {@code diverged}: events that came at a (stream, version) read here with another event, dead-lettered, newest first (EVT-1). */
    public record Status(List<Positions.Position> positions, List<AppliedEvents.Diverged> diverged) {
    }

    private static final int MAX_LIMIT = 500;

    private final Deliveries deliveries;
    private final Directory directory;
    private final Positions positions;
    private final AppliedEvents applied;
    private final Pool pool;
    private final Caller caller;

    public DeliveriesResource(Deliveries deliveries, Directory directory, Positions positions, AppliedEvents applied, Pool pool, Caller caller) {
        this.deliveries = deliveries;
        this.directory = directory;
        this.positions = positions;
        this.applied = applied;
        this.pool = pool;
        this.caller = caller;
    }

    @GET
    @Path("/accounts/{accountId}/deliveries")
    @Authenticated
    @Operation(operationId = "listDeliveries", summary = "The account's email deliveries and failures, newest first; for its admins")
    @APIResponse(responseCode = "200", description = "counts per status and the deliveries asked for")
    @APIResponse(responseCode = "400", description = "a status or limit that is not one")
    @APIResponse(responseCode = "403", description = "the caller is a member but not an ADMIN of the account")
    @APIResponse(responseCode = "404", description = "no such account, or the caller is not one of its members (ACC-6)")
    public Uni<AccountDeliveries> deliveries(@PathParam("accountId") String accountText, @QueryParam("status") String statusText,
            @QueryParam("limit") String limitText) {
        UUID accountId = accountId(accountText);
        Deliveries.Status status = status(statusText);
        int limit = limit(limitText);
        return directory.memberByLogin(pool, accountId, caller.loginId())
                .map(member -> member.orElseThrow(() -> ProblemException.notFound("account " + accountId)))
                .invoke(member -> {
                    if (!member.role().equals(Role.ADMIN.name())) {
                        throw ProblemException.forbidden(RuleId.ACC_6, "only the account's admins (ADMIN) see its email deliveries");
                    }
                })
                .chain(member -> deliveries.counts(accountId))
                .chain(counts -> deliveries.of(accountId, status, limit).map(found -> new AccountDeliveries(accountId, counts, found)));
    }

    @GET
    @Path("/status")
    @RolesAllowed("platform-operator")
    @Operation(operationId = "getDeliveryPositions",
            summary = "Per topic partition: the next offset to read and the live position, from which records send email; "
                    + "the events that diverged from one read at their stream version (EVT-1)")
    @APIResponse(responseCode = "200", description = "the positions and the divergent events")
    @APIResponse(responseCode = "403", description = "only platform operators")
    public Uni<Status> status() {
        return positions.all().chain(all -> applied.diverged(100).map(diverged -> new Status(all, diverged)));
    }

    private static UUID accountId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("accountId", "must be an account id (a uuid), not '" + text + "'");
        }
    }

    private static Deliveries.Status status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Deliveries.Status.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of " + Arrays.toString(Deliveries.Status.values()) + ", not '" + text + "'");
        }
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", not '" + text + "'");
    }
}
