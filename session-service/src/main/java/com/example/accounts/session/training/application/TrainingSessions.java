package com.example.accounts.session.training.application;

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
import com.example.accounts.session.infrastructure.Passes;
import com.example.accounts.session.infrastructure.PermissionService;
import com.example.accounts.session.support.application.SupportSessions;
import com.example.accounts.session.training.domain.Actor;
import com.example.accounts.session.training.domain.TrainingCommand;
import com.example.accounts.session.training.domain.TrainingDecider;
import com.example.accounts.session.training.domain.TrainingEvent;
import com.example.accounts.session.training.domain.TrainingSession;
import com.example.accounts.session.training.infrastructure.AccountCoOrganizers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

import static com.example.accounts.session.application.MemberRequest.allowed;
import static com.example.accounts.session.application.MemberRequest.member;

/**
 * The training session aggregate as the streams run it, and what its hosts and participants ask of it: schedule with
 * co-organizers (TRN-1, TRN-2), run it (TRN-3), the presenter and keyboard control (TRN-4, TRN-5), the organizer's
 * after-session features (TRN-3) and the participants' joining (TRN-6). Who may schedule and host, who may use
 * TRAINING and whether the account allows co-organizers are asked of the permission-service and come in as facts.
 */
@ApplicationScoped
public class TrainingSessions {

    public static final StreamKind<TrainingSession, TrainingEvent> AGGREGATE = new StreamKind<>("training session", new EventCodec<>(TrainingEvent.class),
            TrainingSession.INITIAL, TrainingSession::evolve, SessionStreams.SNAPSHOTS,
            Snapshots.fingerprint(SessionStreams.FOLD_REVISION, TrainingSession.class, TrainingEvent.class));

    /**
     * The caller as a member, whether the permission-service lets them host now (training.session.host, TRN-1, TRN-3),
     * and whether the account allows co-organizers now: a co-organizer hosts only then (TRN-2); {@code now} is when
     * they asked, which their command is decided at.
     */
    public record Host(UUID memberId, boolean mayHost, boolean coOrganizersAllowed, Instant now) {
    }

    /** A session scheduled: what it left, and the participants' code. */
    public record Scheduled(Done<TrainingSession, TrainingEvent> done, String code) {
    }

    private final SessionStreams streams;
    private final PermissionService permissions;
    private final Passes passes;
    private final CommandClock clock;
    private final AccountCoOrganizers coOrganizers;

    public TrainingSessions(SessionStreams streams, PermissionService permissions, Passes passes, CommandClock clock, AccountCoOrganizers coOrganizers) {
        this.streams = streams;
        this.permissions = permissions;
        this.passes = passes;
        this.clock = clock;
        this.coOrganizers = coOrganizers;
    }

    /** The permission-service reads support and training sessions from one kind of stream. */
    public static String stream(UUID sessionId) {
        return SupportSessions.stream(sessionId);
    }

    /** TRN-1, TRN-2: the caller schedules a session as its organizer, with {@code named} as co-organizers. */
    public Uni<Scheduled> schedule(MemberRequest request, List<UUID> named) {
        Instant now = clock.now();
        UUID sessionId = UUID.randomUUID();
        UUID accountId = request.accountId();
        AtomicReference<String> code = new AtomicReference<>();
        return permissions.check(accountId, request.bearer(), request.consistency(), "me", "training.session.schedule", null)
                .map(check -> allowed(check, RuleId.TRN_1).memberId())
                .chain(organizer -> permissions.settings(accountId, request.bearer(), request.consistency())
                        .chain(settings -> mayCoOrganize(request, named, settings.coOrganizers(),
                                () -> TrainingDecider.namesCoOrganizers(organizer, named, settings.coOrganizers()))
                                .chain(() -> streams.run(AGGREGATE, accountId, stream(sessionId),
                                        new TrainingCommand.Schedule(sessionId, organizer, named, settings.coOrganizers(), now), TrainingDecider::decide,
                                        EventMetadata.requested(member(organizer), request.correlationId(), now),
                                        (connection, done) -> {
                                            code.set(Passes.newCode());
                                            return passes.keep(connection, code.get(), Passes.Kind.TRAINING_CODE, accountId, sessionId, null,
                                                    now.plus(TrainingDecider.CODE_LIFETIME));
                                        }))))
                .map(done -> new Scheduled(done, code.get()));
    }

