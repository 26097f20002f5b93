package com.example.accounts.session.training.api;

import com.example.accounts.session.api.SessionApi;
import com.example.accounts.eventstore.EventMetadata;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.rules.Refusal;
import com.example.accounts.kit.command.Done;
import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.kit.Idempotent;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.RequestShape;
import com.example.accounts.kit.RequestShape.Max;
import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.session.training.application.TrainingSessions;
import com.example.accounts.session.training.domain.Actor;
import com.example.accounts.session.infrastructure.Passes;
import com.example.accounts.session.infrastructure.PermissionService;
import com.example.accounts.session.training.domain.TrainingCommand;
import com.example.accounts.session.training.domain.TrainingDecider;
import com.example.accounts.session.training.domain.TrainingEvent;
import com.example.accounts.session.training.domain.TrainingSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

import static com.example.accounts.session.api.SessionApi.allowed;
import static com.example.accounts.session.api.SessionApi.member;
import static com.example.accounts.session.api.SessionApi.required;
import static com.example.accounts.session.api.SessionApi.uuid;

/**
 * Training sessions, for the members of an account: schedule with co-organizers (TRN-1, TRN-2), start, record, end
 * and manage attendees (TRN-3), the presenter and keyboard control (TRN-4, TRN-5), and the organizer's after-session
 * features (TRN-3). Who may schedule, who is a member that may use TRAINING, and whether the account allows
 * co-organizers are asked of the permission-service; participants are {@link TrainingGuestResource}'s.
 */
