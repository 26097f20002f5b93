package com.example.accounts.session.application;

import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.command.StreamKind;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.infrastructure.Passes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The door every guest (customer, external technician, participant) comes through, who has no account and no token
 * (SEC-1): the key they were given at the door, and a wrong code answered as a right one is. What each aggregate's
 * guests do past it is {@code SupportGuests}' and {@code TrainingGuests}'.
 */
@ApplicationScoped
public class Guests {

    /** The header a guest proves who they are with (SEC-1). */
    public static final String KEY = "Guest-Key";

    private final SessionStreams streams;
    private final Passes passes;

    public Guests(SessionStreams streams, Passes passes) {
        this.streams = streams;
        this.passes = passes;
    }

    /** A join link's code as typed: its digits, spaces and dashes aside, or null. */
    public static String digits(String code) {
        return Passes.digits(code);
    }

    /** The pass behind a guest key, or 401: guests prove who they are with the key they were given at the door (SEC-1). */
    public Uni<Passes.Pass> byKey(String guestKey) {
        return byKey(guestKey, null);
    }

    /** The same at {@code now}: a key past its lifetime (INV-3) admits no one, and says so as an unknown key does. */
    public Uni<Passes.Pass> byKey(String guestKey, Instant now) {
        if (guestKey == null || guestKey.isBlank()) {
            throw ProblemException.unauthorized("a " + KEY + " header (given when you joined) is required");
        }
        return passes.find(guestKey, Passes.Kind.GUEST_KEY).map(found -> found
                .filter(pass -> now == null || pass.expiresAt() == null || now.isBefore(pass.expiresAt()))
                .orElseThrow(() -> ProblemException.unauthorized("this " + KEY + " admits no one")));
    }

    /**
     * SUP-2, TRN-6: a wrong or lapsed code reads a session's stream ({@code anyStream}, one never written) as a real
     * one does before it is refused, so the time of the answer tells them apart no more than its status and body.
     */
    public <T> Uni<T> refusedAfterReading(StreamKind<?, ?> aggregate, String anyStream, Refusal refusal) {
        return streams.load(aggregate, anyStream).chain(nothing -> Uni.createFrom().failure(refusal));
    }
}
