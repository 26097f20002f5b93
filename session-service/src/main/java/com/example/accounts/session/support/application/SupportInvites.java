package com.example.accounts.session.support.application;

import com.example.accounts.contract.vocabulary.Language;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.command.Done;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.application.MemberRequest;
import com.example.accounts.session.application.SessionConfig;
import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.session.infrastructure.MemberStreams;
import com.example.accounts.session.infrastructure.Passes;
import com.example.accounts.session.infrastructure.PermissionService;
import com.example.accounts.session.infrastructure.PolicyStreams;
import com.example.accounts.session.support.domain.SupportCommand;
import com.example.accounts.session.support.domain.SupportDecider;
import com.example.accounts.session.support.domain.SupportEvent;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteIssued;
import com.example.accounts.session.support.domain.SupportSession;
import com.example.accounts.session.support.infrastructure.InviteEmails;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static com.example.accounts.session.application.MemberRequest.allowed;
import static com.example.accounts.session.application.MemberRequest.member;
import static com.example.accounts.session.support.application.SupportSessions.AGGREGATE;
import static com.example.accounts.session.support.application.SupportSessions.stream;

/**
 * A support session's external technicians: invited under a security policy (INV-1) and delivered (INV-2, NTF-6),
 * revoked (INV-2), redeemed once (INV-2, INV-3) and removed (INV-3).
 */
@ApplicationScoped
public class SupportInvites {

    /** The languages emails are written in (NTF-6). */
    private static final List<String> EMAIL_LANGUAGES = Language.codes();

    /** What an invite asks for, as the request gave it. */
    public record InviteRequest(UUID policyId, String externalName, String comments, String delivery, String email, String language) {
    }

    /** An invite issued and delivered: the URL to copy (COPY_URL), the mailto: link (LOCAL_EMAIL), or its email queued (SERVER_EMAIL). */
    public record Issued(Done<SupportSession, SupportEvent> done, ExternalInviteIssued invite, String url, String mailto, boolean emailQueued) {
    }

    /** An invite redeemed: what it left, and the external technician's guest key. */
    public record Redeemed(Done<SupportSession, SupportEvent> done, UUID externalTechnicianId, String guestKey) {
    }

    private final SessionStreams streams;
    private final PermissionService permissions;
    private final Passes passes;
    private final InviteEmails inviteEmails;
    private final URI publicUrl;
    private final CommandClock clock;
    private final MemberStreams memberStreams;
    private final PolicyStreams policyStreams;

    public SupportInvites(SessionStreams streams, PermissionService permissions, Passes passes, InviteEmails inviteEmails,
            SessionConfig.PublicUrl publicUrl, CommandClock clock, MemberStreams memberStreams,
            PolicyStreams policyStreams) {
        this.streams = streams;
        this.permissions = permissions;
        this.passes = passes;
        this.inviteEmails = inviteEmails;
        this.publicUrl = publicUrl.value();
        this.clock = clock;
        this.memberStreams = memberStreams;
        this.policyStreams = policyStreams;
    }

    /** INV-1, INV-2, NTF-6: a technician in the session invites an external technician under one of the account's policies. */
    public Uni<Issued> invite(MemberRequest request, UUID sessionId, InviteRequest body) {
        if (body.policyId() == null) {
            throw Refusal.invalid(RuleId.INV_1, "policyId", "is required: a security policy of the account enabled for invites");
        }
        if (body.language() != null && !EMAIL_LANGUAGES.contains(body.language())) {
            throw Refusal.invalid(RuleId.NTF_6, "language", "must be one of " + EMAIL_LANGUAGES + " (the technician's language for the email), not '"
                    + body.language() + "'");
        }
        Instant now = clock.now();
        UUID inviteId = UUID.randomUUID();
        UUID accountId = request.accountId();
        AtomicReference<String> token = new AtomicReference<>();
        return permissions.check(accountId, request.bearer(), request.consistency(), "me", "support.invite-external", null)
                .chain(check -> permissions.settings(accountId, request.bearer(), request.consistency()).chain(settings -> {
                    UUID inviter = allowed(check, RuleId.INV_1).memberId();
                    PermissionService.Policy policy = settings.policy(body.policyId())
                            .orElseThrow(() -> Refusal.invalid(RuleId.INV_1, "policyId", "no security policy " + body.policyId() + " in this account"));
                    var command = new SupportCommand.Invite(inviteId, inviter, new SupportCommand.Policy(policy.policyId(), policy.name(), policy.enabled(),
                            policy.permissions()), body.externalName(), body.comments(), body.delivery(), body.email(), settings.serverInviteEmails(), now);
                    return streams.run(AGGREGATE, accountId, stream(sessionId), command, SupportDecider::decide,
                            EventMetadata.requested(member(inviter), request.correlationId(), now),
                            (connection, done) -> {
                                token.set(Passes.newToken());
                                return memberStreams.remember(connection, accountId, inviter, stream(sessionId))
                                        .chain(() -> policyStreams.remember(connection, accountId, policy.policyId(), stream(sessionId)))
                                        .chain(() -> passes.keep(connection, token.get(), Passes.Kind.INVITE, accountId, sessionId, inviteId,
                                                now.plus(SupportDecider.INVITE_LIFETIME)));
                            });
                }))
                .chain(done -> deliver(accountId, sessionId, done, token.get(), body.language(), request.correlationId()));
    }

