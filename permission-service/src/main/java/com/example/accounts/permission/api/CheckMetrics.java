package com.example.accounts.permission.api;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.Latencies;
import com.example.accounts.kit.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checks' meters (PRM-2, PRM-4), tagged only by what is bounded: a permission of the catalogue, allowed or
 * denied, single or batch, and a refusal's rule; never an account, a member or a token.
 *
 * <ul>
 *   <li>{@value #CHECKS} (counter): each check answered, one of a batch included, by {@code permission} and
 *   {@code outcome} ({@code allowed}, {@code denied});</li>
 *   <li>{@value #REQUESTS} (timer): a check request from its arrival to its answer, the consistency wait included,
 *   by {@code request} ({@code single}, {@code batch}), {@code outcome} ({@code answered}, {@code refused}) and
 *   {@code rule} (a refusal's rule id, else {@code none});</li>
 *   <li>{@value #WAITS} (timer): each question that carried a consistency token, for the time until the read model
 *   had applied it, by {@code outcome} ({@code applied}, {@code timeout}: the 503 PRM-4 answers).</li>
 * </ul>
 */
@ApplicationScoped
public class CheckMetrics {

    public static final String CHECKS = "platform.checks";
    public static final String REQUESTS = "platform.checks.requests";
    public static final String WAITS = "platform.consistency.waits";

    private final MeterRegistry meters;
    /** Each meter looked up in the registry once per tag set, not at every check (a batch counts each of its checks). */
    private final Map<Checked, Counter> checks = new ConcurrentHashMap<>();
    private final Map<Request, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> waits = new ConcurrentHashMap<>();

    private record Checked(String permission, String outcome) {
    }

    private record Request(String request, String outcome, String rule) {
    }

    public CheckMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void checked(String permission, boolean allowed) {
        String outcome = allowed ? "allowed" : "denied";
        checks.computeIfAbsent(new Checked(permission, outcome), tags -> Counter.builder(CHECKS).description("checks answered, by permission and outcome")
                .tag("permission", tags.permission()).tag("outcome", tags.outcome())
                .register(meters)).increment();
    }

    /** {@code answer}, timed from now (the request's arrival) to its item or failure. */
    <T> Uni<T> timed(String request, Uni<T> answer) {
        long started = System.nanoTime();
        return answer.onItemOrFailure().invoke((item, failure) -> {
            String rule = failure instanceof ProblemException problem ? problem.rule().map(RuleId::id).orElse("none") : "none";
            String outcome = failure == null ? "answered" : "refused";
            requests.computeIfAbsent(new Request(request, outcome, rule), tags -> Latencies
                    .timer(REQUESTS, "check requests from arrival to answer, the consistency wait included")
                    .tag("request", tags.request()).tag("outcome", tags.outcome()).tag("rule", tags.rule()).register(meters))
                    .record(Duration.ofNanos(System.nanoTime() - started));
        });
    }

    /** A wait for a consistency token, timed from now; {@code timedOut} tells a failure that is the bound passing. */
    <T> Uni<T> waited(Uni<T> wait, Class<? extends Throwable> timedOut) {
        long started = System.nanoTime();
        return wait.onItemOrFailure().invoke((item, failure) -> {
            if (failure == null || timedOut.isInstance(failure)) {
                String outcome = failure == null ? "applied" : "timeout";
                waits.computeIfAbsent(outcome, tagged -> Latencies
                        .timer(WAITS, "questions that carried a consistency token, until the read model applied it")
                        .tag("outcome", tagged).register(meters)).record(Duration.ofNanos(System.nanoTime() - started));
            }
        });
    }
}
