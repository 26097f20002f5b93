package com.example.accounts.session.support.api;

import com.example.accounts.session.api.GuestApi;
import com.example.accounts.session.support.application.SupportGuests;
import com.example.accounts.session.support.domain.SupportDecider;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.example.accounts.kit.RequestShape.required;
import static com.example.accounts.session.api.GuestApi.address;

/**
 * The support session's guests, who have no account and no token (SEC-1): customers join with a code (SUP-2),
 * external technicians redeem an invite URL (INV-2, INV-3) and then act with the guest key they were given
 * (SUP-4) until the key's lifetime ends, the session ends, they are removed or their policy is disabled (INV-3, INV-6).
 * Rate limited per address and per session, and codes guessed within budgets of wrong codes (per address, and from
 * all addresses together); a wrong code says nothing about which codes exist, in status, body or time.
 */
@Path("/guest")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "429", description = "too many attempts from this address or on this session, or too many wrong codes from this "
        + "address or from all; Retry-After says when to try again")
public class GuestResource {

    public record JoinBody(String code, String platform) {
    }

    public record Joined(UUID sessionId, UUID customerId, String platform, String guestKey) {
    }

    /** {@code keyExpiresAt}: the guest key works until then at most, and not past the session's end or the technician's removal (INV-3). */
    public record Admitted(UUID sessionId, UUID externalTechnicianId, List<String> permissions, String guestKey, Instant keyExpiresAt) {
    }

    public record InviteStatus(UUID sessionId, String externalName, String policyName, Instant expiresAt, boolean usable) {
    }

    public record ActionBody(String action) {
    }

    public record Requested(UUID sessionId, String action, boolean allowed) {
    }

    private final SupportGuests guests;

    public GuestResource(SupportGuests guests) {
        this.guests = guests;
    }

    @POST
    @Path("/support-sessions/join")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "joinSupportSession",
            summary = "Join a support session as its customer with the code, from Windows, Mac, Android, iOS or a browser (SUP-2)")
    @APIResponse(responseCode = "200", description = "joined: the guest key for what the customer does next")
    @APIResponse(responseCode = "404", description = "the code admits no one: wrong, used or lapsed, without saying which (SUP-2)")
    public Uni<Joined> join(JoinBody body, @Context HttpServerRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        required(body);
        return guests.joinAsCustomer(body.code(), body.platform(), address(request), correlationId)
                .map(joined -> new Joined(joined.sessionId(), joined.customerId(), body.platform(), joined.guestKey()));
    }

    @GET
    @Path("/support-sessions/join")
    @Operation(operationId = "getSupportSessionJoinLanding",
            summary = "Where a customer's join link lands: how to join with its code, without using it (SUP-2)")
    @APIResponse(responseCode = "200", description = "the request that joins")
    public GuestApi.JoinLanding customerLanding(@QueryParam("code") String code) {
        return GuestApi.landing(code, "/guest/support-sessions/join", "platform", "one of " + SupportDecider.PLATFORMS.stream().sorted().toList());
    }

    @GET
    @Path("/invites/{token}")
    @Operation(operationId = "getInviteStatus",
            summary = "What an invite URL is for, without using it: a link checker or mail scanner opening it spends nothing (INV-2)")
    @APIResponse(responseCode = "200", description = "the invite, and whether it still admits")
    public Uni<InviteStatus> inviteStatus(@PathParam("token") String token, @Context HttpServerRequest request) {
        return guests.inviteStatus(token, address(request)).map(seen -> new InviteStatus(seen.sessionId(), seen.invite().externalName(),
                seen.invite().policyName(), seen.invite().expiresAt(), seen.usable()));
    }

    @POST
    @Path("/invites/{token}")
    @Operation(operationId = "redeemInvite",
            summary = "Redeem an invite URL, once: admitted as an external technician of that session only, with its policy's permissions (INV-2, INV-3)")
    @APIResponse(responseCode = "200", description = "admitted: the guest key for what the external technician does next")
    @APIResponse(responseCode = "404", description = "no invite has this URL (INV-2)")
    @APIResponse(responseCode = "409", description = "already used: an invite works once (INV-2)")
    @APIResponse(responseCode = "410", description = "lapsed, revoked, or its session ended (INV-2, SUP-5)")
    public Uni<Admitted> redeem(@PathParam("token") String token, @Context HttpServerRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        return guests.redeem(token, address(request), correlationId).map(admitted -> new Admitted(admitted.sessionId(),
                admitted.externalTechnicianId(), admitted.permissions(), admitted.guestKey(), admitted.keyExpiresAt()));
    }

    @POST
    @Path("/support-sessions/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "actAsCustomer",
            summary = "As an external technician (Guest-Key), ask for remote control or a file transfer, as its policy allows (SUP-4, INV-3)")
    @APIResponse(responseCode = "200", description = "the request went to the customer")
    public Uni<Requested> act(ActionBody body, @HeaderParam(GuestApi.GUEST_KEY) String guestKey, @HeaderParam("X-Correlation-Id") String correlationId) {
        required(body);
        return guests.actAsExternal(guestKey, body.action(), correlationId).map(sessionId -> new Requested(sessionId, body.action(), true));
    }
}
