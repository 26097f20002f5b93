package com.example.accounts.session.infrastructure;

import com.example.accounts.kit.Problem;
import com.example.accounts.kit.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits of the endpoints that need no token (customer join, participant join, invite redemption): so many
 * attempts per address and per session in each window, counted in this instance (the gateway limits across
 * instances). A refusal is 429 with Retry-After and says nothing about the code or token tried.
 */
@ApplicationScoped
public class GuestLimits {

    private record Window(long start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perAddress;
    private final int perSession;
    private final long windowMillis;

    public GuestLimits(@ConfigProperty(name = "platform.guests.per-address") int perAddress,
                       @ConfigProperty(name = "platform.guests.per-session") int perSession,
                       @ConfigProperty(name = "platform.guests.window") Duration window) {
        this.perAddress = perAddress;
        this.perSession = perSession;
        this.windowMillis = window.toMillis();
    }

    /** Counts an attempt from this address; refused past the limit. */
    public void fromAddress(String address, long nowMillis) {
        count("address:" + address, perAddress, nowMillis, "from your address");
    }

    /** Counts an attempt on this session (known once the code or token was found); refused past the limit. */
    public void onSession(String sessionId, long nowMillis) {
        count("session:" + sessionId, perSession, nowMillis, "on this session");
    }

    private void count(String key, int limit, long now, String where) {
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> now - w.start() >= windowMillis);
        }
        Window window = windows.compute(key, (k, w) -> w == null || now - w.start() >= windowMillis ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (window.count() > limit) {
            long retryAfter = Math.max(1, (window.start() + windowMillis - now + 999) / 1000);
            throw new TooManyAttempts(retryAfter, "too many attempts " + where + ": at most " + limit + " in " + windowMillis / 1000 + " s; retry in " + retryAfter + " s");
        }
    }

    /** 429, with the seconds to wait. */
    public static final class TooManyAttempts extends ProblemException {
        private final long retryAfterSeconds;

        TooManyAttempts(long retryAfterSeconds, String detail) {
            super(429, "SEC-1", "Too many attempts", detail, (java.util.List<Problem.FieldError>) null);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
