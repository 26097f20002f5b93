package com.example.accounts.session.training.api;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.session.api.GuestApi;
import com.example.accounts.session.training.application.TrainingGuests;
import com.example.accounts.session.training.domain.Actor;
import com.example.accounts.session.training.domain.TrainingCommand;
import com.example.accounts.session.training.domain.TrainingSession;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import static com.example.accounts.kit.RequestShape.required;
import static com.example.accounts.session.api.GuestApi.GUEST_KEY;
import static com.example.accounts.session.api.GuestApi.address;

/**
 * A training session's participants, who have no account and no token (TRN-6): they join with the session's code
 * and then act with the guest key they were given, as presenter when passed the role (TRN-4, TRN-5). Joining is
 * rate limited per address and per session, and codes guessed within budgets of wrong codes; a wrong code says
 * nothing about which codes exist, in status, body or time, and a session holds
 * {@code platform.training.max-participants} at most.
 */
@Path("/guest/training-sessions")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "429", description = "too many attempts from this address or on this session, or too many wrong codes from this "
        + "address or from all; Retry-After says when to try again")
public class TrainingGuestResource {

    /** TRN-6: what a participant does in a session. */
    static final List<String> MAY = List.of("VIEW_PRESENTER_SCREEN", "CHAT", "DRAWING_TOOLS", "VIEW_PARTICIPANT_LIST");

    /**
     * TRN-3: whether a member made presenter or given control may still host is asked of the permission-service with
     * the caller's own token, and a participant has none (SEC-1): on this path it is not asked. A member's own request
     * asks it about the member they name.
     */
    private static final boolean TARGET_HOSTING_NOT_ASKED = true;

    public record JoinBody(String code, String name) {
    }

    public record Joined(UUID sessionId, UUID participantId, String guestKey) {
    }

    public record ParticipantView(UUID sessionId, UUID participantId, String name, boolean started, boolean ended, Actor presenter,
            Actor keyboard, Map<UUID, String> participants, List<String> may) {
        static ParticipantView of(TrainingGuests.Participation participation) {
            TrainingSession s = participation.session();
            UUID participantId = participation.participantId();
            return new ParticipantView(s.sessionId(), participantId, s.participants().get(participantId), s.started(), s.ended(), s.presenter(),
                    s.keyboard(), s.participants(), s.ended() ? List.of() : MAY);
        }
    }

    private final TrainingGuests guests;
    private final CommandClock clock;

    public TrainingGuestResource(TrainingGuests guests, CommandClock clock) {
        this.guests = guests;
        this.clock = clock;
    }

    @GET
    @Path("/join")
    @Operation(operationId = "getTrainingSessionJoinLanding",
            summary = "Where a participant's join link lands: how to join with its code, without using it (TRN-6)")
    @APIResponse(responseCode = "200", description = "the request that joins")
    public GuestApi.JoinLanding participantLanding(@QueryParam("code") String code) {
        return GuestApi.landing(code, "/guest/training-sessions/join", "name", "your name, as the others will see it");
    }

    @POST
    @Path("/join")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "joinTrainingSession",
            summary = "Join a training session as a participant with its code and a name, with no account, before or during it (TRN-6)")
    @APIResponse(responseCode = "200", description = "joined: the guest key for what the participant does next")
    @APIResponse(responseCode = "404", description = "the code admits no one: wrong, lapsed, or its session ended, without saying which (TRN-6)")
    @APIResponse(responseCode = "409", description = "the session is full: it holds platform.training.max-participants at most (TRN-6)")
    @APIResponse(responseCode = "422", description = "no name, or a name too long, whatever the code (TRN-6)")
    public Uni<Joined> join(JoinBody body, @Context HttpServerRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        required(body);
        return guests.join(body.code(), body.name(), address(request), correlationId)
                .map(joined -> new Joined(joined.sessionId(), joined.participantId(), joined.guestKey()));
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMyParticipation",
            summary = "As a participant (Guest-Key): the presenter, the participants and what a participant may do (TRN-6)")
    @APIResponse(responseCode = "200", description = "the session as the participant sees it")
    public Uni<ParticipantView> me(@HeaderParam(GUEST_KEY) String guestKey) {
        return guests.me(guestKey).map(ParticipantView::of);
    }

    @POST
    @Path("/presenter")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "passPresenterAsParticipant", summary = "As the presenting participant (Guest-Key), pass the presenter role on (TRN-4)")
    @APIResponse(responseCode = "200", description = "the session with its presenter")
    public Uni<ParticipantView> presenter(TrainingSessionResource.ActorBody body, @HeaderParam(GUEST_KEY) String guestKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Actor to = TrainingSessionResource.actor(body, RuleId.TRN_4);
        Instant now = clock.now();
        return run(guestKey, correlationId, (participant, allowed) -> new TrainingCommand.ChangePresenter(participant, to, false, allowed,
                TARGET_HOSTING_NOT_ASKED, now));
    }

    @POST
    @Path("/keyboard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "giveKeyboardAsParticipant",
            summary = "As the presenting participant (Guest-Key), give keyboard and mouse control to an organizer or participant (TRN-5)")
    @APIResponse(responseCode = "200", description = "the session with who has control")
    public Uni<ParticipantView> giveKeyboard(TrainingSessionResource.ActorBody body, @HeaderParam(GUEST_KEY) String guestKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Actor to = TrainingSessionResource.actor(body, RuleId.TRN_5);
        Instant now = clock.now();
        return run(guestKey, correlationId, (participant, allowed) -> new TrainingCommand.GiveKeyboard(participant, to, false, allowed,
                TARGET_HOSTING_NOT_ASKED, now));
    }

    @DELETE
    @Path("/keyboard")
    @Operation(operationId = "takeBackKeyboardAsParticipant",
            summary = "As the presenting participant (Guest-Key), take keyboard and mouse control back (TRN-5)")
    @APIResponse(responseCode = "200", description = "taken back")
    public Uni<ParticipantView> takeBackKeyboard(@HeaderParam(GUEST_KEY) String guestKey, @HeaderParam("X-Correlation-Id") String correlationId) {
        Instant now = clock.now();
        return run(guestKey, correlationId, (participant, allowed) -> new TrainingCommand.TakeBackKeyboard(participant, false, allowed, now));
    }

    private Uni<ParticipantView> run(String guestKey, String correlationId, BiFunction<Actor, Boolean, TrainingCommand> commandOf) {
        return guests.act(guestKey, correlationId, commandOf).map(ParticipantView::of);
    }
}
