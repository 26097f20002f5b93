package com.example.accounts.account.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The account model's names for the contract's vocabulary hold the contract's constants, in its order, and answer
 * what it answers, so the two cannot drift while the api and application still name the account model's.
 */
class VocabularyAliasTest {

    @Test
    void everyAliasHoldsTheContractsConstantsInItsOrder() {
        assertEquals(names(com.example.accounts.contract.vocabulary.Role.values()), names(Vocabulary.Role.values()));
        assertEquals(names(com.example.accounts.contract.vocabulary.Module.values()), names(Vocabulary.Module.values()));
        assertEquals(names(com.example.accounts.contract.vocabulary.SupportFeature.values()), names(Vocabulary.SupportFeature.values()));
        assertEquals(names(com.example.accounts.contract.vocabulary.CcRole.values()), names(Vocabulary.CcRole.values()));
        assertEquals(names(com.example.accounts.contract.vocabulary.QueueRole.values()), names(Vocabulary.QueueRole.values()));
        assertEquals(names(com.example.accounts.contract.vocabulary.CcPermission.values()), names(Vocabulary.CcPermission.values()));
        assertEquals(names(com.example.accounts.contract.vocabulary.PolicyPermission.values()), names(Vocabulary.PolicyPermission.values()));
    }

    @Test
    void USR3_SEAT1_ACC2_CC3_theAliasesAnswerAsTheContract() {
        for (Vocabulary.Role role : Vocabulary.Role.values()) {
            assertEquals(role.contract().admin(), role.admin(), role.name());
            assertEquals(role.contract().holdsSeats(), role.holdsSeats(), role.name());
        }
        assertEquals(List.of(Vocabulary.Role.ADMIN, Vocabulary.Role.LIMITED_ADMIN),
                Arrays.stream(Vocabulary.Role.values()).filter(Vocabulary.Role::admin).toList());
        assertEquals(List.of(Vocabulary.Module.REMOTE_SUPPORT, Vocabulary.Module.SERVICE_DESK, Vocabulary.Module.CONTACT_CENTER),
                Arrays.stream(Vocabulary.Module.values()).filter(Vocabulary.Module::seatBearing).toList());
        for (Vocabulary.CcPermission permission : Vocabulary.CcPermission.values()) {
            assertEquals(permission.contract().supervisor(), permission.supervisor(), permission.name());
        }
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