    /** USR-11, SEAT-3: the session is part of TRAINING; observers see Monitoring data only, and nobody a module gone. */
    public Uni<TrainingSession> session(MemberRequest request, UUID sessionId) {
        return permissions.check(request.accountId(), request.bearer(), request.consistency(), "me", "module.training", null)
                .invoke(check -> allowed(check, RuleId.USR_11))
                .chain(member -> streams.loadIn(AGGREGATE, request.accountId(), stream(sessionId)))
                .map(loaded -> loaded.state());
    }

    /** TRN-2: the organizer names the co-organizers, whole. */
    public Uni<Done<TrainingSession, TrainingEvent>> changeCoOrganizers(MemberRequest request, UUID sessionId, List<UUID> named) {
        return host(request).chain(host -> streams.loadAs(AGGREGATE, request.accountId(), stream(sessionId))
                .chain(loaded -> mayCoOrganize(request, named, host.coOrganizersAllowed(),
                        () -> TrainingDecider.changesCoOrganizers(loaded.state(), host.memberId(), host.mayHost(), host.coOrganizersAllowed(), named)))
                .chain(() -> run(request, sessionId, host.memberId(),
                        new TrainingCommand.ChangeCoOrganizers(host.memberId(), named, host.mayHost(), host.coOrganizersAllowed(), host.now()))));
    }

    /** A host's command, made from what the permission-service says of the caller now. */
    public Uni<Done<TrainingSession, TrainingEvent>> act(MemberRequest request, UUID sessionId, Function<Host, TrainingCommand> command) {
        return host(request).chain(host -> run(request, sessionId, host.memberId(), command.apply(host)));
    }

    /** As {@link #act}, for a command naming someone in the session: whether a member named may still host (TRN-3). */
    public Uni<Done<TrainingSession, TrainingEvent>> actOn(MemberRequest request, UUID sessionId, Actor to,
            BiFunction<Host, Boolean, TrainingCommand> command) {
        return host(request)
                .chain(host -> mayHost(request, host, to).chain(toMayHost -> run(request, sessionId, host.memberId(), command.apply(host, toMayHost))));
    }

    /** TRN-3: the session for its organizer's {@code feature} (reports, the recordings archive), while they may host. */
    public Uni<TrainingSession> forOrganizer(MemberRequest request, UUID sessionId, String feature) {
        return hosting(request).chain(me -> streams.loadIn(AGGREGATE, request.accountId(), stream(sessionId)).map(loaded -> {
            TrainingDecider.afterSession(loaded.state(), me.memberId(), me.allowed(), feature);
            return loaded.state();
        }));
    }

    /** TRN-6: a participant joins with the session's code ({@code pass}); their guest key is kept with the event. */
    public Uni<Done<TrainingSession, TrainingEvent>> join(Passes.Pass pass, UUID participantId, String name, int maxParticipants, Instant now,
            String correlationId, AtomicReference<String> key) {
        return streams.run(AGGREGATE, pass.accountId(), stream(pass.sessionId()),
                new TrainingCommand.JoinAsParticipant(participantId, name, maxParticipants, now),
                TrainingDecider::decide, EventMetadata.requested(participant(participantId), correlationId, now),
                (connection, done) -> {
                    key.set(Passes.newToken());
                    return passes.keep(connection, key.get(), Passes.Kind.GUEST_KEY, pass.accountId(), pass.sessionId(), participantId, null);
                });
    }

    /** The session of a participant's guest key. */
    public Uni<TrainingSession> sessionOf(Passes.Pass pass) {
        return streams.loadIn(AGGREGATE, pass.accountId(), stream(pass.sessionId())).map(loaded -> loaded.state());
    }

