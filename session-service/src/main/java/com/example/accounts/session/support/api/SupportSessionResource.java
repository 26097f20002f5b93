package com.example.accounts.session.support.api;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.vocabulary.Mailbox;
import com.example.accounts.kit.CommandAnswer;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.kit.CommandHeaders;
import com.example.accounts.kit.Idempotent;
import com.example.accounts.kit.RequestShape;
import com.example.accounts.kit.RequestShape.Max;
import com.example.accounts.kit.command.Done;
import com.example.accounts.session.application.MemberRequest;
import com.example.accounts.session.application.SessionConfig;
import com.example.accounts.session.support.application.SupportInvites;
import com.example.accounts.session.support.application.SupportSessions;
import com.example.accounts.session.support.domain.SupportDecider;
import com.example.accounts.session.support.domain.SupportEvent;
import com.example.accounts.session.support.domain.SupportSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.example.accounts.kit.RequestShape.required;
import static com.example.accounts.kit.RequestShape.uuid;

/**
 * Support sessions, for the members of an account: start (SUP-1, SUP-3, FEAT-2), remote control and file transfer
 * (SUP-4), hand-over (SUP-6), leave (INV-4), end (SUP-5), the external technicians' invites (INV-1, INV-2) and their
 * removal (INV-3).
 * Each method reads the request into {@link SupportSessions} or {@link SupportInvites} and their answer back.
 */
