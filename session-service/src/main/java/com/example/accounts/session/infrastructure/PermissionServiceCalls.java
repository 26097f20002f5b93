package com.example.accounts.session.infrastructure;

import com.example.accounts.contract.EventJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.util.function.Supplier;

/**
 * Every call to the permission-service, bounded: a deadline for the whole call, connect to last byte ({@code @Timeout},
 * which a server trickling its answer cannot stretch as it stretches a read timeout), a circuit breaker that stops
 * asking a permission-service that keeps failing and lets one call through after its delay, and a bulkhead that
 * bounds the calls in flight and waiting. A failure is no answer at all, or a 5xx that is not a refusal naming its
 * rule: a 503 naming PRM-4 (not consistent yet) is an answer of a healthy service and opens nothing. The settings are
 * in application.properties ({@code quarkus.fault-tolerance."<this class>".*}); the values here are their defaults.
 */
@ApplicationScoped
public class PermissionServiceCalls {

    /** What the permission-service answered: its status and body. */
    public record Answer(int status, String body) {
    }

    /** The permission-service gave no usable answer (a 5xx naming no rule): counted as a failure. */
    public static final class Unanswered extends RuntimeException {
        private final transient Answer answer;

        Unanswered(Answer answer) {
            super("permission-service answered " + answer.status());
            this.answer = answer;
        }

        public Answer answer() {
            return answer;
        }
    }

    @Timeout(8000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 1)
    @Bulkhead(value = 64, waitingTaskQueue = 256)
    public Uni<Answer> call(Supplier<Uni<Response>> request) {
        return Uni.createFrom().<Response>deferred(request::get)
                // the client's default mapper turns a 4xx or 5xx into an exception: it is an answer all the same
                .onFailure(WebApplicationException.class).recoverWithItem(failure -> ((WebApplicationException) failure).getResponse())
                .map(response -> {
                    Answer answer = new Answer(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : null);
                    if (answer.status() >= 500 && !namesARule(answer.body())) {
                        throw new Unanswered(answer);
                    }
                    return answer;
                });
    }

    private static boolean namesARule(String body) {
        try {
            return body != null && EventJson.MAPPER.readTree(body).hasNonNull("rule");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