    private Uni<Issued> deliver(UUID accountId, UUID sessionId, Done<SupportSession, SupportEvent> done, String token, String language,
            String correlationId) {
        ExternalInviteIssued issued = (ExternalInviteIssued) done.events().get(0);
        String url = publicUrl + "/guest/invites/" + token;
        return switch (issued.delivery()) {
            case "COPY_URL" -> Uni.createFrom().item(new Issued(done, issued, url, null, false));
            case "LOCAL_EMAIL" -> Uni.createFrom().item(new Issued(done, issued, null, mailto(issued, url), false));
            default -> inviteEmails.send(new InviteEmails.InviteEmail(accountId, sessionId, issued.inviteId(), issued.inviterMemberId(), issued.email(),
                    issued.externalName(), issued.comments(), issued.policyName(), issued.expiresAt(), url, language))
                    .map(sent -> new Issued(done, issued, null, null, true))
                    // nobody can have the URL: the invite is revoked rather than left open, and the inviter may try again
                    .onFailure().recoverWithUni(failure -> streams.run(AGGREGATE, accountId, stream(sessionId),
                            new SupportCommand.WithdrawUndelivered(issued.inviteId(), clock.now()), SupportDecider::decide,
                            EventMetadata.requested("system", correlationId, clock.now()))
                            .map(revoked -> {
                                throw new ProblemException(503, RuleId.INV_1, "Invite email not sent", "the invite email could not be handed on ("
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

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** INV-2: the inviter or the session's owner revokes an open invite. */
    public Uni<Done<SupportSession, SupportEvent>> revoke(MemberRequest request, UUID sessionId, UUID inviteId) {
        Instant now = clock.now();
        return request.me(permissions).chain(me -> streams.runAsked(AGGREGATE, request.accountId(), stream(sessionId),
                started(state -> new SupportCommand.Revoke(inviteId, me, now)), SupportDecider::decide,
                EventMetadata.requested(member(me), request.correlationId(), now), (connection, done) -> Uni.createFrom().voidItem()));
    }

    /** INV-3: the owner or the inviter takes an external technician out; their guest key goes in the same transaction. */
    public Uni<Done<SupportSession, SupportEvent>> removeExternal(MemberRequest request, UUID sessionId, UUID externalTechnicianId) {
        Instant now = clock.now();
        return request.me(permissions).chain(me -> streams.runAsked(AGGREGATE, request.accountId(), stream(sessionId),
                started(state -> new SupportCommand.RemoveExternal(externalTechnicianId, me, now)), SupportDecider::decide,
                EventMetadata.requested(member(me), request.correlationId(), now),
                // the key goes with the removal, in its transaction: it then admits no one, as an unknown key
                (connection, done) -> passes.forget(connection, Passes.Kind.GUEST_KEY, sessionId, externalTechnicianId)));
    }

    /** ACC-6: a session id that never started is as unknown as another account's. */
    private static Function<SupportSession, SupportCommand> started(Function<SupportSession, SupportCommand> command) {
        return state -> {
            if (!(state instanceof SupportSession.Started)) {
                throw ProblemException.notFound("support session");
            }
            return command.apply(state);
        };
    }

    /** INV-2, INV-3: the invite of {@code pass} redeemed once, admitting an external technician with a guest key until {@code keyExpiresAt}. */
    public Uni<Redeemed> redeem(Passes.Pass pass, Instant now, Instant keyExpiresAt, String correlationId) {
        UUID externalId = UUID.randomUUID();
        AtomicReference<String> key = new AtomicReference<>();
        return streams.run(AGGREGATE, pass.accountId(), stream(pass.sessionId()), new SupportCommand.Redeem(pass.subjectId(), externalId, now),
                SupportDecider::decide, EventMetadata.requested("external:" + externalId, correlationId, now),
                (connection, done) -> {
                    key.set(Passes.newToken());
                    return passes.keep(connection, key.get(), Passes.Kind.GUEST_KEY, pass.accountId(), pass.sessionId(), externalId, keyExpiresAt);
                })
                .map(done -> new Redeemed(done, externalId, key.get()));
    }

    /** INV-2: the invite of {@code pass} as it stands, looked at without using it. */
    public Uni<SupportSession.Started> sessionOf(Passes.Pass pass) {
        return streams.load(AGGREGATE, stream(pass.sessionId())).map(loaded -> loaded.state().started());
    }
}
