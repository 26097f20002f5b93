package com.example.accounts.kit.decider;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.command.StreamKind;
import com.example.accounts.rules.Refusal;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Given events, when a command, then the events it records or the rule that refuses it: a decider tested as the
 * pipeline runs it, with no framework. "Given" folds events with the decider's {@code evolve} from its initial state
 * (never by replaying commands); "when" calls its pure {@code decide}; "then" compares the events in order, and
 * "thenRefused" expects a {@link Refusal} naming the rule. Each step returns a new value, so one test may go on
 * from the state an accepted command left.
 *
 * <pre>{@code
 * GivenWhenThen<Account, AccountCommand, AccountEvent> account = GivenWhenThen.of(Account.INITIAL, Account::evolve, AccountDecider::decide);
 * account.given(opened, benAdded).when(new ChangeRole("ada", ben, Role.ADMIN, NOW)).then(new RoleChanged(ben, STANDARD, ADMIN), ...);
 * account.given(opened).when(new ChangeRole("ada", ada, Role.STANDARD, NOW)).thenRefused(RuleId.USR_8);
 * }</pre>
 *
 * @param <S> the state folded from events
 * @param <C> the commands the decider takes
 * @param <E> the events it records
 */
public final class GivenWhenThen<S, C, E> {

    private final S initial;
    private final BiFunction<S, E, S> evolve;
    private final BiFunction<C, S, List<E>> decide;

    private GivenWhenThen(S initial, BiFunction<S, E, S> evolve, BiFunction<C, S, List<E>> decide) {
        this.initial = initial;
        this.evolve = evolve;
        this.decide = decide;
    }

    /** The decider of {@code initial}, {@code evolve} and {@code decide} (as the kit's {@code Command.asked} calls it). */
    public static <S, C, E> GivenWhenThen<S, C, E> of(S initial, BiFunction<S, E, S> evolve, BiFunction<C, S, List<E>> decide) {
        return new GivenWhenThen<>(initial, evolve, decide);
    }

    /** The decider whose state is folded as the pipeline folds the stream {@code kind}: its initial state and its evolve. */
    public static <S, C, E> GivenWhenThen<S, C, E> of(StreamKind<S, E> kind, BiFunction<C, S, List<E>> decide) {
        return new GivenWhenThen<>(kind.initial(), kind.evolve(), decide);
    }

    /** The state these events leave, folded from the initial state. */
    @SafeVarargs
    public final Given<S, C, E> given(E... events) {
        return given(Arrays.asList(events));
    }

    public Given<S, C, E> given(List<? extends E> events) {
        return new Given<>(this, initial).given(events);
    }

    /** A stream with no events yet. */
    public Given<S, C, E> givenNothing() {
        return new Given<>(this, initial);
    }

    /** A state folded from events, which a command is decided on. */
    public static final class Given<S, C, E> {
        private final GivenWhenThen<S, C, E> decider;
        private final S state;

        private Given(GivenWhenThen<S, C, E> decider, S state) {
            this.decider = decider;
            this.state = state;
        }

        /** The state these further events leave. */
        @SafeVarargs
        public final Given<S, C, E> given(E... events) {
            return given(Arrays.asList(events));
        }

        public Given<S, C, E> given(List<? extends E> events) {
            S next = state;
            for (E event : events) {
                next = decider.evolve.apply(next, event);
            }
            return new Given<>(decider, next);
        }

        public S state() {
            return state;
        }

        public When<S, C, E> when(C command) {
            return new When<>(this, command, null);
        }
    }

    /** A command decided on a given state: its events, or the refusal it met. */
    public static final class When<S, C, E> {
        private final Given<S, C, E> given;
        private final C command;
        private final String because;

        private When(Given<S, C, E> given, C command, String because) {
            this.given = given;
            this.command = command;
            this.because = because;
        }

        /** What a failed expectation says first: why the test expects what it does. */
        public When<S, C, E> as(String why) {
            return new When<>(given, command, why);
        }

        /** The command records exactly these events, in this order; the state they leave is given to what follows. */
        @SafeVarargs
        public final Given<S, C, E> then(E... expected) {
            return then(Arrays.asList(expected));
        }

        public Given<S, C, E> then(List<? extends E> expected) {
            List<E> events = events();
            if (!events.equals(expected)) {
                throw new AssertionError(prefix() + command + "\n expected the events " + expected + "\n but it recorded " + events);
            }
            return given.given(events);
        }

        /** The command is accepted and records nothing (it asks for what already is). */
        public Given<S, C, E> thenNothing() {
            return then(List.of());
        }

        /** The command is refused by {@code rule}; the refusal is returned for its kind, field and message. */
        public Refusal thenRefused(RuleId rule) {
            List<E> events;
            try {
                events = given.decider.decide.apply(command, given.state);
            } catch (Refusal refusal) {
                if (rule != refusal.rule()) {
                    AssertionError wrong = new AssertionError(prefix() + command + "\n expected a refusal by " + rule
                            + "\n but " + refusal.rule() + " refused it: " + refusal.getMessage());
                    wrong.addSuppressed(refusal);
                    throw wrong;
                }
                return refusal;
            }
            throw new AssertionError(prefix() + command + "\n expected a refusal by " + rule + "\n but it was accepted, recording " + events);
        }

        /** The command is refused by {@code rule} as a refusal of {@code kind}. */
        public Refusal thenRefused(RuleId rule, Refusal.Kind kind) {
            Refusal refusal = thenRefused(rule);
            if (refusal.kind() != kind) {
                throw new AssertionError(prefix() + command + "\n expected " + rule + " to refuse it as " + kind + " but it was " + refusal.kind());
            }
            return refusal;
        }

        /** The events the command records, for a test that looks at some of them; a refusal fails the test. */
        public List<E> events() {
            try {
                return given.decider.decide.apply(command, given.state);
            } catch (Refusal refusal) {
                AssertionError refused = new AssertionError(prefix() + command + "\n expected it accepted, but " + refusal.rule()
                        + " refused it: " + refusal.getMessage());
                refused.addSuppressed(refusal);
                throw refused;
            }
        }

        /** The command is accepted, whatever it records; the state its events leave is given to what follows. */
        public Given<S, C, E> accepted() {
            return given.given(events());
        }

        private String prefix() {
            return (because == null ? "" : because + "\n") + "when ";
        }
    }
}
