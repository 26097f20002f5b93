package com.example.accounts.kit.decider;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.command.StreamKind;
import com.example.accounts.rules.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness passes what the decider does and fails on anything else, naming what it expected and what came. */
class GivenWhenThenTest {

    record Added(int amount) {
    }

    record Add(int amount) {
    }

    /** A counter that never goes above ten (rule RuleId.SEAT_2) and takes no negative amount (RuleId.SEC_2, invalid). */
    static List<Added> decide(Add add, Integer sum) {
        if (add.amount() < 0) {
            throw Refusal.invalid(RuleId.SEC_2, "amount", "must not be negative");
        }
        if (sum + add.amount() > 10) {
            throw Refusal.conflict(RuleId.SEAT_2, "the counter stays at most 10");
        }
        return add.amount() == 0 ? List.of() : List.of(new Added(add.amount()));
    }

    static final GivenWhenThen<Integer, Add, Added> COUNTER = GivenWhenThen.of(0, (sum, added) -> sum + added.amount(), GivenWhenThenTest::decide);

    @Test
    void givenFoldsTheEventsAndThenComparesTheRecordedOnesAndGoesOnFromTheirState() {
        GivenWhenThen.Given<Integer, Add, Added> after = COUNTER.given(new Added(3), new Added(4)).when(new Add(2)).then(new Added(2));
        assertEquals(9, after.state());
        assertEquals(10, after.when(new Add(1)).then(new Added(1)).state());
        assertEquals(7, COUNTER.given(new Added(3)).given(new Added(4)).when(new Add(0)).thenNothing().state());
        assertEquals(0, COUNTER.givenNothing().state());
    }

    @Test
    void thenFailsOnOtherEventsAndOnARefusalNamingBoth() {
        AssertionError other = assertThrows(AssertionError.class, () -> COUNTER.given(new Added(3)).when(new Add(2)).as("two more").then(new Added(3)));
        assertTrue(other.getMessage().startsWith("two more\n"), other.getMessage());
        assertTrue(other.getMessage().contains("[Added[amount=2]]"), other.getMessage());
        AssertionError refused = assertThrows(AssertionError.class, () -> COUNTER.given(new Added(9)).when(new Add(2)).then(new Added(2)));
        assertTrue(refused.getMessage().contains("SEAT-2 refused it"), refused.getMessage());
        assertThrows(AssertionError.class, () -> COUNTER.given().when(new Add(1)).thenNothing());
    }

    @Test
    void thenRefusedReturnsTheRefusalOfTheRuleAndFailsOnAnotherRuleAKindOrAnAcceptance() {
        Refusal refusal = COUNTER.given(new Added(9)).when(new Add(2)).thenRefused(RuleId.SEAT_2, Refusal.Kind.CONFLICT);
        assertEquals("the counter stays at most 10", refusal.getMessage());
        assertEquals("amount", COUNTER.given().when(new Add(-1)).thenRefused(RuleId.SEC_2).field());

        AssertionError wrongRule = assertThrows(AssertionError.class, () -> COUNTER.given().when(new Add(-1)).thenRefused(RuleId.SEAT_2));
        assertTrue(wrongRule.getMessage().contains("but SEC-2 refused it"), wrongRule.getMessage());
        assertThrows(AssertionError.class, () -> COUNTER.given().when(new Add(-1)).thenRefused(RuleId.SEC_2, Refusal.Kind.CONFLICT));
        AssertionError accepted = assertThrows(AssertionError.class, () -> COUNTER.given().when(new Add(1)).thenRefused(RuleId.SEAT_2));
        assertTrue(accepted.getMessage().contains("accepted, recording [Added[amount=1]]"), accepted.getMessage());
    }

    @Test
    void aStreamKindGivesTheInitialStateAndTheEvolveThePipelineFoldsWith() {
        StreamKind<Integer, Added> kind = new StreamKind<>("counter", null, 5, (sum, added) -> sum + added.amount(), "none", "none");
        GivenWhenThen<Integer, Add, Added> counter = GivenWhenThen.of(kind, GivenWhenThenTest::decide);
        assertEquals(List.of(new Added(1)), counter.given(new Added(4)).when(new Add(1)).events());
        counter.given(new Added(4)).when(new Add(2)).thenRefused(RuleId.SEAT_2);
        assertEquals(6, counter.givenNothing().when(new Add(1)).accepted().state());
    }
}
