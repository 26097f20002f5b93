package com.example.accounts.session.support.application;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.CommandClock;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.application.Guests;
import com.example.accounts.session.application.SessionConfig;
import com.example.accounts.session.infrastructure.GuestLimits;
import com.example.accounts.session.infrastructure.Passes;
import com.example.accounts.session.support.domain.SupportDecider;
import com.example.accounts.session.support.domain.SupportSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The support session's guests (SEC-1): customers join with a code (SUP-2), external technicians redeem an invite
 * (INV-2, INV-3) and act with their guest key (SUP-4), each within the guest limits, counted per address and per
 * session, and codes guessed within budgets of wrong codes.
 */
@ApplicationScoped
public class SupportGuests {

    static final Duration MAX_EXTERNAL_KEY_LIFETIME = Duration.ofHours(24);

    public record CustomerJoined(UUID sessionId, UUID customerId, String guestKey) {
    }

    public record Admitted(UUID sessionId, UUID externalTechnicianId, List<String> permissions, String guestKey, Instant keyExpiresAt) {
    }

    public record InviteSeen(UUID sessionId, SupportSession.Invite invite, boolean usable) {
    }

    private final Guests guests;
    private final SupportSessions sessions;
    private final SupportInvites invites;
    private final Passes passes;
    private final GuestLimits limits;
    private final CommandClock clock;
    private final Duration externalKeyLifetime;

    public SupportGuests(Guests guests, SupportSessions sessions, SupportInvites invites, Passes passes, GuestLimits limits, CommandClock clock,
            SessionConfig.GuestEndpoints guestEndpoints) {
        Duration externalKeyLifetime = guestEndpoints.externalKeyLifetime();
        // INV-3: an external technician's key is bounded; a day at most, so a forgotten key does not open the session for good
        if (externalKeyLifetime.isNegative() || externalKeyLifetime.isZero() || externalKeyLifetime.compareTo(MAX_EXTERNAL_KEY_LIFETIME) > 0) {
            throw new IllegalStateException("platform.guests.external-key-lifetime must be more than 0 and at most " + MAX_EXTERNAL_KEY_LIFETIME
                    + ", not " + externalKeyLifetime);
        }
        this.externalKeyLifetime = externalKeyLifetime;
        this.guests = guests;
        this.sessions = sessions;
        this.invites = invites;
        this.passes = passes;
        this.limits = limits;
        this.clock = clock;
    }

    /** SUP-2: a customer joins with the code, from {@code address}; a wrong, used or lapsed code is told as one. */
    public Uni<CustomerJoined> joinAsCustomer(String code, String platform, String address, String correlationId) {
        long nowMillis = clock.now().toEpochMilli();
        limits.fromAddress(address, nowMillis);
        if (platform == null || !SupportDecider.PLATFORMS.contains(platform)) {
            throw Refusal.invalid(RuleId.SUP_2, "platform", "must be one of " + SupportDecider.PLATFORMS.stream().sorted().toList());
        }
        GuestLimits.Guess guess = limits.guessCode(address, nowMillis);
        Instant now = Instant.ofEpochMilli(nowMillis);
        UUID customerId = UUID.randomUUID();
        AtomicReference<String> key = new AtomicReference<>();
        return passes.find(code, Passes.Kind.CUSTOMER_CODE).chain(found -> {
            Optional<Passes.Pass> admitting = found.filter(p -> now.isBefore(p.expiresAt()));
            if (admitting.isEmpty()) {
                return guests.refusedAfterReading(SupportSessions.AGGREGATE, SupportSessions.stream(UUID.randomUUID()), noSuchCode());
            }
            Passes.Pass pass = admitting.get();
            limits.onSession(pass.sessionId().toString(), nowMillis);
            return sessions.joinAsCustomer(pass, customerId, platform, now, correlationId, key);
        }).onFailure(Refusal.class).transform(f -> ((Refusal) f).field() != null ? f : noSuchCode())
                .map(done -> {
                    limits.admitted(guess); // only a code that admitted costs no guess: a used one spends as a wrong one does
                    return new CustomerJoined(done.state().started().sessionId(), customerId, key.get());
                });
    }

    /** SUP-2: the same answer for a wrong, used or lapsed code, and for a session that ended. */
    private static Refusal noSuchCode() {
        return Refusal.notFound(RuleId.SUP_2,
                "this code admits no one: check it with your technician (a code admits one customer and lapses unused after 20 minutes)");
    }

    /** INV-2: what an invite is for, looked at without using it. */
    public Uni<InviteSeen> inviteStatus(String token, String address) {
        long nowMillis = clock.now().toEpochMilli();
        limits.fromAddress(address, nowMillis);
        return invite(token).chain(pass -> invites.sessionOf(pass).map(session -> {
            SupportSession.Invite invite = session.invites().get(pass.subjectId());
            return new InviteSeen(pass.sessionId(), invite, invite.usable(Instant.ofEpochMilli(nowMillis), session.ended()));
        }));
    }

    /** INV-2, INV-3: an invite redeemed once, admitting an external technician with a key of a bounded lifetime. */
    public Uni<Admitted> redeem(String token, String address, String correlationId) {
        long nowMillis = clock.now().toEpochMilli();
        limits.fromAddress(address, nowMillis);
        Instant now = Instant.ofEpochMilli(nowMillis);
        Instant keyExpiresAt = now.plus(externalKeyLifetime);
        return invite(token).chain(pass -> {
            limits.onSession(pass.sessionId().toString(), nowMillis);
            return invites.redeem(pass, now, keyExpiresAt, correlationId);
        }).map(redeemed -> {
            SupportSession.Started session = redeemed.done().state().started();
            return new Admitted(session.sessionId(), redeemed.externalTechnicianId(),
                    session.externals().get(redeemed.externalTechnicianId()).permissions().stream().sorted().toList(), redeemed.guestKey(), keyExpiresAt);
        });
    }

    private Uni<Passes.Pass> invite(String token) {
        return passes.find(token, Passes.Kind.INVITE).map(found -> found.orElseThrow(() -> Refusal.notFound(RuleId.INV_2, "no invite has this URL")));
    }

    /** SUP-4: an external technician with their guest key asks for {@code action}; the session they asked in. */
    public Uni<UUID> actAsExternal(String guestKey, String action, String correlationId) {
        Instant now = clock.now();
        return guests.byKey(guestKey, now).chain(pass -> sessions.actAsExternal(pass, action, now, correlationId).map(done -> pass.sessionId()));
    }
}
