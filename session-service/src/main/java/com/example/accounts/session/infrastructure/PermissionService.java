package com.example.accounts.session.infrastructure;

import com.example.accounts.contract.EventJson;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.Problem;
import com.example.accounts.kit.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The permission-service, asked on the caller's behalf with the caller's own token (so it answers what the caller
 * may know, ACC-6) and the caller's consistency token (PRM-4). It fails closed: when it cannot answer (down, slow,
 * not yet consistent, stale) the request fails with a retryable 503 and nothing is allowed by default. Each call
 * goes through {@link PermissionServiceCalls}: a deadline for the whole call, a circuit breaker and a bulkhead.
 */
@ApplicationScoped
public class PermissionService {

    private static final Logger LOG = Logger.getLogger(PermissionService.class);

    /** One answer of the permission-service: the member it was about, allowed or not, and why. */
    public record Check(UUID memberId, String permission, boolean allowed, List<String> reasons, List<String> missing) {
    }

    public record Ask(String member, String permission, String resource) {
    }

    public record Policy(UUID policyId, String name, boolean enabled, Set<String> permissions) {
    }

    public record Settings(boolean serverInviteEmails, boolean coOrganizers, boolean restrictUnassignedQueueLogin, List<Policy> securityPolicies) {
        public Optional<Policy> policy(UUID id) {
            return securityPolicies.stream().filter(p -> p.policyId().equals(id)).findFirst();
        }
    }

    private final PermissionServiceClient client;
    private final PermissionServiceCalls calls;
    private final AtomicLong requests = new AtomicLong();

    public PermissionService(@RestClient PermissionServiceClient client, PermissionServiceCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    public Uni<Check> check(UUID accountId, String bearer, String consistency, String member, String permission, String resource) {
        return checks(accountId, bearer, consistency, List.of(new Ask(member, permission, resource))).map(all -> all.get(0));
    }

    /** Several checks answered from one view of the account, in order. */
    public Uni<List<Check>> checks(UUID accountId, String bearer, String consistency, List<Ask> asks) {
        ObjectNode body = EventJson.MAPPER.createObjectNode();
        ArrayNode checks = body.putArray("checks");
        asks.forEach(ask -> {
            ObjectNode check = checks.addObject().put("member", ask.member()).put("permission", ask.permission());
            if (ask.resource() != null) {
                check.put("resource", ask.resource());
            }
        });
        String consistent = present(consistency);
        return send(() -> client.checks(accountId, bearer, consistent, body.toString())).map(json -> {
            List<Check> answers = new ArrayList<>();
            for (JsonNode result : json.get("results")) {
                answers.add(new Check(UUID.fromString(result.get("memberId").asText()), result.get("permission").asText(), result.get("allowed").asBoolean(),
                        strings(result.get("reasons")), strings(result.get("missing"))));
            }
            return answers;
        });
    }

    public Uni<Settings> settings(UUID accountId, String bearer, String consistency) {
        String consistent = present(consistency);
        return send(() -> client.sessionSettings(accountId, bearer, consistent)).map(json -> {
            List<Policy> policies = new ArrayList<>();
            for (JsonNode p : json.get("securityPolicies")) {
                policies.add(new Policy(UUID.fromString(p.get("policyId").asText()), p.get("name").asText(), p.get("enabled").asBoolean(),
                        new TreeSet<>(strings(p.get("permissions")))));
            }
            return new Settings(json.get("serverInviteEmails").asBoolean(), json.get("coOrganizers").asBoolean(),
                    json.get("restrictUnassignedQueueLogin").asBoolean(), List.copyOf(policies));
        });
    }

    /** How many requests this instance has sent the permission-service: what a command costs it, one per question asked. */
    public long requests() {
        return requests.get();
    }

    private Uni<JsonNode> send(Supplier<Uni<Response>> request) {
        return calls.call(() -> request.get().onSubscription().invoke(requests::incrementAndGet))
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(failure -> {
                    LOG.warnf("permission-service did not answer: %s", failure.toString());
                    return unavailable(why(failure), RuleId.PRM_4);
                })
                .map(PermissionService::answer);
    }

    private static String present(String consistency) {
        return consistency == null || consistency.isBlank() ? null : consistency;
    }

    /** Why there is no answer, in words an operator recognizes; never the request itself (it carries the caller's token). */
    private static String why(Throwable failure) {
        return switch (failure) {
            case TimeoutException t -> "permission-service did not answer within the deadline of the whole call";
            case CircuitBreakerOpenException c -> "permission-service failed too often lately: the circuit is open, so it is not asked until its delay is over";
            case BulkheadException b -> "too many calls to the permission-service are in flight and waiting";
            case PermissionServiceCalls.Unanswered u -> "permission-service answered " + u.answer().status();
            default -> "permission-service did not answer (" + failure.getClass().getSimpleName() + ")";
        };
    }

    private static JsonNode answer(PermissionServiceCalls.Answer response) {
        int status = response.status();
        if (status == 200) {
            return read(response.body());
        }
        JsonNode problem = readQuietly(response.body());
        String reason = Response.Status.fromStatusCode(status) == null ? Integer.toString(status) : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = problem == null ? reason : problem.path("detail").asText(reason);
        // the rule the permission-service named, where it is one of the rule book's
        Optional<RuleId> rule = problem == null ? Optional.empty() : RuleId.of(problem.path("rule").asText(null));
        throw switch (status) {
            case 404 -> ProblemException.notFound("account, member or object");
            case 401 -> ProblemException.unauthorized("the identity provider's token was refused: " + detail);
            case 400 -> new ProblemException(400, RuleId.SEC_2, "Bad request", detail, fieldErrors(problem));
            case 403 -> ProblemException.forbidden(rule.orElse(RuleId.USR_11), detail);
            default -> unavailable("permission-service answered " + status + ": " + detail, rule.orElse(RuleId.PRM_4));
        };
    }

    private static ProblemException unavailable(String why, RuleId rule) {
        return new ProblemException(503, rule, "Permissions cannot be checked now",
                why + "; nothing is allowed without an answer, retry", null);
    }

    private static List<Problem.FieldError> fieldErrors(JsonNode problem) {
        if (problem == null || !problem.path("errors").isArray()) {
            return null;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(new Problem.FieldError(e.path("field").asText(), e.path("message").asText())));
        return errors;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static JsonNode read(String text) {
        try {
            return EventJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw unavailable("permission-service answered unreadable JSON", RuleId.PRM_4);
        }
    }

    private static JsonNode readQuietly(String text) {
        try {
            return text == null ? null : EventJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }

}
