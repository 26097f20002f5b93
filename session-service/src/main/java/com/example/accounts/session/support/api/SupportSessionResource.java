package com.example.accounts.session.support.api;

import com.example.accounts.session.api.SessionApi;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.rules.Refusal;
import com.example.accounts.kit.command.Done;
import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.Mailbox;
import com.example.accounts.kit.Idempotent;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.RequestShape.Max;
import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.session.support.application.SupportSessions;
import com.example.accounts.session.support.infrastructure.InviteEmails;
import com.example.accounts.session.infrastructure.MemberStreams;
import com.example.accounts.session.infrastructure.Passes;
import com.example.accounts.session.infrastructure.PermissionService;
import com.example.accounts.session.infrastructure.PermissionService.Ask;
import com.example.accounts.session.infrastructure.PolicyStreams;
import com.example.accounts.session.support.domain.SupportCommand;
import com.example.accounts.session.support.domain.SupportDecider;
import com.example.accounts.session.support.domain.SupportEvent;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteIssued;
import com.example.accounts.session.support.domain.SupportSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.example.accounts.session.api.SessionApi.allowed;
import static com.example.accounts.session.api.SessionApi.me;
import static com.example.accounts.session.api.SessionApi.member;
import static com.example.accounts.session.api.SessionApi.required;
import static com.example.accounts.session.api.SessionApi.uuid;

/**
 * Support sessions, for the members of an account: start (SUP-1, SUP-3, FEAT-2), remote control and file transfer
 * (SUP-4), hand-over (SUP-6), leave (INV-4), end (SUP-5), the external technicians' invites (INV-1, INV-2) and their
 * removal (INV-3).
 * What the account decides (seats, features, company and device access, policies) is asked of the permission-service.
 */
