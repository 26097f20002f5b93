package com.example.accounts.permission.projection;

import com.example.accounts.contract.EventSchemas;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event type of the contract is either projected or knowingly not (PRM-1): a new type must be placed in one. */
class ProjectionContractTest {

    @Test
    void PRM1_everyContractTypeIsProjectedOrKnowinglyNot() {
        Set<String> placed = new HashSet<>(Projection.TYPES);
        placed.addAll(Projection.NOT_PROJECTED);
        assertEquals(EventSchemas.INSTANCE.types(), placed);
        Set<String> both = new HashSet<>(Projection.TYPES);
        both.retainAll(Projection.NOT_PROJECTED);
        assertTrue(both.isEmpty(), "projected and not: " + both);
    }
}
