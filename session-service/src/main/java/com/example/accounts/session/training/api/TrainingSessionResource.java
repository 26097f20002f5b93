// Over 300 lines: the training session's 14 operations, each a few lines of HTTP translation under its OpenAPI annotations; the rules are in training/domain and training/application.
package com.example.accounts.session.training.api;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.CommandAnswer;
import com.example.accounts.kit.CommandHeaders;
import com.example.accounts.kit.Idempotent;
import com.example.accounts.kit.RequestShape;
import com.example.accounts.kit.RequestShape.Max;
import com.example.accounts.kit.command.Done;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.application.MemberRequest;
import com.example.accounts.session.application.SessionConfig;
import com.example.accounts.session.training.application.TrainingSessions;
import com.example.accounts.session.training.domain.Actor;
import com.example.accounts.session.training.domain.TrainingCommand;
import com.example.accounts.session.training.domain.TrainingDecider;
import com.example.accounts.session.training.domain.TrainingEvent;
import com.example.accounts.session.training.domain.TrainingSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.example.accounts.kit.RequestShape.required;
import static com.example.accounts.kit.RequestShape.uuid;

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

    public record CoOrganizersBody(@Max(value = TrainingDecider.MAX_CO_ORGANIZERS, each = RequestShape.ID) List<String> coOrganizerMemberIds) {
    }

    /** Someone in the session: {@code kind} MEMBER (organizer or co-organizer) or PARTICIPANT. */
    public record ActorBody(@Max(RequestShape.WORD) String kind, @Max(RequestShape.ID) String id) {
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

    private final TrainingSessions sessions;
    private final URI publicUrl;

    public TrainingSessionResource(TrainingSessions sessions, SessionConfig.PublicUrl publicUrl) {
        this.sessions = sessions;
        this.publicUrl = publicUrl.value();
    }

    private static MemberRequest request(UUID accountId, String bearer, String consistency, String correlationId) {
        return new MemberRequest(accountId, bearer, consistency, correlationId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scheduleTrainingSession",
            summary = "Schedule a training session as its organizer, with co-organizers unless the account turned them off (TRN-1, TRN-2)")
    @APIResponse(responseCode = "201", description = "scheduled: the participants' join code and link (TRN-6)")
    @APIResponse(responseCode = "422", description = "a co-organizer is not a member who may use TRAINING, is named twice or is the organizer, "
            + "or the account turned co-organizers off (TRN-2)")
    @Idempotent(secret = {"joinCode", "joinUrl"})
    public Uni<Response> schedule(@PathParam("accountId") UUID accountId, CoOrganizersBody body, @HeaderParam("Authorization") String bearer,
            @BeanParam CommandHeaders headers) {
        RequestShape.check(body);
        List<UUID> named = ids(body == null ? null : body.coOrganizerMemberIds());
        return sessions.schedule(MemberRequest.of(accountId, bearer, headers), named).map(scheduled -> {
            TrainingSession s = scheduled.done().state();
            return CommandAnswer.created(URI.create("/accounts/" + accountId + "/training-sessions/" + s.sessionId()),
                    new Scheduled(s.sessionId(), s.organizer(), List.copyOf(s.coOrganizers()), scheduled.code(),
                            publicUrl + "/guest/training-sessions/join?code=" + scheduled.code()))
                    .written(scheduled.done()).response();
        });
    }

    @GET
    @Path("/{sessionId}")
    @Operation(operationId = "getTrainingSession",
            summary = "A training session as its account's members who may use TRAINING see it: hosts, participants, presenter, "
                    + "keyboard control (USR-11, SEAT-3)")
    @APIResponse(responseCode = "200", description = "the session")
    public Uni<SessionView> get(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency) {
        return sessions.session(request(accountId, bearer, consistency, null), sessionId).map(SessionView::of);
    }

    @PUT
    @Path("/{sessionId}/co-organizers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeCoOrganizers", summary = "Name the co-organizers, whole, as the organizer, before or during the session (TRN-2)")
    @APIResponse(responseCode = "200", description = "the session with its co-organizers")
    @APIResponse(responseCode = "422", description = "a co-organizer is not a member who may use TRAINING, or the account turned co-organizers off (TRN-2)")
    public Uni<Response> coOrganizers(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, CoOrganizersBody body,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        required(body);
        List<UUID> named = ids(body.coOrganizerMemberIds());
        return sessions.changeCoOrganizers(MemberRequest.of(accountId, bearer, headers), sessionId, named).map(TrainingSessionResource::view);
    }

    @POST
    @Path("/{sessionId}/start")
    @Operation(operationId = "startTrainingSession",
            summary = "Start the session, as the organizer or a co-organizer; the organizer presents first (TRN-3, TRN-4)")
    @APIResponse(responseCode = "200", description = "started")
    public Uni<Response> start(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        return sessions.act(MemberRequest.of(accountId, bearer, headers), sessionId,
                host -> new TrainingCommand.Start(host.memberId(), host.mayHost(), host.coOrganizersAllowed(), host.now())).map(TrainingSessionResource::view);
    }

    @POST
    @Path("/{sessionId}/recording/start")
    @Operation(operationId = "startRecording", summary = "Start recording the started session, as the organizer or a co-organizer (TRN-3)")
    @APIResponse(responseCode = "200", description = "recording")
    public Uni<Response> startRecording(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        return sessions.act(MemberRequest.of(accountId, bearer, headers), sessionId,
                host -> new TrainingCommand.StartRecording(host.memberId(), host.mayHost(), host.coOrganizersAllowed(), host.now()))
                .map(TrainingSessionResource::view);
    }

    @POST
    @Path("/{sessionId}/recording/stop")
    @Operation(operationId = "stopRecording",
            summary = "Stop recording, as the organizer or a co-organizer; the recording goes to the organizer's archive (TRN-3)")
    @APIResponse(responseCode = "200", description = "not recording")
    public Uni<Response> stopRecording(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        return sessions.act(MemberRequest.of(accountId, bearer, headers), sessionId,
                host -> new TrainingCommand.StopRecording(host.memberId(), host.mayHost(), host.coOrganizersAllowed(), host.now()))
                .map(TrainingSessionResource::view);
    }

    @POST
    @Path("/{sessionId}/end")
    @Operation(operationId = "endTrainingSession", summary = "End the session, as the organizer or a co-organizer; a recording under way stops (TRN-3)")
    @APIResponse(responseCode = "200", description = "ended")
    public Uni<Response> end(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        return sessions.act(MemberRequest.of(accountId, bearer, headers), sessionId,
                host -> new TrainingCommand.End(host.memberId(), host.mayHost(), host.coOrganizersAllowed(), host.now())).map(TrainingSessionResource::view);
    }

    @DELETE
    @Path("/{sessionId}/participants/{participantId}")
    @Operation(operationId = "removeParticipant",
            summary = "Remove a participant, as the organizer or a co-organizer (TRN-3); their roles go back to the organizer (TRN-4, TRN-5)")
    @APIResponse(responseCode = "204", description = "removed")
    public Uni<Response> removeParticipant(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @PathParam("participantId") UUID participantId, @HeaderParam("Authorization") String bearer,
            @BeanParam CommandHeaders headers) {
        return sessions.act(MemberRequest.of(accountId, bearer, headers), sessionId,
                host -> new TrainingCommand.RemoveParticipant(host.memberId(), participantId, host.mayHost(),
                        host.coOrganizersAllowed(), host.now()))
                .map(done -> CommandAnswer.noContent().written(done).response());
    }

    @POST
    @Path("/{sessionId}/presenter")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changePresenter",
            summary = "Pass the presenter role to the organizer, a co-organizer or a participant, as the presenter or a host (TRN-4); keyboard control ends (TRN-5)")
    @APIResponse(responseCode = "200", description = "the session with its presenter")
    public Uni<Response> presenter(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, ActorBody body,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        Actor to = actor(body, RuleId.TRN_4);
        return sessions.actOn(MemberRequest.of(accountId, bearer, headers), sessionId, to,
                (host, toMayHost) -> new TrainingCommand.ChangePresenter(Actor.member(host.memberId()), to,
                        host.mayHost(), host.coOrganizersAllowed(), toMayHost, host.now()))
                .map(TrainingSessionResource::view);
    }

    @POST
    @Path("/{sessionId}/keyboard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "giveKeyboard", summary = "Give keyboard and mouse control to an organizer or participant, as the presenter (TRN-5)")
    @APIResponse(responseCode = "200", description = "the session with who has control")
    public Uni<Response> giveKeyboard(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId, ActorBody body,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        Actor to = actor(body, RuleId.TRN_5);
        return sessions.actOn(MemberRequest.of(accountId, bearer, headers), sessionId, to,
                (host, toMayHost) -> new TrainingCommand.GiveKeyboard(Actor.member(host.memberId()), to,
                        host.mayHost(), host.coOrganizersAllowed(), toMayHost, host.now()))
                .map(TrainingSessionResource::view);
    }

    @DELETE
    @Path("/{sessionId}/keyboard")
    @Operation(operationId = "takeBackKeyboard", summary = "Take keyboard and mouse control back, as the presenter (TRN-5)")
    @APIResponse(responseCode = "204", description = "taken back")
    public Uni<Response> takeBackKeyboard(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        return sessions.act(MemberRequest.of(accountId, bearer, headers), sessionId,
                host -> new TrainingCommand.TakeBackKeyboard(Actor.member(host.memberId()), host.mayHost(),
                        host.coOrganizersAllowed(), host.now()))
                .map(done -> CommandAnswer.noContent().written(done).response());
    }

    @POST
    @Path("/{sessionId}/follow-up")
    @Operation(operationId = "sendFollowUp", summary = "Send the follow-up email after the session, as the organizer only (TRN-3)")
    @APIResponse(responseCode = "200", description = "sent")
    public Uni<Response> followUp(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @BeanParam CommandHeaders headers) {
        return sessions
                .act(MemberRequest.of(accountId, bearer, headers), sessionId,
                        host -> new TrainingCommand.SendFollowUp(host.memberId(), host.mayHost(), host.now()))
                .map(TrainingSessionResource::view);
    }

    @GET
    @Path("/{sessionId}/report")
    @Operation(operationId = "getTrainingReport", summary = "The session's report, for the organizer only: co-organizers do not have it (TRN-3)")
    @APIResponse(responseCode = "200", description = "the report")
    public Uni<Report> report(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency) {
        return sessions.forOrganizer(request(accountId, bearer, consistency, null), sessionId, "reports").map(s -> new Report(s.sessionId(), s.organizer(),
                List.copyOf(s.coOrganizers()), s.started(), s.ended(), s.participants(), s.recordings(), s.followUpSent()));
    }

    @GET
    @Path("/{sessionId}/recordings")
    @Operation(operationId = "listRecordings", summary = "The session's recordings archive, for the organizer only: co-organizers do not have it (TRN-3)")
    @APIResponse(responseCode = "200", description = "the recordings")
    public Uni<Recordings> recordings(@PathParam("accountId") UUID accountId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam("Authorization") String bearer, @HeaderParam(ConsistencyToken.HEADER) String consistency) {
        return sessions.forOrganizer(request(accountId, bearer, consistency, null), sessionId, "recordings archive")
                .map(s -> new Recordings(s.sessionId(), s.recordings(), s.recording()));
    }

    private static Response view(Done<TrainingSession, TrainingEvent> done) {
        return CommandAnswer.ok(SessionView.of(done.state())).written(done).response();
    }

    private static List<UUID> ids(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(value -> {
            UUID id = uuid("coOrganizerMemberIds", value);
            if (id == null) {
                throw Refusal.invalid(RuleId.TRN_2, "coOrganizerMemberIds", "holds a blank member id");
            }
            return id;
        }).toList();
    }

    /** The body naming someone in the session, for members and participants alike. */
    static Actor actor(ActorBody body, RuleId rule) {
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