@Path("/accounts/{accountId}/support-sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "the permission-service or the session's rules refuse it; the problem names the rule")
@APIResponse(responseCode = "404", description = "no such account or session for the caller (ACC-6)")
@APIResponse(responseCode = "410", description = "the session has ended (SUP-5)")
@APIResponse(responseCode = "503", description = "the permission-service cannot answer now: nothing is allowed by default, retry")
public class SupportSessionResource {

    /** FEAT-2: the first technician client that honours feature restrictions. */
    static final int[] FEATURE_AWARE_CLIENT = {2, 3, 818};
    private static final Pattern CLIENT_VERSION = Pattern.compile("^(\\d{1,4})\\.(\\d{1,4})(?:\\.|\\s+build\\s+)(\\d{1,6})$");
    private static final List<String> FEATURES = List.of("support.unattended", "support.file-transfer", "support.remote-control");
    /** The languages emails are written in (NTF-6). */
    private static final List<String> EMAIL_LANGUAGES = List.of("en", "fr", "es", "de");

    public record StartBody(@Max(SessionApi.ID) String companyId, @Max(SessionApi.ID) String deviceId, @Max(SessionApi.WORD) String clientVersion) {
    }

    public record Started(UUID sessionId, UUID ownerMemberId, UUID companyId, UUID deviceId, String joinCode, String joinUrl, Instant codeExpiresAt) {
    }

    public record ActionBody(@Max(SessionApi.WORD) String action) {
    }

    public record Requested(UUID sessionId, String action, boolean allowed) {
    }

    /** SUP-6, FEAT-2: {@code toClientVersion} is the technician client the new owner takes the session on. */
    public record HandOverBody(@Max(SessionApi.ID) String toMemberId, @Max(SessionApi.WORD) String toClientVersion) {
    }

    /** {@code language}: the technician's, for a SERVER_EMAIL (en, fr, es, de); the account's default language otherwise (NTF-6). */
    public record InviteBody(@Max(SessionApi.ID) String policyId, @Max(SupportDecider.MAX_NAME) String externalName,
                             @Max(SupportDecider.MAX_COMMENTS) String comments, @Max(SessionApi.WORD) String delivery,
                             @Max(Mailbox.MAX_LENGTH) String email, @Max(SessionApi.WORD) String language) {
    }

    public record Invited(UUID inviteId, UUID sessionId, String delivery, Instant expiresAt, String url, String mailto, boolean emailQueued) {
    }

    public record InviteView(UUID inviteId, UUID inviterMemberId, String externalName, String policyName, String delivery, Instant expiresAt, String state) {
    }

    public record ExternalView(UUID externalTechnicianId, String name, UUID invitedBy, List<String> permissions, boolean loggedOut) {
    }

    public record SessionView(UUID sessionId, UUID ownerMemberId, UUID companyId, UUID deviceId, boolean unattended, boolean ended,
                              List<UUID> technicians, Map<UUID, String> customers, List<InviteView> invites, List<ExternalView> externalTechnicians) {
        static SessionView of(SupportSession s, Instant now) {
            List<InviteView> invites = s.invites().values().stream().map(i -> new InviteView(i.inviteId(), i.inviter(), i.externalName(), i.policyName(),
                    i.delivery(), i.expiresAt(), i.state() == SupportSession.InviteState.OPEN && !i.usable(now, s.ended()) ? "LAPSED" : i.state().name())).toList();
            List<ExternalView> externals = s.externals().values().stream().map(x -> new ExternalView(x.id(), x.name(), x.invitedBy(),
                    x.permissions().stream().sorted().toList(), x.loggedOut() || s.ended())).toList();
            return new SessionView(s.sessionId(), s.owner(), s.companyId(), s.deviceId(), s.unattended(), s.ended(), List.copyOf(s.technicians()),
                    s.customers(), invites, externals);
        }
    }

    private final SessionStreams streams;
    private final PermissionService permissions;
    private final Passes passes;
    private final InviteEmails inviteEmails;
    private final URI publicUrl;
    private final CommandClock clock;
    private final MemberStreams memberStreams;
    private final PolicyStreams policyStreams;

    public SupportSessionResource(SessionStreams streams, PermissionService permissions, Passes passes, InviteEmails inviteEmails,
                                  @ConfigProperty(name = "platform.public-url") URI publicUrl, CommandClock clock, MemberStreams memberStreams,
                                  PolicyStreams policyStreams) {
        this.clock = clock;
        this.memberStreams = memberStreams;
        this.policyStreams = policyStreams;
        this.streams = streams;
        this.permissions = permissions;
        this.passes = passes;
        this.inviteEmails = inviteEmails;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startSupportSession", summary = "Start a support session: attended (optionally for a company) with a customer code, or unattended to a device (SUP-1, SUP-3, FEAT-2)")
    @APIResponse(responseCode = "201", description = "started: the customer's join code and link (attended)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Started.class)))
    @Idempotent(secret = {"joinCode", "joinUrl"})
    public Uni<Response> start(@PathParam("accountId") UUID accountId, StartBody body, @HeaderParam("Authorization") String bearer,
                               @HeaderParam(ConsistencyToken.HEADER) String consistency, @HeaderParam("X-Correlation-Id") String correlationId) {
        required(body);
        UUID companyId = uuid("companyId", body.companyId());
        UUID deviceId = uuid("deviceId", body.deviceId());
        boolean featureAware = featureAware("clientVersion", body.clientVersion());
        if (companyId != null && deviceId != null) {
            throw Refusal.invalid("SUP-3", "companyId", "an unattended session is for its device's company: give the device only");
        }
        Instant now = clock.now();
        UUID sessionId = UUID.randomUUID();
        AtomicReference<String> code = new AtomicReference<>();
        return ownership(accountId, bearer, consistency, "me", companyId, deviceId, body.clientVersion(), featureAware).chain(candidate -> {
            UUID owner = candidate.memberId();
            return streams.execute(SupportSessions.AGGREGATE, accountId, SupportSessions.stream(sessionId),
                    state -> SupportDecider.decide(new SupportCommand.Start(sessionId, candidate, companyId, deviceId, now), state),
                    EventMetadata.requested(member(owner), correlationId, now),
                    (connection, done) -> {
                        Uni<Void> owned = memberStreams.remember(connection, accountId, owner, SupportSessions.stream(sessionId));
                        if (deviceId != null) {
                            return owned;
                        }
                        code.set(Passes.newCode());
                        return owned.chain(() -> passes.keep(connection, code.get(), Passes.Kind.CUSTOMER_CODE, accountId, sessionId, null,
                                now.plus(SupportDecider.CODE_LIFETIME)));
                    });
        }).map(done -> {
            SupportSession s = done.state();
            String joinUrl = code.get() == null ? null : publicUrl + "/guest/support-sessions/join?code=" + code.get();
            return SessionApi.created(URI.create("/accounts/" + accountId + "/support-sessions/" + sessionId), done,
                    new Started(sessionId, s.owner(), s.companyId(), s.deviceId(), code.get(), joinUrl,
                            code.get() == null ? null : now.plus(SupportDecider.CODE_LIFETIME)));
        });
    }

    /**
     * SUP-1, SUP-3, FEAT-2: what the permission-service says of {@code member} owning a session for this company or
     * device on this client, asked the same way at its start and at a hand-over (SUP-6); the decider judges it.
     */
    private Uni<SupportCommand.Owner> ownership(UUID accountId, String bearer, String consistency, String member, UUID companyId, UUID deviceId,
                                                String clientVersion, boolean featureAware) {
        List<Ask> asks = new ArrayList<>();
        asks.add(deviceId != null ? new Ask(member, "support.unattended", "device:" + deviceId)
                : new Ask(member, "support.session.host", companyId == null ? null : "company:" + companyId));
        FEATURES.forEach(feature -> asks.add(new Ask(member, feature, null)));
        return permissions.checks(accountId, bearer, consistency, asks).map(answers -> {
            PermissionService.Check host = answers.get(0);
            List<String> lacking = answers.subList(1, answers.size()).stream().filter(a -> !a.allowed()).map(PermissionService.Check::permission).toList();
            return new SupportCommand.Owner(host.memberId(), host.allowed() ? null : SessionApi.denial(host), clientVersion.strip(), featureAware, lacking);
        });
    }

    @GET
    @Path("/{sessionId}")
    @Operation(operationId = "getSupportSession", summary = "A support session: technicians, customers, invites (never their tokens), external technicians; for members who may use "
            + "REMOTE_SUPPORT (its seat) and for the technicians in the session, never for observers (USR-11, SEAT-3)")
    @APIResponse(responseCode = "200", description = "the session")
    public Uni<SessionView> get(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                                @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency) {
        return permissions.checks(accountId, bearer, consistency, List.of(new Ask("me", "account.view", null), new Ask("me", "module.remote-support", null)))
                .chain(answers -> {
                    // USR-11: an observer sees Monitoring and nothing else, in a session or not
                    allowed(answers.get(0), "USR-11");
                    PermissionService.Check module = answers.get(1);
                    return streams.loadIn(SupportSessions.AGGREGATE, accountId, SupportSessions.stream(sessionId)).map(loaded -> {
                        // SEAT-3: the module's seat, unless the reader is a technician in this very session
                        if (!loaded.state().technicians().contains(module.memberId())) {
                            allowed(module, "SEAT-3");
                        }
                        return SessionView.of(loaded.state(), clock.now());
                    });
                });
    }

    @POST
    @Path("/{sessionId}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "actInSupportSession", summary = "Ask the customer for remote control or a file transfer, as the session's technician (SUP-4)")
    @APIResponse(responseCode = "200", description = "the request went to the customer")
    public Uni<Response> act(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, ActionBody body,
                             @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                             @HeaderParam("X-Correlation-Id") String correlationId) {
        required(body);
        String permission = "FILE_TRANSFER".equals(body.action()) ? "support.file-transfer" : "support.remote-control";
        Instant now = clock.now();
        return permissions.check(accountId, bearer, consistency, "me", permission, null)
                .chain(check -> streams.execute(SupportSessions.AGGREGATE, accountId, SupportSessions.stream(sessionId),
                        state -> SupportDecider.decide(new SupportCommand.RequestAsMember(check.memberId(), body.action(), check.allowed(), now), state),
                        EventMetadata.requested(member(check.memberId()), correlationId, now)))
                .map(done -> SessionApi.ok(done, new Requested(sessionId, body.action(), true)));
    }

    @POST
    @Path("/{sessionId}/handover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "handOverSupportSession", summary = "Hand the session to another member who could have started it (seat, company or device access, UNATTENDED_ACCESS, "
            + "features on their client), never to an external technician (SUP-6, SUP-1, SUP-3, FEAT-2)")
    @APIResponse(responseCode = "200", description = "the session is theirs; the previous owner stays in it until they leave")
    public Uni<Response> handOver(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, HandOverBody body,
                                  @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                                  @HeaderParam("X-Correlation-Id") String correlationId) {
        required(body);
        UUID to = uuid("toMemberId", body.toMemberId());
        if (to == null) {
            throw Refusal.invalid("SUP-6", "toMemberId", "is required");
        }
        boolean featureAware = featureAware("toClientVersion", body.toClientVersion());
        Instant now = clock.now();
        return me(permissions, accountId, bearer, consistency).chain(me -> streams.loadIn(SupportSessions.AGGREGATE, accountId, SupportSessions.stream(sessionId))
                .chain(loaded -> loaded.state().externals().containsKey(to) ? Uni.createFrom().<SupportCommand.Owner>nullItem()
                        : ownership(accountId, bearer, consistency, to.toString(), loaded.state().companyId(), loaded.state().deviceId(),
                        body.toClientVersion(), featureAware)
                        .onFailure(ProblemException.class).transform(f -> ((ProblemException) f).problem().status() == 404
                                ? Refusal.invalid("SUP-6", "toMemberId", "no member " + to + " in this account") : f))
                .chain(candidate -> streams.execute(SupportSessions.AGGREGATE, accountId, SupportSessions.stream(sessionId),
                        state -> SupportDecider.decide(new SupportCommand.HandOver(me, to, candidate, now), state), EventMetadata.requested(member(me), correlationId, now),
                        (connection, done) -> memberStreams.remember(connection, accountId, to, SupportSessions.stream(sessionId)))))
                .map(done -> SessionApi.ok(done, SessionView.of(done.state(), now)));
    }

    @POST
    @Path("/{sessionId}/leave")
    @Operation(operationId = "leaveSupportSession", summary = "Leave the session (an earlier owner); the external technicians you invited are logged out (INV-4)")
    @APIResponse(responseCode = "200", description = "left")
    public Uni<Response> leave(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                               @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                               @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return me(permissions, accountId, bearer, consistency)
                .chain(me -> streams.execute(SupportSessions.AGGREGATE, accountId, SupportSessions.stream(sessionId),
                        state -> SupportDecider.decide(new SupportCommand.Leave(me, now), state), EventMetadata.requested(member(me), correlationId, now)))
                .map(done -> SessionApi.ok(done, SessionView.of(done.state(), now)));
    }

    @POST
    @Path("/{sessionId}/end")
    @Operation(operationId = "endSupportSession", summary = "End the session, as its owner: everyone in it is logged out and its open invites lapse (SUP-5)")
    @APIResponse(responseCode = "200", description = "ended")
    public Uni<Response> end(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                             @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                             @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return me(permissions, accountId, bearer, consistency)
                .chain(me -> streams.execute(SupportSessions.AGGREGATE, accountId, SupportSessions.stream(sessionId),
                        state -> SupportDecider.decide(new SupportCommand.End(me, now), state), EventMetadata.requested(member(me), correlationId, now)))
                .map(done -> SessionApi.ok(done, SessionView.of(done.state(), now)));
    }

    @POST
    @Path("/{sessionId}/invites")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "inviteExternalTechnician", summary = "Invite an external technician under a security policy enabled for invites, delivered by the server's email, a mailto: link or a URL to copy (INV-1, INV-2)")
    @APIResponse(responseCode = "201", description = "issued: the URL (COPY_URL), the mailto: link (LOCAL_EMAIL), or the email on its way (SERVER_EMAIL)")
    @APIResponse(responseCode = "422", description = "no such policy in the account, not enabled for invites, bad delivery, email or name (INV-1)")
    @Idempotent(secret = {"url", "mailto"})
    public Uni<Response> invite(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, InviteBody body,
                                @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                                @HeaderParam("X-Correlation-Id") String correlationId) {
        required(body);
        UUID policyId = uuid("policyId", body.policyId());
        if (policyId == null) {
            throw Refusal.invalid("INV-1", "policyId", "is required: a security policy of the account enabled for invites");
        }
        if (body.language() != null && !EMAIL_LANGUAGES.contains(body.language())) {
            throw Refusal.invalid("NTF-6", "language", "must be one of " + EMAIL_LANGUAGES + " (the technician's language for the email), not '"
                    + body.language() + "'");
        }
        Instant now = clock.now();
        UUID inviteId = UUID.randomUUID();
        AtomicReference<String> token = new AtomicReference<>();
        return permissions.check(accountId, bearer, consistency, "me", "support.invite-external", null)
                .chain(check -> permissions.settings(accountId, bearer, consistency).chain(settings -> {
                    UUID inviter = allowed(check, "INV-1").memberId();
                    PermissionService.Policy policy = settings.policy(policyId)
                            .orElseThrow(() -> Refusal.invalid("INV-1", "policyId", "no security policy " + policyId + " in this account"));
                    var command = new SupportCommand.Invite(inviteId, inviter, new SupportCommand.Policy(policy.policyId(), policy.name(), policy.enabled(),
                            policy.permissions()), body.externalName(), body.comments(), body.delivery(), body.email(), settings.serverInviteEmails(), now);
                    return streams.execute(SupportSessions.AGGREGATE, accountId, SupportSessions.stream(sessionId),
                            state -> SupportDecider.decide(command, state), EventMetadata.requested(member(inviter), correlationId, now),
                            (connection, done) -> {
                                token.set(Passes.newToken());
                                return memberStreams.remember(connection, accountId, inviter, SupportSessions.stream(sessionId))
                                        .chain(() -> policyStreams.remember(connection, accountId, policy.policyId(), SupportSessions.stream(sessionId)))
                                        .chain(() -> passes.keep(connection, token.get(), Passes.Kind.INVITE, accountId, sessionId, inviteId,
                                                now.plus(SupportDecider.INVITE_LIFETIME)));
                            });
                }))
                .chain(done -> deliver(accountId, sessionId, done, token.get(), body.language(), correlationId));
    }

    private Uni<Response> deliver(UUID accountId, UUID sessionId, Done<SupportSession, SupportEvent> done, String token, String language,
                                  String correlationId) {
        ExternalInviteIssued issued = (ExternalInviteIssued) done.events().get(0);
        String url = publicUrl + "/guest/invites/" + token;
        URI location = URI.create("/accounts/" + accountId + "/support-sessions/" + sessionId + "/invites/" + issued.inviteId());
        return switch (issued.delivery()) {
            case "COPY_URL" -> Uni.createFrom().item(SessionApi.created(location, done,
                    new Invited(issued.inviteId(), sessionId, issued.delivery(), issued.expiresAt(), url, null, false)));
            case "LOCAL_EMAIL" -> Uni.createFrom().item(SessionApi.created(location, done,
                    new Invited(issued.inviteId(), sessionId, issued.delivery(), issued.expiresAt(), null, mailto(issued, url), false)));
            default -> inviteEmails.send(new InviteEmails.InviteEmail(accountId, sessionId, issued.inviteId(), issued.inviterMemberId(), issued.email(),
                            issued.externalName(), issued.comments(), issued.policyName(), issued.expiresAt(), url, language))
                    .map(sent -> SessionApi.created(location, done, new Invited(issued.inviteId(), sessionId, issued.delivery(), issued.expiresAt(), null, null, true)))
                    // nobody can have the URL: the invite is revoked rather than left open, and the inviter may try again
                    .onFailure().recoverWithUni(failure -> streams.execute(SupportSessions.AGGREGATE, accountId, SupportSessions.stream(sessionId),
                                    state -> SupportDecider.deliveryFailed(state, issued.inviteId()), EventMetadata.requested("system", correlationId, clock.now()))
                            .map(revoked -> {
                                throw new ProblemException(503, "INV-1", "Invite email not sent", "the invite email could not be handed on ("
                                        + failure.getMessage() + "); the invite was withdrawn, retry", null);
                            }));
        };
    }

    private static String mailto(ExternalInviteIssued issued, String url) {
        String subject = "You are invited to a remote support session";
        String text = "Hello " + issued.externalName() + ",\n\nyou are invited to join a remote support session as an external technician ("
                + issued.policyName() + ").\n" + (issued.comments().isEmpty() ? "" : "\n" + issued.comments() + "\n")
                + "\nJoin: " + url + "\nThe link works once, until " + issued.expiresAt() + ".\n";
        return "mailto:" + (issued.email() == null ? "" : issued.email()) + "?subject=" + encode(subject) + "&body=" + encode(text);
    }

    /** ACC-6: a session id that never started is as unknown as another account's. */
    private static Function<SupportSession, List<SupportEvent>> started(SupportCommand command) {
        return state -> {
            if (!state.started()) {
                throw ProblemException.notFound("support session");
            }
            return SupportDecider.decide(command, state);
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @DELETE
    @Path("/{sessionId}/invites/{inviteId}")
    @Operation(operationId = "revokeInvite", summary = "Revoke an open invite, as its inviter or the session's owner (INV-2)")
    @APIResponse(responseCode = "204", description = "revoked: its URL admits no one")
    public Uni<Response> revoke(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, @PathParam("inviteId") UUID inviteId,
                                @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                                @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return me(permissions, accountId, bearer, consistency)
                .chain(me -> streams.execute(SupportSessions.AGGREGATE, accountId, SupportSessions.stream(sessionId),
                        started(new SupportCommand.Revoke(inviteId, me, now)), EventMetadata.requested(member(me), correlationId, now)))
                .map(SessionApi::noContent);
    }

    @DELETE
    @Path("/{sessionId}/external-technicians/{externalTechnicianId}")
    @Operation(operationId = "removeExternalTechnician", summary = "Take an external technician out of the session, as the session's owner or their inviter; their guest key admits no one after (INV-3)")
    @APIResponse(responseCode = "204", description = "logged out (ExternalTechnicianLoggedOut, reason REMOVED)")
    @APIResponse(responseCode = "409", description = "already out of the session (INV-3)")
    public Uni<Response> removeExternal(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                                        @PathParam("externalTechnicianId") UUID externalTechnicianId, @HeaderParam("Authorization") String bearer,
                                        @HeaderParam(ConsistencyToken.HEADER) String consistency, @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return me(permissions, accountId, bearer, consistency)
                .chain(me -> streams.execute(SupportSessions.AGGREGATE, accountId, SupportSessions.stream(sessionId),
                        started(new SupportCommand.RemoveExternal(externalTechnicianId, me, now)), EventMetadata.requested(member(me), correlationId, now),
                        // the key goes with the removal, in its transaction: it then admits no one, as an unknown key
                        (connection, done) -> passes.forget(connection, Passes.Kind.GUEST_KEY, sessionId, externalTechnicianId)))
                .map(SessionApi::noContent);
    }

    /** FEAT-2: {@code 2.3.818} or {@code 2.3 build 818}, given in {@code field}. */
    static boolean featureAware(String field, String clientVersion) {
        if (clientVersion == null || clientVersion.isBlank()) {
            throw Refusal.invalid("FEAT-2", field, "is required: the technician client's version, e.g. 2.3.818 or '2.3 build 818'");
        }
        Matcher m = CLIENT_VERSION.matcher(clientVersion.strip());
        if (!m.matches()) {
            throw Refusal.invalid("FEAT-2", field, "must look like 2.3.818 or '2.3 build 818'");
        }
        int[] version = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        for (int i = 0; i < 3; i++) {
            if (version[i] != FEATURE_AWARE_CLIENT[i]) {
                return version[i] > FEATURE_AWARE_CLIENT[i];
            }
        }
        return true;
    }
}