@Path("/accounts/{accountId}/training-sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "the permission-service or the session's rules refuse it; the problem names the rule")
@APIResponse(responseCode = "404", description = "no such account or session for the caller (ACC-6)")
@APIResponse(responseCode = "410", description = "the session has ended (TRN-3)")
@APIResponse(responseCode = "503", description = "the permission-service cannot answer now: nothing is allowed by default, retry")
public class TrainingSessionResource {

    public record CoOrganizersBody(@Max(value = TrainingDecider.MAX_CO_ORGANIZERS, each = SessionApi.ID) List<String> coOrganizerMemberIds) {
    }

    /** Someone in the session: {@code kind} MEMBER (organizer or co-organizer) or PARTICIPANT. */
    public record ActorBody(@Max(SessionApi.WORD) String kind, @Max(SessionApi.ID) String id) {
    }

    public record Scheduled(UUID sessionId, UUID organizerMemberId, List<UUID> coOrganizerMemberIds, String joinCode, String joinUrl) {
    }

    public record SessionView(UUID sessionId, UUID organizerMemberId, List<UUID> coOrganizerMemberIds, boolean started, boolean ended,
                              boolean recording, Map<UUID, String> participants, Actor presenter, Actor keyboard) {
        static SessionView of(TrainingSession s) {
            return new SessionView(s.sessionId(), s.organizer(), List.copyOf(s.coOrganizers()), s.started(), s.ended(), s.recording(),
                    s.participants(), s.presenter(), s.keyboard());
        }
    }

    public record Report(UUID sessionId, UUID organizerMemberId, List<UUID> coOrganizerMemberIds, boolean started, boolean ended,
                         Map<UUID, String> participants, int recordings, boolean followUpSent) {
    }

    public record Recordings(UUID sessionId, int recordings, boolean recording) {
    }

    /**
     * The caller as a member, whether the permission-service lets them host now (training.session.host, TRN-1, TRN-3),
     * and whether the account allows co-organizers now: a co-organizer hosts only then (TRN-2).
     */
    private record Caller(UUID memberId, boolean mayHost, boolean coOrganizersAllowed) {
    }

    private final SessionStreams streams;
    private final PermissionService permissions;
    private final Passes passes;
    private final CommandClock clock;
    private final URI publicUrl;

    public TrainingSessionResource(SessionStreams streams, PermissionService permissions, Passes passes, CommandClock clock,
                                   @ConfigProperty(name = "platform.public-url") URI publicUrl) {
        this.streams = streams;
        this.permissions = permissions;
        this.passes = passes;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scheduleTrainingSession", summary = "Schedule a training session as its organizer, with co-organizers unless the account turned them off (TRN-1, TRN-2)")
    @APIResponse(responseCode = "201", description = "scheduled: the participants' join code and link (TRN-6)")
    @APIResponse(responseCode = "422", description = "a co-organizer is not a member who may use TRAINING, is named twice or is the organizer, "
            + "or the account turned co-organizers off (TRN-2)")
    @Idempotent(secret = {"joinCode", "joinUrl"})
    public Uni<Response> schedule(@PathParam("accountId") UUID accountId, CoOrganizersBody body, @HeaderParam("Authorization") String bearer,
                                  @HeaderParam(ConsistencyToken.HEADER) String consistency, @HeaderParam("X-Correlation-Id") String correlationId) {
        RequestShape.check(body);
        List<UUID> named = ids(body == null ? null : body.coOrganizerMemberIds());
        Instant now = clock.now();
        UUID sessionId = UUID.randomUUID();
        AtomicReference<String> code = new AtomicReference<>();
        return permissions.check(accountId, bearer, consistency, "me", "training.session.schedule", null)
                .map(check -> allowed(check, "TRN-1").memberId())
                .chain(organizer -> permissions.settings(accountId, bearer, consistency).chain(settings ->
                        mayCoOrganize(accountId, bearer, consistency, named, settings.coOrganizers(),
                                () -> TrainingDecider.namesCoOrganizers(organizer, named, settings.coOrganizers()))
                                .chain(() -> streams.execute(TrainingSessions.AGGREGATE, accountId, TrainingSessions.stream(sessionId),
                                        state -> TrainingDecider.decide(new TrainingCommand.Schedule(sessionId, organizer, named, settings.coOrganizers(), now), state),
                                        EventMetadata.requested(member(organizer), correlationId, now),
                                        (connection, done) -> {
                                            code.set(Passes.newCode());
                                            return passes.keep(connection, code.get(), Passes.Kind.TRAINING_CODE, accountId, sessionId, null,
                                                    now.plus(TrainingDecider.CODE_LIFETIME));
                                        }))))
                .map(done -> SessionApi.created(URI.create("/accounts/" + accountId + "/training-sessions/" + sessionId), done,
                        new Scheduled(sessionId, done.state().organizer(), List.copyOf(done.state().coOrganizers()), code.get(),
                                publicUrl + "/guest/training-sessions/join?code=" + code.get())));
    }

    @GET
    @Path("/{sessionId}")
    @Operation(operationId = "getTrainingSession", summary = "A training session as its account's members who may use TRAINING see it: hosts, participants, presenter, "
            + "keyboard control (USR-11, SEAT-3)")
    @APIResponse(responseCode = "200", description = "the session")
    public Uni<SessionView> get(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                                @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency) {
        // USR-11, SEAT-3: the session is part of TRAINING; observers see Monitoring data only, and nobody a module gone
        return permissions.check(accountId, bearer, consistency, "me", "module.training", null)
                .invoke(check -> allowed(check, "USR-11"))
                .chain(member -> streams.loadIn(TrainingSessions.AGGREGATE, accountId, TrainingSessions.stream(sessionId)))
                .map(loaded -> SessionView.of(loaded.state()));
    }

    @PUT
    @Path("/{sessionId}/co-organizers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeCoOrganizers", summary = "Name the co-organizers, whole, as the organizer, before or during the session (TRN-2)")
    @APIResponse(responseCode = "200", description = "the session with its co-organizers")
    @APIResponse(responseCode = "422", description = "a co-organizer is not a member who may use TRAINING, or the account turned co-organizers off (TRN-2)")
    public Uni<Response> coOrganizers(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, CoOrganizersBody body,
                                      @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                                      @HeaderParam("X-Correlation-Id") String correlationId) {
        required(body);
        List<UUID> named = ids(body.coOrganizerMemberIds());
        Instant now = clock.now();
        return caller(accountId, bearer, consistency)
                .chain(caller -> streams.loadAs(TrainingSessions.AGGREGATE, accountId, TrainingSessions.stream(sessionId))
                        .chain(loaded -> mayCoOrganize(accountId, bearer, consistency, named, caller.coOrganizersAllowed(),
                                () -> TrainingDecider.changesCoOrganizers(loaded.state(), caller.memberId(), caller.mayHost(), caller.coOrganizersAllowed(), named)))
                        .chain(() -> run(accountId, sessionId, caller.memberId(), correlationId,
                                new TrainingCommand.ChangeCoOrganizers(caller.memberId(), named, caller.mayHost(), caller.coOrganizersAllowed(), now))))
                .map(TrainingSessionResource::view);
    }

    @POST
    @Path("/{sessionId}/start")
    @Operation(operationId = "startTrainingSession", summary = "Start the session, as the organizer or a co-organizer; the organizer presents first (TRN-3, TRN-4)")
    @APIResponse(responseCode = "200", description = "started")
    public Uni<Response> start(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                               @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                               @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return act(accountId, sessionId, bearer, consistency, correlationId,
                caller -> new TrainingCommand.Start(caller.memberId(), caller.mayHost(), caller.coOrganizersAllowed(), now)).map(TrainingSessionResource::view);
    }

    @POST
    @Path("/{sessionId}/recording/start")
    @Operation(operationId = "startRecording", summary = "Start recording the started session, as the organizer or a co-organizer (TRN-3)")
    @APIResponse(responseCode = "200", description = "recording")
    public Uni<Response> startRecording(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                                        @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                                        @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return act(accountId, sessionId, bearer, consistency, correlationId,
                caller -> new TrainingCommand.StartRecording(caller.memberId(), caller.mayHost(), caller.coOrganizersAllowed(), now)).map(TrainingSessionResource::view);
    }

    @POST
    @Path("/{sessionId}/recording/stop")
    @Operation(operationId = "stopRecording", summary = "Stop recording, as the organizer or a co-organizer; the recording goes to the organizer's archive (TRN-3)")
    @APIResponse(responseCode = "200", description = "not recording")
    public Uni<Response> stopRecording(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                                       @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                                       @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return act(accountId, sessionId, bearer, consistency, correlationId,
                caller -> new TrainingCommand.StopRecording(caller.memberId(), caller.mayHost(), caller.coOrganizersAllowed(), now)).map(TrainingSessionResource::view);
    }

    @POST
    @Path("/{sessionId}/end")
    @Operation(operationId = "endTrainingSession", summary = "End the session, as the organizer or a co-organizer; a recording under way stops (TRN-3)")
    @APIResponse(responseCode = "200", description = "ended")
    public Uni<Response> end(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                             @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                             @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return act(accountId, sessionId, bearer, consistency, correlationId,
                caller -> new TrainingCommand.End(caller.memberId(), caller.mayHost(), caller.coOrganizersAllowed(), now)).map(TrainingSessionResource::view);
    }

    @DELETE
    @Path("/{sessionId}/participants/{participantId}")
    @Operation(operationId = "removeParticipant", summary = "Remove a participant, as the organizer or a co-organizer (TRN-3); their roles go back to the organizer (TRN-4, TRN-5)")
    @APIResponse(responseCode = "204", description = "removed")
    public Uni<Response> removeParticipant(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                                           @PathParam("participantId") UUID participantId, @HeaderParam("Authorization") String bearer,
                                           @HeaderParam(ConsistencyToken.HEADER) String consistency, @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return act(accountId, sessionId, bearer, consistency, correlationId,
                caller -> new TrainingCommand.RemoveParticipant(caller.memberId(), participantId, caller.mayHost(), caller.coOrganizersAllowed(), now)).map(SessionApi::noContent);
    }

    @POST
    @Path("/{sessionId}/presenter")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changePresenter", summary = "Pass the presenter role to the organizer, a co-organizer or a participant, as the presenter or a host (TRN-4); keyboard control ends (TRN-5)")
    @APIResponse(responseCode = "200", description = "the session with its presenter")
    public Uni<Response> presenter(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, ActorBody body,
                                   @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                                   @HeaderParam("X-Correlation-Id") String correlationId) {
        Actor to = actor(body, "TRN-4");
        Instant now = clock.now();
        return actOn(accountId, sessionId, bearer, consistency, correlationId, to, (caller, toMayHost) ->
                new TrainingCommand.ChangePresenter(Actor.member(caller.memberId()), to, caller.mayHost(), caller.coOrganizersAllowed(), toMayHost, now))
                .map(TrainingSessionResource::view);
    }

    @POST
    @Path("/{sessionId}/keyboard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "giveKeyboard", summary = "Give keyboard and mouse control to an organizer or participant, as the presenter (TRN-5)")
    @APIResponse(responseCode = "200", description = "the session with who has control")
    public Uni<Response> giveKeyboard(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, ActorBody body,
                                      @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                                      @HeaderParam("X-Correlation-Id") String correlationId) {
        Actor to = actor(body, "TRN-5");
        Instant now = clock.now();
        return actOn(accountId, sessionId, bearer, consistency, correlationId, to, (caller, toMayHost) ->
                new TrainingCommand.GiveKeyboard(Actor.member(caller.memberId()), to, caller.mayHost(), caller.coOrganizersAllowed(), toMayHost, now))
                .map(TrainingSessionResource::view);
    }

    @DELETE
    @Path("/{sessionId}/keyboard")
    @Operation(operationId = "takeBackKeyboard", summary = "Take keyboard and mouse control back, as the presenter (TRN-5)")
    @APIResponse(responseCode = "204", description = "taken back")
    public Uni<Response> takeBackKeyboard(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                                          @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                                          @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return act(accountId, sessionId, bearer, consistency, correlationId,
                caller -> new TrainingCommand.TakeBackKeyboard(Actor.member(caller.memberId()), caller.mayHost(), caller.coOrganizersAllowed(), now)).map(SessionApi::noContent);
    }

    @POST
    @Path("/{sessionId}/follow-up")
    @Operation(operationId = "sendFollowUp", summary = "Send the follow-up email after the session, as the organizer only (TRN-3)")
    @APIResponse(responseCode = "200", description = "sent")
    public Uni<Response> followUp(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                                  @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency,
                                  @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return act(accountId, sessionId, bearer, consistency, correlationId,
                caller -> new TrainingCommand.SendFollowUp(caller.memberId(), caller.mayHost(), now)).map(TrainingSessionResource::view);
    }

    @GET
    @Path("/{sessionId}/report")
    @Operation(operationId = "getTrainingReport", summary = "The session's report, for the organizer only: co-organizers do not have it (TRN-3)")
    @APIResponse(responseCode = "200", description = "the report")
    public Uni<Report> report(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                              @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency) {
        return organizers(accountId, sessionId, bearer, consistency, "reports").map(s -> new Report(s.sessionId(), s.organizer(),
                List.copyOf(s.coOrganizers()), s.started(), s.ended(), s.participants(), s.recordings(), s.followUpSent()));
    }

    @GET
    @Path("/{sessionId}/recordings")
    @Operation(operationId = "listRecordings", summary = "The session's recordings archive, for the organizer only: co-organizers do not have it (TRN-3)")
    @APIResponse(responseCode = "200", description = "the recordings")
    public Uni<Recordings> recordings(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
                                      @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency) {
        return organizers(accountId, sessionId, bearer, consistency, "recordings archive")
                .map(s -> new Recordings(s.sessionId(), s.recordings(), s.recording()));
    }

    private Uni<TrainingSession> organizers(UUID accountId, UUID sessionId, String bearer, String consistency, String feature) {
        return host(accountId, bearer, consistency)
                .chain(me -> streams.loadIn(TrainingSessions.AGGREGATE, accountId, TrainingSessions.stream(sessionId)).map(loaded -> {
                    TrainingDecider.afterSession(loaded.state(), me.memberId(), me.allowed(), feature);
                    return loaded.state();
                }));
    }

    /**
     * Hosting is asked first: a member who may not host is refused for that (TRN-3) by the decider, whatever else
     * they may not read (an observer reads no session settings, USR-11).
     */
    private Uni<Caller> caller(UUID accountId, String bearer, String consistency) {
        return host(accountId, bearer, consistency).chain(host -> host.allowed()
                ? permissions.settings(accountId, bearer, consistency).map(settings -> new Caller(host.memberId(), true, settings.coOrganizers()))
                : Uni.createFrom().item(new Caller(host.memberId(), false, false)));
    }

    /**
     * TRN-1, TRN-3: whether the caller may host now, asked at every host action. Asked account-wide, not of
     * {@code session:<id>}: who organizes and co-organizes the session is its own stream's to say, strongly consistent,
     * while the read model's copy of the session may not have the write the client just made.
     */
    private Uni<PermissionService.Check> host(UUID accountId, String bearer, String consistency) {
        return permissions.check(accountId, bearer, consistency, "me", "training.session.host", null);
    }

    private Uni<Done<TrainingSession, TrainingEvent>> act(UUID accountId, UUID sessionId, String bearer, String consistency,
                                                                          String correlationId, Function<Caller, TrainingCommand> command) {
        return caller(accountId, bearer, consistency).chain(caller -> run(accountId, sessionId, caller.memberId(), correlationId, command.apply(caller)));
    }

    /** As {@link #act}, for a command naming someone in the session: whether a member named may still host (TRN-3). */
    private Uni<Done<TrainingSession, TrainingEvent>> actOn(UUID accountId, UUID sessionId, String bearer, String consistency,
                                                                            String correlationId, Actor to,
                                                                            BiFunction<Caller, Boolean, TrainingCommand> command) {
        return caller(accountId, bearer, consistency).chain(caller -> mayHost(accountId, bearer, consistency, caller, to)
                .chain(toMayHost -> run(accountId, sessionId, caller.memberId(), correlationId, command.apply(caller, toMayHost))));
    }

    /**
     * TRN-3: a member made presenter or given control is asked about like the caller ({@code training.session.host}).
     * Not asked of participants (never hosts), nor while the caller may not host: the session refuses the caller first.
     * A member the permission-service does not know may not host, and is refused as not in the session (TRN-4, TRN-5).
     */
    private Uni<Boolean> mayHost(UUID accountId, String bearer, String consistency, Caller caller, Actor to) {
        if (to.kind() != Actor.Kind.MEMBER || !caller.mayHost() || to.id().equals(caller.memberId())) {
            return Uni.createFrom().item(caller.mayHost());
        }
        return permissions.check(accountId, bearer, consistency, to.id().toString(), "training.session.host", null)
                .map(PermissionService.Check::allowed)
                .onFailure(f -> f instanceof ProblemException p && p.problem().status() == 404).recoverWithItem(false);
    }

    private Uni<Done<TrainingSession, TrainingEvent>> run(UUID accountId, UUID sessionId, UUID by, String correlationId,
                                                                          TrainingCommand command) {
        return streams.execute(TrainingSessions.AGGREGATE, accountId, TrainingSessions.stream(sessionId),
                state -> TrainingDecider.decide(command, state), EventMetadata.requested(member(by), correlationId, command.now()));
    }

    /**
     * TRN-2: each co-organizer is a member of this account who may use TRAINING, asked of the permission-service in one
     * request however many are named (at most {@link TrainingDecider#MAX_CO_ORGANIZERS}), and only once the caller and
     * the list passed what the session says ({@code first}): whoever may not name them is refused before any id is
     * asked about. Not asked while the account turned co-organizers off: the session refuses any then.
     */
    private Uni<Void> mayCoOrganize(UUID accountId, String bearer, String consistency, List<UUID> named, boolean coOrganizersAllowed,
                                    Runnable first) {
        first.run();
        if (named.isEmpty() || !coOrganizersAllowed) {
            return Uni.createFrom().voidItem();
        }
        List<PermissionService.Ask> asks = named.stream().map(id -> new PermissionService.Ask(id.toString(), "module.training", null)).toList();
        return permissions.checks(accountId, bearer, consistency, asks)
                .onFailure(ProblemException.class).transform(f -> ((ProblemException) f).problem().status() == 404
                        ? Refusal.invalid("TRN-2", "coOrganizerMemberIds", "names someone who is not a member of this account") : f)
                .invoke(checks -> checks.stream().filter(check -> !check.allowed()).findFirst().ifPresent(check -> {
                    throw Refusal.invalid("TRN-2", "coOrganizerMemberIds", "member " + check.memberId() + " may not use TRAINING");
                }))
                .replaceWithVoid();
    }

    private static Response view(Done<TrainingSession, TrainingEvent> done) {
        return SessionApi.ok(done, SessionView.of(done.state()));
    }

    private static List<UUID> ids(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(value -> {
            UUID id = uuid("coOrganizerMemberIds", value);
            if (id == null) {
                throw Refusal.invalid("TRN-2", "coOrganizerMemberIds", "holds a blank member id");
            }
            return id;
        }).toList();
    }

    /** The body naming someone in the session, for members and participants alike. */
    static Actor actor(ActorBody body, String rule) {
        required(body);
        Actor.Kind kind = Arrays.stream(Actor.Kind.values()).filter(k -> k.name().equals(body.kind())).findFirst()
                .orElseThrow(() -> Refusal.invalid(rule, "kind", "must be one of " + Arrays.toString(Actor.Kind.values())));
        UUID id = uuid("id", body.id());
        if (id == null) {
            throw Refusal.invalid(rule, "id", "is required");
        }
        return new Actor(kind, id);
    }
}
