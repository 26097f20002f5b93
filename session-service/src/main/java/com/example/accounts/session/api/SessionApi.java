package com.example.accounts.session.api;

import com.example.accounts.kit.command.StreamKind;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.application.SessionStreams;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.kit.ProblemMapper;
import com.example.accounts.session.infrastructure.GuestLimits;
import com.example.accounts.session.infrastructure.Passes;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What the session API's resources share beyond the kit's: ids in bodies, guests' keys and join links, and the guests' 429 (refusals are mapped by the kit's ProblemMapper). */
public class SessionApi {

    /** SEC-2: the most characters of an id in a body, a UUID's 36 with room for the whitespace {@link #uuid} strips. */
    public static final int ID = 64;
    /** SEC-2: the most characters of a name from a fixed list (an action, a delivery, a kind) or a client version. */
    public static final int WORD = 32;
    /** The header a guest (customer, external technician, participant) proves who they are with (SEC-1). */
    public static final String GUEST_KEY = "Guest-Key";

    /**
     * Where a join link lands (SUP-2, TRN-6): how to join with the code it carries, for the page or client that
     * follows it. It looks nothing up and spends nothing, so a link prefetcher burns no single-use code.
     */
    public record JoinLanding(String code, String method, String url, Map<String, String> body) {
    }

    public static JoinLanding landing(String code, String path, String otherField, String otherValue) {
        // twelve digits, spaces and dashes aside; a nine-digit code issued before codes were widened admits until it lapses
        String digits = code == null || code.length() > 64 ? null : Passes.digits(code);
        if (digits == null || !digits.matches("\\d{12}|\\d{9}")) {
            throw ProblemException.badRequest("code", "must be the twelve digits you were given");
        }
        return new JoinLanding(digits, "POST", path, Map.of("code", digits, otherField, otherValue));
    }

    /** The pass behind a guest key, or 401: guests prove who they are with the key they were given at the door (SEC-1). */
    public static Uni<Passes.Pass> guest(Passes passes, String guestKey) {
        return guest(passes, guestKey, null);
    }

    /** The same at {@code now}: a key past its lifetime (INV-3) admits no one, and says so as an unknown key does. */
    public static Uni<Passes.Pass> guest(Passes passes, String guestKey, Instant now) {
        if (guestKey == null || guestKey.isBlank()) {
            throw new ProblemException(401, "SEC-1", "Unauthorized", "a " + GUEST_KEY + " header (given when you joined) is required", null);
        }
        return passes.find(guestKey, Passes.Kind.GUEST_KEY).map(found -> found
                .filter(pass -> now == null || pass.expiresAt() == null || now.isBefore(pass.expiresAt()))
                .orElseThrow(() -> new ProblemException(401, "SEC-1", "Unauthorized", "this " + GUEST_KEY + " admits no one", null)));
    }

    /**
     * SUP-2, TRN-6: a wrong or lapsed code reads a session's stream ({@code anyStream}, one never written) as a real
     * one does before it is refused, so the time of the answer tells them apart no more than its status and body.
     */
    public static <T> Uni<T> refusedAfterReading(SessionStreams streams, StreamKind<?, ?> aggregate, String anyStream, Refusal refusal) {
        return streams.load(aggregate, anyStream).chain(nothing -> Uni.createFrom().failure(refusal));
    }

    /** The caller's address, as a trusted proxy forwards it: what guest rate limits count by. */
    public static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }

    @ServerExceptionMapper
    public Response tooMany(GuestLimits.TooManyAttempts tooMany) {
        Response problem = ProblemMapper.respond(tooMany.problem());
        return Response.fromResponse(problem).header("Retry-After", Long.toString(tooMany.retryAfterSeconds())).build();
    }
}
