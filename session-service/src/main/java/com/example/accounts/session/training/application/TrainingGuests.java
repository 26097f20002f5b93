package com.example.accounts.session.training.application;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.application.Guests;
import com.example.accounts.session.application.SessionConfig;
import com.example.accounts.session.infrastructure.GuestLimits;
import com.example.accounts.session.infrastructure.Passes;
import com.example.accounts.session.training.domain.Actor;
import com.example.accounts.session.training.domain.TrainingCommand;
import com.example.accounts.session.training.domain.TrainingDecider;
import com.example.accounts.session.training.domain.TrainingSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * A training session's participants (TRN-6): they join with the session's code, within the guest limits and the
 * budgets of wrong codes, into a session of {@code platform.training.max-participants} at most, and then act with
 * their guest key (TRN-4, TRN-5).
 */
@ApplicationScoped
public class TrainingGuests {

    public record ParticipantJoined(UUID sessionId, UUID participantId, String guestKey) {
    }

    /** The session as a participant's guest key sees it. */
    public record Participation(TrainingSession session, UUID participantId) {
    }

    private final Guests guests;
    private final TrainingSessions sessions;
    private final Passes passes;
    private final GuestLimits limits;
    private final CommandClock clock;
    private final int maxParticipants;

    public TrainingGuests(Guests guests, TrainingSessions sessions, Passes passes, GuestLimits limits, CommandClock clock,
            SessionConfig.Training training) {
        int maxParticipants = training.maxParticipants();
        if (maxParticipants < 1) {
            throw new IllegalStateException("platform.training.max-participants must be at least 1, not " + maxParticipants);
        }
        this.maxParticipants = maxParticipants;
        this.guests = guests;
        this.sessions = sessions;
        this.passes = passes;
        this.limits = limits;
        this.clock = clock;
    }

    /** TRN-6: a participant joins with the code, from {@code address}; a wrong code and an ended session are told as one. */
    public Uni<ParticipantJoined> join(String code, String participantName, String address, String correlationId) {
        long nowMillis = clock.now().toEpochMilli();
        limits.fromAddress(address, nowMillis);
        // ACC-6: the request's shape is judged before its code is looked up, so a bad name gets one answer with any code
        String name = TrainingDecider.participantName(participantName);
        GuestLimits.Guess guess = limits.guessCode(address, nowMillis);
        Instant now = Instant.ofEpochMilli(nowMillis);
        UUID participantId = UUID.randomUUID();
        AtomicReference<String> key = new AtomicReference<>();
        return passes.find(code, Passes.Kind.TRAINING_CODE).chain(found -> {
            Optional<Passes.Pass> admitting = found.filter(p -> p.expiresAt() == null || now.isBefore(p.expiresAt()));
            if (admitting.isEmpty()) {
                return guests.refusedAfterReading(TrainingSessions.AGGREGATE, TrainingSessions.stream(UUID.randomUUID()), noSuchCode());
            }
            Passes.Pass pass = admitting.get();
            limits.onSession(pass.sessionId().toString(), nowMillis);
            return sessions.join(pass, participantId, name, maxParticipants, now, correlationId, key);
        }).onFailure(Refusal.class).transform(f -> switch (((Refusal) f).kind()) {
            // an ended or vanished session is a wrong code; a full one is told so, to one who has its code (TRN-6)
            case NOT_FOUND, GONE -> noSuchCode();
            default -> f;
        })
                .map(done -> {
                    limits.admitted(guess); // only a code that admitted costs no guess: a used one spends as a wrong one does
                    return new ParticipantJoined(done.state().sessionId(), participantId, key.get());
                });
    }

    /** TRN-6: the same answer for a wrong code and for a session that ended. */
    private static Refusal noSuchCode() {
        return Refusal.notFound(RuleId.TRN_6, "this code admits no one: check it with the session's organizer");
    }

    /** TRN-6: the session of a participant's guest key, while they are in it. */
    public Uni<Participation> me(String guestKey) {
        return guests.byKey(guestKey).chain(pass -> sessions.sessionOf(pass).map(session -> {
            if (!session.participants().containsKey(pass.subjectId())) {
                throw Refusal.forbidden(RuleId.TRN_3, "you were removed from this session");
            }
            return new Participation(session, pass.subjectId());
        }));
    }

    /**
     * TRN-4, TRN-5: the participant of a guest key acts; {@code commandOf} is given them and whether the account
     * allows co-organizers, as this service keeps it.
     */
    public Uni<Participation> act(String guestKey, String correlationId, BiFunction<Actor, Boolean, TrainingCommand> commandOf) {
        return guests.byKey(guestKey).chain(pass -> sessions.actAsParticipant(pass, correlationId,
                allowed -> commandOf.apply(Actor.participant(pass.subjectId()), allowed))
                .map(done -> new Participation(done.state(), pass.subjectId())));
    }
}
