package com.example.accounts.kit.command;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.eventstore.ConcurrencyConflict;
import com.example.accounts.kit.Latencies;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.rules.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command pipeline's meters, defined here once for every service that writes streams. Every tag is bounded: the
 * kind of stream, the command's type (its record's name, where the pipeline sees the command), the outcome and the
 * rule a refusal names; never an account, a stream id or a caller.
 *
 * <ul>
 *   <li>{@value #COMMANDS} (counter): each command once, by {@code stream}, {@code command}, {@code outcome} (one of
 *   {@code appended}, {@code unchanged}, {@code refused}, {@code precondition_failed}, {@code conflict},
 *   {@code overloaded}, {@code failed}) and {@code rule} (the refusal's rule id, else {@code none});</li>
 *   <li>{@value #CONFLICTS} (counter): groups decided again after another instance appended first, by {@code stream};</li>
 *   <li>{@value #APPEND} (timer): a group's append transaction, from its first statement to its commit, by {@code stream};</li>
 *   <li>{@value #GROUP} (distribution): how many commands one committed transaction appended, by {@code stream}.</li>
 * </ul>
 */
public final class CommandMetrics {

    public static final String COMMANDS = "platform.commands";
    public static final String CONFLICTS = "platform.commands.conflicts";
    public static final String APPEND = "platform.commands.append";
    public static final String GROUP = "platform.commands.group";

    /** The type of a command the pipeline only sees as a decision (no record to name it by). */
    static final String UNNAMED = "unnamed";
    private static final String NO_RULE = "none";

    private final MeterRegistry registry;
    /** Each meter is looked up in the registry once per tag set, not at every command: the tags are bounded, so are these maps. */
    private final Map<Outcome, Counter> commands = new ConcurrentHashMap<>();
    private final Map<String, Counter> conflicts = new ConcurrentHashMap<>();
    private final Map<String, Timer> appends = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> groups = new ConcurrentHashMap<>();

    private record Outcome(String stream, String command, String outcome, String rule) {
    }

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters kept in memory only, for a pipeline built without a service around it. */
    static CommandMetrics unregistered() {
        return new CommandMetrics(new SimpleMeterRegistry());
    }

    /** A command of a group that decided: refused ({@code refused} not null), appending, or deciding no events. */
    void answered(String stream, String command, Throwable refused, boolean appended) {
        if (refused != null) {
            failed(stream, command, refused);
        } else {
            count(stream, command, appended ? "appended" : "unchanged", NO_RULE);
        }
    }

    void overloaded(String stream) {
        count(stream, UNNAMED, "overloaded", NO_RULE);
    }

    /** A command answered with {@code failure}: a refusal naming its rule, a failed If-Match, a conflict given up on, or anything else. */
    void failed(String stream, String command, Throwable failure) {
        switch (failure) {
            case Refusal refusal -> count(stream, command, "refused", refusal.rule().id());
            case PreconditionFailed ignored -> count(stream, command, "precondition_failed", NO_RULE);
            case ConcurrencyConflict ignored -> count(stream, command, "conflict", NO_RULE);
            case ProblemException problem -> count(stream, command, "refused", problem.rule().map(RuleId::id).orElse(NO_RULE));
            default -> count(stream, command, "failed", NO_RULE);
        }
    }

    void conflictRetried(String stream) {
        conflicts.computeIfAbsent(stream, tagged -> Counter.builder(CONFLICTS)
                .description("command groups decided again after another instance appended to their stream first")
                .tag("stream", tagged).register(registry)).increment();
    }

    void committed(String stream, int commands, Duration took) {
        appends.computeIfAbsent(stream, tagged -> Latencies.timer(APPEND, "a group of commands' append transaction, commit included")
                .tag("stream", tagged).register(registry)).record(took);
        groups.computeIfAbsent(stream, tagged -> DistributionSummary.builder(GROUP).description("commands appended by one transaction (group commit)")
                .tag("stream", tagged)
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(64.0)
                .register(registry)).record(commands);
    }

    private void count(String stream, String command, String outcome, String rule) {
        commands.computeIfAbsent(new Outcome(stream, command, outcome, rule), tags -> Counter.builder(COMMANDS)
                .description("commands by stream, type and outcome (a refusal with the rule it names)")
                .tag("stream", tags.stream()).tag("command", tags.command()).tag("outcome", tags.outcome()).tag("rule", tags.rule())
                .register(registry)).increment();
    }
}