@Path("/accounts/{accountId}/support-sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "the permission-service or the session's rules refuse it; the problem names the rule")
@APIResponse(responseCode = "404", description = "no such account or session for the caller (ACC-6)")
@APIResponse(responseCode = "410", description = "the session has ended (SUP-5)")
@APIResponse(responseCode = "503", description = "the permission-service cannot answer now: nothing is allowed by default, retry")
public class SupportSessionResource {

    public record StartBody(@Max(RequestShape.ID) String companyId, @Max(RequestShape.ID) String deviceId, @Max(RequestShape.WORD) String clientVersion) {
    }

    public record Started(UUID sessionId, UUID ownerMemberId, UUID companyId, UUID deviceId, String joinCode, String joinUrl, Instant codeExpiresAt) {
    }

    public record ActionBody(@Max(RequestShape.WORD) String action) {
    }

    public record Requested(UUID sessionId, String action, boolean allowed) {
    }

    /** SUP-6, FEAT-2: {@code toClientVersion} is the technician client the new owner takes the session on. */
    public record HandOverBody(@Max(RequestShape.ID) String toMemberId, @Max(RequestShape.WORD) String toClientVersion) {
    }

    /** {@code language}: the technician's, for a SERVER_EMAIL (en, fr, es, de); the account's default language otherwise (NTF-6). */
    public record InviteBody(@Max(RequestShape.ID) String policyId, @Max(SupportDecider.MAX_NAME) String externalName,
            @Max(SupportDecider.MAX_COMMENTS) String comments, @Max(RequestShape.WORD) String delivery,
            @Max(Mailbox.MAX_LENGTH) String email, @Max(RequestShape.WORD) String language) {
    }

    public record Invited(UUID inviteId, UUID sessionId, String delivery, Instant expiresAt, String url, String mailto, boolean emailQueued) {
    }

    public record InviteView(UUID inviteId, UUID inviterMemberId, String externalName, String policyName, String delivery, Instant expiresAt, String state) {
    }

    public record ExternalView(UUID externalTechnicianId, String name, UUID invitedBy, List<String> permissions, boolean loggedOut) {
    }

    public record SessionView(UUID sessionId, UUID ownerMemberId, UUID companyId, UUID deviceId, boolean unattended, boolean ended,
            List<UUID> technicians, Map<UUID, String> customers, List<InviteView> invites, List<ExternalView> externalTechnicians) {
        static SessionView of(SupportSession.Started s, Instant now) {
            List<InviteView> invites = s.invites().values().stream().map(i -> new InviteView(i.inviteId(), i.inviter(), i.externalName(), i.policyName(),
                    i.delivery(), i.expiresAt(), i.state() == SupportSession.InviteState.OPEN && !i.usable(now, s.ended()) ? "LAPSED" : i.state().name()))
                    .toList();
            List<ExternalView> externals = s.externals().values().stream().map(x -> new ExternalView(x.id(), x.name(), x.invitedBy(),
                    x.permissions().stream().sorted().toList(), x.loggedOut() || s.ended())).toList();
            return new SessionView(s.sessionId(), s.owner(), s.companyId(), s.deviceId(), s.unattended(), s.ended(), List.copyOf(s.technicians()),
                    s.customers(), invites, externals);
        }
    }

    private final SupportSessions sessions;
    private final SupportInvites invites;
    private final CommandClock clock;
    private final URI publicUrl;

    public SupportSessionResource(SupportSessions sessions, SupportInvites invites, CommandClock clock,
            SessionConfig.PublicUrl publicUrl) {
        this.sessions = sessions;
        this.invites = invites;
        this.clock = clock;
        this.publicUrl = publicUrl.value();
    }

    private static MemberRequest request(UUID accountId, String bearer, String consistency, String correlationId) {
        return new MemberRequest(accountId, bearer, consistency, correlationId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startSupportSession",
            summary = "Start a support session: attended (optionally for a company) with a customer code, or unattended to a device (SUP-1, SUP-3, FEAT-2)")
    @APIResponse(responseCode = "201", description = "started: the customer's join code and link (attended)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Started.class)))
    @Idempotent(secret = {"joinCode", "joinUrl"})
    public Uni<Response> start(@PathParam("accountId") UUID accountId, StartBody body, @HeaderParam("Authorization") String bearer,
            @BeanParam CommandHeaders headers) {
        required(body);
        UUID companyId = uuid("companyId", body.companyId());
        UUID deviceId = uuid("deviceId", body.deviceId());
        return sessions.start(MemberRequest.of(accountId, bearer, headers), companyId, deviceId, body.clientVersion()).map(started -> {
            SupportSession.Started s = started.done().state().started();
            String joinUrl = started.code() == null ? null : publicUrl + "/guest/support-sessions/join?code=" + started.code();
            return CommandAnswer.created(URI.create("/accounts/" + accountId + "/support-sessions/" + s.sessionId()),
                    new Started(s.sessionId(), s.owner(), s.companyId(), s.deviceId(), started.code(), joinUrl, started.codeExpiresAt()))
                    .written(started.done()).response();
        });
    }

    @GET
    @Path("/{sessionId}")
    @Operation(operationId = "getSupportSession",
            summary = "A support session: technicians, customers, invites (never their tokens), external technicians; for members who may use "
                    + "REMOTE_SUPPORT (its seat) and for the technicians in the session, never for observers (USR-11, SEAT-3)")
    @APIResponse(responseCode = "200", description = "the session")
    public Uni<SessionView> get(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency) {
        return sessions.session(request(accountId, bearer, consistency, null), sessionId).map(s -> SessionView.of(s, clock.now()));
    }

    @POST
    @Path("/{sessionId}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "actInSupportSession", summary = "Ask the customer for remote control or a file transfer, as the session's technician (SUP-4)")
    @APIResponse(responseCode = "200", description = "the request went to the customer")
    public Uni<Response> act(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, ActionBody body,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        required(body);
        return sessions.act(MemberRequest.of(accountId, bearer, headers), sessionId, body.action())
                .map(done -> CommandAnswer.ok(new Requested(sessionId, body.action(), true)).written(done).response());
    }

    @POST
    @Path("/{sessionId}/handover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "handOverSupportSession",
            summary = "Hand the session to another member who could have started it (seat, company or device access, UNATTENDED_ACCESS, "
                    + "features on their client), never to an external technician (SUP-6, SUP-1, SUP-3, FEAT-2)")
    @APIResponse(responseCode = "200", description = "the session is theirs; the previous owner stays in it until they leave")
    public Uni<Response> handOver(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, HandOverBody body,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        required(body);
        UUID to = uuid("toMemberId", body.toMemberId());
        return sessions.handOver(MemberRequest.of(accountId, bearer, headers), sessionId, to, body.toClientVersion()).map(this::view);
    }

    @POST
    @Path("/{sessionId}/leave")
    @Operation(operationId = "leaveSupportSession",
            summary = "Leave the session (an earlier owner); the external technicians you invited are logged out (INV-4)")
    @APIResponse(responseCode = "200", description = "left")
    public Uni<Response> leave(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        return sessions.leave(MemberRequest.of(accountId, bearer, headers), sessionId).map(this::view);
    }

    @POST
    @Path("/{sessionId}/end")
    @Operation(operationId = "endSupportSession", summary = "End the session, as its owner: everyone in it is logged out and its open invites lapse (SUP-5)")
    @APIResponse(responseCode = "200", description = "ended")
    public Uni<Response> end(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        return sessions.end(MemberRequest.of(accountId, bearer, headers), sessionId).map(this::view);
    }

    private Response view(Done<SupportSession, SupportEvent> done) {
        return CommandAnswer.ok(SessionView.of(done.state().started(), clock.now())).written(done).response();
    }

    @POST
    @Path("/{sessionId}/invites")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "inviteExternalTechnician",
            summary = "Invite an external technician under a security policy enabled for invites, delivered by the server's email, a mailto: link or a URL to copy (INV-1, INV-2)")
    @APIResponse(responseCode = "201", description = "issued: the URL (COPY_URL), the mailto: link (LOCAL_EMAIL), or the email on its way (SERVER_EMAIL)")
    @APIResponse(responseCode = "422", description = "no such policy in the account, not enabled for invites, bad delivery, email or name (INV-1)")
    @Idempotent(secret = {"url", "mailto"})
    public Uni<Response> invite(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, InviteBody body,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        required(body);
        var asked = new SupportInvites.InviteRequest(uuid("policyId", body.policyId()), body.externalName(), body.comments(), body.delivery(), body.email(),
                body.language());
        return invites.invite(MemberRequest.of(accountId, bearer, headers), sessionId, asked).map(issued -> {
            var i = issued.invite();
            return CommandAnswer.created(URI.create("/accounts/" + accountId + "/support-sessions/" + sessionId + "/invites/" + i.inviteId()),
                    new Invited(i.inviteId(), sessionId, i.delivery(), i.expiresAt(), issued.url(), issued.mailto(), issued.emailQueued()))
                    .written(issued.done()).response();
        });
    }

    @DELETE
    @Path("/{sessionId}/invites/{inviteId}")
    @Operation(operationId = "revokeInvite", summary = "Revoke an open invite, as its inviter or the session's owner (INV-2)")
    @APIResponse(responseCode = "204", description = "revoked: its URL admits no one")
    public Uni<Response> revoke(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, @PathParam("inviteId") UUID inviteId,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        return invites.revoke(MemberRequest.of(accountId, bearer, headers), sessionId, inviteId)
                .map(done -> CommandAnswer.noContent().written(done).response());
    }

    @DELETE
    @Path("/{sessionId}/external-technicians/{externalTechnicianId}")
    @Operation(operationId = "removeExternalTechnician",
            summary = "Take an external technician out of the session, as the session's owner or their inviter; their guest key admits no one after (INV-3)")
    @APIResponse(responseCode = "204", description = "logged out (ExternalTechnicianLoggedOut, reason REMOVED)")
    @APIResponse(responseCode = "409", description = "already out of the session (INV-3)")
    public Uni<Response> removeExternal(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @PathParam("externalTechnicianId") UUID externalTechnicianId, @HeaderParam("Authorization") String bearer,
            @BeanParam CommandHeaders headers) {
        return invites.removeExternal(MemberRequest.of(accountId, bearer, headers), sessionId, externalTechnicianId)
                .map(done -> CommandAnswer.noContent().written(done).response());
    }
}
