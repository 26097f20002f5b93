package com.example.accounts.session.support.application;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.eventstore.Snapshots;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.command.Done;
import com.example.accounts.kit.command.EventCodec;
import com.example.accounts.kit.command.StreamKind;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.application.MemberRequest;
import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.session.infrastructure.MemberStreams;
import com.example.accounts.session.infrastructure.Passes;
import com.example.accounts.session.infrastructure.PermissionService;
import com.example.accounts.session.infrastructure.PermissionService.Ask;
import com.example.accounts.session.support.domain.ClientVersion;
import com.example.accounts.session.support.domain.SupportCommand;
import com.example.accounts.session.support.domain.SupportDecider;
import com.example.accounts.session.support.domain.SupportEvent;
import com.example.accounts.session.support.domain.SupportSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static com.example.accounts.session.application.MemberRequest.allowed;
import static com.example.accounts.session.application.MemberRequest.member;

/**
 * The support session aggregate as the streams run it, and what its members ask of it: start (SUP-1, SUP-3, FEAT-2),
 * read it (USR-11, SEAT-3), ask for an action (SUP-4), hand over (SUP-6), leave (INV-4) and end (SUP-5). What the
 * account decides is asked of the permission-service first and comes to {@link SupportDecider} as facts.
 */
@ApplicationScoped
public class SupportSessions {

    public static final StreamKind<SupportSession, SupportEvent> AGGREGATE = new StreamKind<>("support session", new EventCodec<>(SupportEvent.class),
            SupportSession.INITIAL, SupportSession::evolve, SessionStreams.SNAPSHOTS,
            Snapshots.fingerprint(SessionStreams.FOLD_REVISION, SupportSession.class, SupportEvent.class));

    private static final List<String> FEATURES = List.of("support.unattended", "support.file-transfer", "support.remote-control");

    /** A session started: what it left, and the customer's code (attended) with when it lapses. */
    public record Started(Done<SupportSession, SupportEvent> done, String code, Instant codeExpiresAt) {
    }

    private final SessionStreams streams;
    private final PermissionService permissions;
    private final Passes passes;
    private final CommandClock clock;
    private final MemberStreams memberStreams;

    public SupportSessions(SessionStreams streams, PermissionService permissions, Passes passes, CommandClock clock, MemberStreams memberStreams) {
        this.streams = streams;
        this.permissions = permissions;
        this.passes = passes;
        this.clock = clock;
        this.memberStreams = memberStreams;
    }

    /** The stream the permission-service reads sessions from: {@code session-<id>}, for support and training alike. */
    public static String stream(UUID sessionId) {
        return "session-" + sessionId;
    }

    /** SUP-1, SUP-3, FEAT-2: the caller starts a session, attended (for {@code companyId}, if any) or unattended to {@code deviceId}. */
    public Uni<Started> start(MemberRequest request, UUID companyId, UUID deviceId, String clientVersion) {
        ClientVersion client = ClientVersion.of("clientVersion", clientVersion);
        SupportDecider.startsFor(companyId, deviceId);
        Instant now = clock.now();
        UUID sessionId = UUID.randomUUID();
        UUID accountId = request.accountId();
        AtomicReference<String> code = new AtomicReference<>();
        return ownership(request, "me", companyId, deviceId, client).chain(candidate -> {
            UUID owner = candidate.memberId();
            return streams.run(AGGREGATE, accountId, stream(sessionId), new SupportCommand.Start(sessionId, candidate, companyId, deviceId, now),
                    SupportDecider::decide, EventMetadata.requested(member(owner), request.correlationId(), now),
                    (connection, done) -> {
                        Uni<Void> owned = memberStreams.remember(connection, accountId, owner, stream(sessionId));
                        if (deviceId != null) {
                            return owned;
                        }
                        code.set(Passes.newCode());
                        return owned.chain(() -> passes.keep(connection, code.get(), Passes.Kind.CUSTOMER_CODE, accountId, sessionId, null,
                                now.plus(SupportDecider.CODE_LIFETIME)));
                    });
        }).map(done -> new Started(done, code.get(), code.get() == null ? null : now.plus(SupportDecider.CODE_LIFETIME)));
    }

    /**
     * SUP-1, SUP-3, FEAT-2: what the permission-service says of {@code member} owning a session for this company or
     * device on this client, asked the same way at its start and at a hand-over (SUP-6); the decider judges it.
     */
    private Uni<SupportCommand.Owner> ownership(MemberRequest request, String member, UUID companyId, UUID deviceId, ClientVersion client) {
        List<Ask> asks = new ArrayList<>();
        asks.add(deviceId != null
                ? new Ask(member, "support.unattended", "device:" + deviceId)
                : new Ask(member, "support.session.host", companyId == null ? null : "company:" + companyId));
        FEATURES.forEach(feature -> asks.add(new Ask(member, feature, null)));
        return permissions.checks(request.accountId(), request.bearer(), request.consistency(), asks).map(answers -> {
            PermissionService.Check host = answers.get(0);
            List<String> lacking = answers.subList(1, answers.size()).stream().filter(a -> !a.allowed()).map(PermissionService.Check::permission).toList();
            return new SupportCommand.Owner(host.memberId(), host.allowed() ? null : MemberRequest.denial(host), client.version(), client.featureAware(),
                    lacking);
        });
    }