    /**
     * TRN-2: a participant has no token to ask the permission-service whether the account allows co-organizers
     * (SEC-1), so the setting is the one this service keeps from the account's events. A participant is never a host
     * (the commands' {@code mayHost} is false).
     */
    public Uni<Done<TrainingSession, TrainingEvent>> actAsParticipant(Passes.Pass pass, String correlationId, Function<Boolean, TrainingCommand> commandOf) {
        return coOrganizers.allowed(pass.accountId()).map(commandOf).chain(command -> streams.run(AGGREGATE, pass.accountId(), stream(pass.sessionId()),
                command, TrainingDecider::decide, EventMetadata.requested(participant(pass.subjectId()), correlationId, command.now())));
    }

    /**
     * Hosting is asked first: a member who may not host is refused for that (TRN-3) by the decider, whatever else
     * they may not read (an observer reads no session settings, USR-11).
     */
    private Uni<Host> host(MemberRequest request) {
        Instant now = clock.now();
        return hosting(request).chain(host -> host.allowed()
                ? permissions.settings(request.accountId(), request.bearer(), request.consistency())
                        .map(settings -> new Host(host.memberId(), true, settings.coOrganizers(), now))
                : Uni.createFrom().item(new Host(host.memberId(), false, false, now)));
    }

    /**
     * TRN-1, TRN-3: whether the caller may host now, asked at every host action. Asked account-wide, not of
     * {@code session:<id>}: who organizes and co-organizes the session is its own stream's to say, strongly consistent,
     * while the read model's copy of the session may not have the write the client just made.
     */
    private Uni<PermissionService.Check> hosting(MemberRequest request) {
        return permissions.check(request.accountId(), request.bearer(), request.consistency(), "me", "training.session.host", null);
    }

    /**
     * TRN-3: a member made presenter or given control is asked about like the caller ({@code training.session.host}).
     * Not asked of participants (never hosts), nor while the caller may not host: the session refuses the caller first.
     * A member the permission-service does not know may not host, and is refused as not in the session (TRN-4, TRN-5).
     */
    private Uni<Boolean> mayHost(MemberRequest request, Host host, Actor to) {
        if (to.kind() != Actor.Kind.MEMBER || !host.mayHost() || to.id().equals(host.memberId())) {
            return Uni.createFrom().item(host.mayHost());
        }
        return permissions.check(request.accountId(), request.bearer(), request.consistency(), to.id().toString(), "training.session.host", null)
                .map(PermissionService.Check::allowed)
                .onFailure(f -> f instanceof ProblemException p && p.problem().status() == 404).recoverWithItem(false);
    }

    private Uni<Done<TrainingSession, TrainingEvent>> run(MemberRequest request, UUID sessionId, UUID by, TrainingCommand command) {
        return streams.run(AGGREGATE, request.accountId(), stream(sessionId), command, TrainingDecider::decide,
                EventMetadata.requested(member(by), request.correlationId(), command.now()));
    }

    /**
     * TRN-2: each co-organizer is a member of this account who may use TRAINING, asked of the permission-service in one
     * request however many are named (at most {@link TrainingDecider#MAX_CO_ORGANIZERS}), and only once the caller and
     * the list passed what the session says ({@code first}): whoever may not name them is refused before any id is
     * asked about. Not asked while the account turned co-organizers off: the session refuses any then.
     */
    private Uni<Void> mayCoOrganize(MemberRequest request, List<UUID> named, boolean coOrganizersAllowed, Runnable first) {
        first.run();
        if (named.isEmpty() || !coOrganizersAllowed) {
            return Uni.createFrom().voidItem();
        }
        List<PermissionService.Ask> asks = named.stream().map(id -> new PermissionService.Ask(id.toString(), "module.training", null)).toList();
        return permissions.checks(request.accountId(), request.bearer(), request.consistency(), asks)
                .onFailure(ProblemException.class).transform(f -> ((ProblemException) f).problem().status() == 404
                        ? Refusal.invalid(RuleId.TRN_2, "coOrganizerMemberIds", "names someone who is not a member of this account")
                        : f)
                .invoke(checks -> checks.stream().filter(check -> !check.allowed()).findFirst().ifPresent(check -> {
                    throw Refusal.invalid(RuleId.TRN_2, "coOrganizerMemberIds", "member " + check.memberId() + " may not use TRAINING");
                }))
                .replaceWithVoid();
    }

    private static String participant(UUID participantId) {
        return "participant:" + participantId;
    }
}
