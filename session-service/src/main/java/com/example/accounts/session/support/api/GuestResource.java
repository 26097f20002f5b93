package com.example.accounts.session.support.api;

import com.example.accounts.session.api.SessionApi;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.session.support.application.SupportInvites;
import com.example.accounts.session.support.application.SupportSessions;
import com.example.accounts.session.infrastructure.GuestLimits;
import com.example.accounts.session.infrastructure.Passes;
import com.example.accounts.session.support.domain.SupportDecider;
import com.example.accounts.session.support.domain.SupportSession;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static com.example.accounts.session.api.SessionApi.address;
import static com.example.accounts.session.api.SessionApi.guest;
import static com.example.accounts.kit.RequestShape.required;

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

    static final Duration MAX_EXTERNAL_KEY_LIFETIME = Duration.ofHours(24);

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

    private final SessionStreams streams;
    private final SupportSessions sessions;
    private final SupportInvites invites;
    private final Passes passes;
    private final GuestLimits limits;
    private final CommandClock clock;
    private final Duration externalKeyLifetime;

    public GuestResource(SessionStreams streams, SupportSessions sessions, SupportInvites invites, Passes passes, GuestLimits limits, CommandClock clock,
                         @ConfigProperty(name = "platform.guests.external-key-lifetime") Duration externalKeyLifetime) {
        // INV-3: an external technician's key is bounded; a day at most, so a forgotten key does not open the session for good
        if (externalKeyLifetime.isNegative() || externalKeyLifetime.isZero() || externalKeyLifetime.compareTo(MAX_EXTERNAL_KEY_LIFETIME) > 0) {
            throw new IllegalStateException("platform.guests.external-key-lifetime must be more than 0 and at most " + MAX_EXTERNAL_KEY_LIFETIME
                    + ", not " + externalKeyLifetime);
        }
        this.externalKeyLifetime = externalKeyLifetime;
        this.clock = clock;
        this.streams = streams;
        this.sessions = sessions;
        this.invites = invites;
        this.passes = passes;
        this.limits = limits;
    }

    @POST
    @Path("/support-sessions/join")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "joinSupportSession", summary = "Join a support session as its customer with the code, from Windows, Mac, Android, iOS or a browser (SUP-2)")
    @APIResponse(responseCode = "200", description = "joined: the guest key for what the customer does next")
    @APIResponse(responseCode = "404", description = "the code admits no one: wrong, used or lapsed, without saying which (SUP-2)")
    public Uni<Joined> join(JoinBody body, @Context HttpServerRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        required(body);
        long nowMillis = clock.now().toEpochMilli();
        String address = address(request);
        limits.fromAddress(address, nowMillis);
        if (body.platform() == null || !SupportDecider.PLATFORMS.contains(body.platform())) {
            throw Refusal.invalid("SUP-2", "platform", "must be one of " + SupportDecider.PLATFORMS.stream().sorted().toList());
        }
        GuestLimits.Guess guess = limits.guessCode(address, nowMillis);
        Instant now = Instant.ofEpochMilli(nowMillis);
        UUID customerId = UUID.randomUUID();
        AtomicReference<String> key = new AtomicReference<>();
        return passes.find(body.code(), Passes.Kind.CUSTOMER_CODE).chain(found -> {
            Optional<Passes.Pass> admitting = found.filter(p -> now.isBefore(p.expiresAt()));
            if (admitting.isEmpty()) {
                return SessionApi.refusedAfterReading(streams, SupportSessions.AGGREGATE, SupportSessions.stream(UUID.randomUUID()), noSuchCode());
            }
            Passes.Pass pass = admitting.get();
            limits.onSession(pass.sessionId().toString(), nowMillis);
            return sessions.joinAsCustomer(pass, customerId, body.platform(), now, correlationId, key);
        }).onFailure(Refusal.class).transform(f -> ((Refusal) f).field() != null ? f : noSuchCode())
                .map(done -> {
                    limits.admitted(guess); // only a code that admitted costs no guess: a used one spends as a wrong one does
                    return new Joined(done.state().sessionId(), customerId, body.platform(), key.get());
                });
    }

    @GET
    @Path("/support-sessions/join")
    @Operation(operationId = "getSupportSessionJoinLanding", summary = "Where a customer's join link lands: how to join with its code, without using it (SUP-2)")
    @APIResponse(responseCode = "200", description = "the request that joins")
    public SessionApi.JoinLanding customerLanding(@QueryParam("code") String code) {
        return SessionApi.landing(code, "/guest/support-sessions/join", "platform", "one of " + SupportDecider.PLATFORMS.stream().sorted().toList());
    }

    /** SUP-2: the same answer for a wrong, used or lapsed code, and for a session that ended. */
    private static Refusal noSuchCode() {
        return Refusal.notFound("SUP-2", "this code admits no one: check it with your technician (a code admits one customer and lapses unused after 20 minutes)");
    }

    @GET
    @Path("/invites/{token}")
    @Operation(operationId = "getInviteStatus", summary = "What an invite URL is for, without using it: a link checker or mail scanner opening it spends nothing (INV-2)")
    @APIResponse(responseCode = "200", description = "the invite, and whether it still admits")
    public Uni<InviteStatus> inviteStatus(@PathParam("token") String token, @Context HttpServerRequest request) {
        long nowMillis = clock.now().toEpochMilli();
        limits.fromAddress(address(request), nowMillis);
        return invite(token).chain(pass -> invites.sessionOf(pass).map(session -> {
            SupportSession.Invite invite = session.invites().get(pass.subjectId());
            return new InviteStatus(pass.sessionId(), invite.externalName(), invite.policyName(), invite.expiresAt(),
                    invite.usable(Instant.ofEpochMilli(nowMillis), session.ended()));
        }));
    }

    @POST
    @Path("/invites/{token}")
    @Operation(operationId = "redeemInvite", summary = "Redeem an invite URL, once: admitted as an external technician of that session only, with its policy's permissions (INV-2, INV-3)")
    @APIResponse(responseCode = "200", description = "admitted: the guest key for what the external technician does next")
    @APIResponse(responseCode = "404", description = "no invite has this URL (INV-2)")
    @APIResponse(responseCode = "409", description = "already used: an invite works once (INV-2)")
    @APIResponse(responseCode = "410", description = "lapsed, revoked, or its session ended (INV-2, SUP-5)")
    public Uni<Admitted> redeem(@PathParam("token") String token, @Context HttpServerRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        long nowMillis = clock.now().toEpochMilli();
        limits.fromAddress(address(request), nowMillis);
        Instant now = Instant.ofEpochMilli(nowMillis);
        Instant keyExpiresAt = now.plus(externalKeyLifetime);
        return invite(token).chain(pass -> {
            limits.onSession(pass.sessionId().toString(), nowMillis);
            return invites.redeem(pass, now, keyExpiresAt, correlationId);
        }).map(redeemed -> new Admitted(redeemed.done().state().sessionId(), redeemed.externalTechnicianId(),
                redeemed.done().state().externals().get(redeemed.externalTechnicianId()).permissions().stream().sorted().toList(), redeemed.guestKey(),
                keyExpiresAt));
    }

    private Uni<Passes.Pass> invite(String token) {
        return passes.find(token, Passes.Kind.INVITE).map(found -> found.orElseThrow(() -> Refusal.notFound("INV-2", "no invite has this URL")));
    }

    @POST
    @Path("/support-sessions/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "actAsCustomer", summary = "As an external technician (Guest-Key), ask for remote control or a file transfer, as its policy allows (SUP-4, INV-3)")
    @APIResponse(responseCode = "200", description = "the request went to the customer")
    public Uni<Requested> act(ActionBody body, @HeaderParam(SessionApi.GUEST_KEY) String guestKey, @HeaderParam("X-Correlation-Id") String correlationId) {
        required(body);
        Instant now = clock.now();
        return guest(passes, guestKey, now).chain(pass -> sessions.actAsExternal(pass, body.action(), now, correlationId)
                .map(done -> new Requested(pass.sessionId(), body.action(), true)));
    }
}