    /** The session, for members who may use REMOTE_SUPPORT (its seat) and for the technicians in it; never for observers (USR-11, SEAT-3). */
    public Uni<SupportSession.Started> session(MemberRequest request, UUID sessionId) {
        return permissions.checks(request.accountId(), request.bearer(), request.consistency(),
                List.of(new Ask("me", "account.view", null), new Ask("me", "module.remote-support", null)))
                .chain(answers -> {
                    // USR-11: an observer sees Monitoring and nothing else, in a session or not
                    allowed(answers.get(0), RuleId.USR_11);
                    PermissionService.Check module = answers.get(1);
                    return streams.loadIn(AGGREGATE, request.accountId(), stream(sessionId)).map(loaded -> {
                        // SEAT-3: the module's seat, unless the reader is a technician in this very session
                        SupportSession.Started session = loaded.state().started();
                        if (!session.technicians().contains(module.memberId())) {
                            allowed(module, RuleId.SEAT_3);
                        }
                        return session;
                    });
                });
    }

    /** SUP-4: the session's technician asks the customer for {@code action}, with their own feature for it. */
    public Uni<Done<SupportSession, SupportEvent>> act(MemberRequest request, UUID sessionId, String action) {
        String permission = "FILE_TRANSFER".equals(action) ? "support.file-transfer" : "support.remote-control";
        Instant now = clock.now();
        return permissions.check(request.accountId(), request.bearer(), request.consistency(), "me", permission, null)
                .chain(check -> streams.run(AGGREGATE, request.accountId(), stream(sessionId),
                        new SupportCommand.RequestAsMember(check.memberId(), action, check.allowed(), now), SupportDecider::decide,
                        EventMetadata.requested(member(check.memberId()), request.correlationId(), now)));
    }

    /**
     * SUP-6: to a member who meets what starting this very session requires of them (SUP-1, SUP-3, FEAT-2 on
     * {@code toClientVersion}); an external technician is not asked about, the decider refuses them.
     */
    public Uni<Done<SupportSession, SupportEvent>> handOver(MemberRequest request, UUID sessionId, UUID to, String toClientVersion) {
        if (to == null) {
            throw Refusal.invalid(RuleId.SUP_6, "toMemberId", "is required");
        }
        ClientVersion client = ClientVersion.of("toClientVersion", toClientVersion);
        Instant now = clock.now();
        UUID accountId = request.accountId();
        return request.me(permissions).chain(me -> streams.loadIn(AGGREGATE, accountId, stream(sessionId))
                .map(loaded -> loaded.state().started())
                .chain(session -> session.externals().containsKey(to)
                        ? Uni.createFrom().<SupportCommand.Owner>nullItem()
                        : ownership(request, to.toString(), session.companyId(), session.deviceId(), client)
                                .onFailure(ProblemException.class).transform(f -> ((ProblemException) f).problem().status() == 404
                                        ? Refusal.invalid(RuleId.SUP_6, "toMemberId", "no member " + to + " in this account")
                                        : f))
                .chain(candidate -> streams.run(AGGREGATE, accountId, stream(sessionId), new SupportCommand.HandOver(me, to, candidate, now),
                        SupportDecider::decide, EventMetadata.requested(member(me), request.correlationId(), now),
                        (connection, done) -> memberStreams.remember(connection, accountId, to, stream(sessionId)))));
    }

    /** INV-4: an earlier owner leaves; the external technicians they invited leave with them. */
    public Uni<Done<SupportSession, SupportEvent>> leave(MemberRequest request, UUID sessionId) {
        Instant now = clock.now();
        return request.me(permissions).chain(me -> streams.run(AGGREGATE, request.accountId(), stream(sessionId), new SupportCommand.Leave(me, now),
                SupportDecider::decide, EventMetadata.requested(member(me), request.correlationId(), now)));
    }

    /** SUP-5: the owner ends the session; everyone is logged out and its open invites lapse. */
    public Uni<Done<SupportSession, SupportEvent>> end(MemberRequest request, UUID sessionId) {
        Instant now = clock.now();
        return request.me(permissions).chain(me -> streams.run(AGGREGATE, request.accountId(), stream(sessionId), new SupportCommand.End(me, now),
                SupportDecider::decide, EventMetadata.requested(member(me), request.correlationId(), now)));
    }

    /** SUP-2: a customer with the session's code ({@code pass}) joins; their guest key is kept with the event. */
    public Uni<Done<SupportSession, SupportEvent>> joinAsCustomer(Passes.Pass pass, UUID customerId, String platform, Instant now, String correlationId,
            AtomicReference<String> key) {
        return streams.run(AGGREGATE, pass.accountId(), stream(pass.sessionId()), new SupportCommand.JoinAsCustomer(customerId, platform, now),
                SupportDecider::decide, EventMetadata.requested("customer:" + customerId, correlationId, now),
                (connection, done) -> {
                    key.set(Passes.newToken());
                    return passes.keep(connection, key.get(), Passes.Kind.GUEST_KEY, pass.accountId(), pass.sessionId(), customerId, null);
                });
    }

    /** SUP-4: an external technician (their guest key's {@code pass}) asks for {@code action}, as their policy allows. */
    public Uni<Done<SupportSession, SupportEvent>> actAsExternal(Passes.Pass pass, String action, Instant now, String correlationId) {
        return streams.runAsked(AGGREGATE, pass.accountId(), stream(pass.sessionId()), state -> {
            if (!(state instanceof SupportSession.Started session) || !session.externals().containsKey(pass.subjectId())) {
                throw Refusal.forbidden(RuleId.SUP_4, "only technicians ask for " + action + "; a customer grants it");
            }
            return new SupportCommand.RequestAsExternal(pass.subjectId(), action, now);
        }, SupportDecider::decide, EventMetadata.requested("external:" + pass.subjectId(), correlationId, now),
                (connection, done) -> Uni.createFrom().voidItem());
    }
}
