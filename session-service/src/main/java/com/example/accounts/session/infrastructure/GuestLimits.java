package com.example.accounts.session.infrastructure;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.TooManyAttempts;
import com.example.accounts.session.application.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits of the endpoints that need no token (customer join, participant join, invite redemption): so many
 * attempts per address and per session in each window, counted in this instance (the gateway limits across
 * instances). A refusal is 429 with Retry-After and says nothing about the code or token tried.
 *
 * <p>Codes are short enough to type, so guessing them is bounded by budgets of wrong guesses too (SUP-2, TRN-6): so
 * many per address and so many from all addresses together in each of their windows. A wrong guess names no session,
 * so there is no budget per session for it. A guess is spent before the code is looked up and given back when the
 * code admits, so racing requests cannot overspend, and a spent budget refuses real and made-up codes alike. The
 * budget of all addresses, once spent, refuses every address that has already guessed wrong in its window and leaves
 * each other address its first try, up to ten times the budget: a flood of wrong codes then costs its senders one
 * guess per address and window, and does not lock out the customers who type their code right (an outsider cannot
 * stop every tenant's joins with a few hundred addresses); only a flood from more addresses than that refuses everyone.
 *
 * <p>An IPv6 address is counted by its /64, the least a single host is given. What is counted is bounded: windows
 * past their end are swept once a window, and past {@code platform.guests.max-tracked} keys the oldest go.
 */
@ApplicationScoped
public class GuestLimits {

    private static final String GLOBAL = "wrong-codes:all";
    private static final String WRONG_CODES = "wrong-codes:";
    /** How many times the budget of all addresses first tries may reach before everyone is refused. */
    static final int FIRST_TRIES_PAST_IT = 10;

    private record Window(long start, long length, int count) {
        boolean over(long now) {
            return now - start >= length;
        }
    }

    /** A guess of a code, spent from the budgets; {@link #admitted} gives it back. */
    public record Guess(String addressKey) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perAddress;
    private final int perSession;
    private final long windowMillis;
    private final int wrongCodesPerAddress;
    private final int wrongCodesGlobal;
    private final long wrongCodesWindowMillis;
    private final int maxTracked;
    private volatile long lastSweep;

    @Inject
    public GuestLimits(SessionConfig.GuestEndpoints guests) {
        this(guests.perAddress(), guests.perSession(), guests.window(), guests.wrongCodes().perAddress(),
                guests.wrongCodes().global(), guests.wrongCodes().window(), guests.maxTracked());
    }

    GuestLimits(int perAddress, int perSession, Duration window, int wrongCodesPerAddress, int wrongCodesGlobal, Duration wrongCodesWindow,
            int maxTracked) {
        this.perAddress = perAddress;
        this.perSession = perSession;
        this.windowMillis = window.toMillis();
        this.wrongCodesPerAddress = wrongCodesPerAddress;
        this.wrongCodesGlobal = wrongCodesGlobal;
        this.wrongCodesWindowMillis = wrongCodesWindow.toMillis();
        this.maxTracked = maxTracked;
    }

    /** Counts an attempt from this address; refused past the limit. */
    public void fromAddress(String address, long nowMillis) {
        count("address:" + network(address), perAddress, windowMillis, nowMillis, "from your address");
    }

    /** Counts an attempt on this session (known once the code or token was found); refused past the limit. */
    public void onSession(String sessionId, long nowMillis) {
        count("session:" + sessionId, perSession, windowMillis, nowMillis, "on this session");
    }

    /** Spends a guess of a code from this address's budget and from everyone's; refused, before any lookup, when either is spent. */
    public Guess guessCode(String address, long nowMillis) {
        String key = WRONG_CODES + network(address);
        Window before = windows.get(key);
        boolean guessedWrong = before != null && !before.over(nowMillis) && before.count() > 0;
        count(key, wrongCodesPerAddress, wrongCodesWindowMillis, nowMillis, "with codes from your address");
        try {
            // a first try is left past the budget only up to FIRST_TRIES_PAST_IT times it: a flood from more addresses
            // than that (an IPv6 /48 holds 65,536 /64s) is refused everywhere until its window is over
            count(GLOBAL, guessedWrong ? wrongCodesGlobal : (int) Math.min(Integer.MAX_VALUE, (long) wrongCodesGlobal * FIRST_TRIES_PAST_IT),
                    wrongCodesWindowMillis, nowMillis,
                    "with codes: too many wrong codes were tried");
        } catch (TooManyAttempts refused) {
            giveBack(key);
            throw refused;
        }
        return new Guess(key);
    }

    /** The code admitted: the guess was not wrong, and costs neither budget. */
    public void admitted(Guess guess) {
        giveBack(guess.addressKey());
        giveBack(GLOBAL);
    }

    /** How many keys are counted now. */
    public int tracked() {
        return windows.size();
    }

    /** What an address is counted as: an IPv6 address by its /64 (an IPv4-mapped one as its IPv4 address), any other as it is. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal with ':' is parsed, never looked up
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 4 ? InetAddress.getByAddress(bytes).getHostAddress() : HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private void giveBack(String key) {
        windows.computeIfPresent(key, (k, w) -> w.count() <= 1 ? null : new Window(w.start(), w.length(), w.count() - 1));
    }

    private void count(String key, int limit, long length, long now, String where) {
        bound(now);
        Window window = windows.compute(key,
                (k, w) -> w == null || w.over(now) ? new Window(now, length, 1) : new Window(w.start(), w.length(), w.count() + 1));
        if (window.count() > limit) {
            long retryAfter = Math.max(1, (window.start() + length - now + 999) / 1000);
            throw new TooManyAttempts(RuleId.SEC_1, retryAfter,
                    "too many attempts " + where + ": at most " + limit + " in " + length / 1000 + " s; retry in " + retryAfter + " s");
        }
    }

    /**
     * Windows past their end go once a window; past the bound, the oldest go too (a flood of new addresses then
     * resets counts of the oldest ones, never the budget of all addresses, which the sweep keeps).
     */
    private void bound(long now) {
        if (now - lastSweep >= windowMillis) {
            lastSweep = now;
            windows.values().removeIf(w -> w.over(now));
        }
        if (windows.size() >= maxTracked) {
            synchronized (this) {
                if (windows.size() >= maxTracked) {
                    windows.values().removeIf(w -> w.over(now));
                    int keep = Math.max(1, maxTracked * 9 / 10);
                    // the counts of requests go before the counts of wrong codes, the oldest first: a flood of new
                    // addresses resets what limits load sooner than what limits guessing
                    windows.entrySet().stream().filter(e -> !e.getKey().equals(GLOBAL))
                            .sorted(Comparator.comparing((Map.Entry<String, Window> e) -> e.getKey().startsWith(WRONG_CODES))
                                    .thenComparingLong(e -> e.getValue().start()))
                            .limit(Math.max(0, windows.size() - keep)).map(Map.Entry::getKey).toList()
                            .forEach(windows::remove);
                }
            }
        }
    }
}
