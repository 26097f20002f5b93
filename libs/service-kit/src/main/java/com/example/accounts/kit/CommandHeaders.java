package com.example.accounts.kit;

import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.eventstore.EventMetadata;
import jakarta.ws.rs.HeaderParam;

import java.time.Instant;
import java.util.Optional;

/**
 * The headers a command comes with, taken by a resource method as one {@code @BeanParam CommandHeaders headers}:
 * {@code If-Match}, the version an edit was made on (its ETag); {@code Idempotency-Key} (SEC-3);
 * {@code Consistency-Token}, the write the command must see (PRM-4); {@code X-Correlation-Id}, which
 * {@link RequestLog} has already set on every request. Each is read as it is needed, so a request is refused for its
 * body (SEC-2) before its headers, as when every header was a parameter of its own. The OpenAPI document names, per
 * operation, only the ones that apply to it ({@link OpenApiConventions}).
 */
public record CommandHeaders(@HeaderParam(IF_MATCH) String ifMatch,
        @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
        @HeaderParam(ConsistencyToken.HEADER) String consistencyToken,
        @HeaderParam(RequestLog.CORRELATION_HEADER) String correlationId) {

    public static final String IF_MATCH = "If-Match";

    /**
     * The version If-Match names, as the ETag gave it ({@code "7"}, {@code W/"7"}); null when the caller sent none or
     * {@code *} (any version). Anything else is a 400 naming the header.
     */
    public Long expectedVersion() {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(IF_MATCH, "must be the account's ETag, e.g. \"7\"");
        }
    }

    /** SEC-3: the caller's key, fingerprinted with the request ({@code "POST /accounts/…"}) and its body; none without the header. */
    public Optional<IdempotencyKey> idempotencyKey(Caller caller, String request, Object body) {
        return IdempotencyKey.of(caller.loginId(), idempotencyKey, request, body);
    }

    /** EVT-2: the metadata of the events the command appends on the caller's behalf at {@code now}. */
    public EventMetadata requestedBy(Caller caller, Instant now) {
        return EventMetadata.requested(caller.loginId(), correlationId, now);
    }
}
