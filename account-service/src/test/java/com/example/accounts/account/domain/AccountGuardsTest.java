package com.example.accounts.account.domain;

import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.rules.Refusal;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/** {@link AccountGuards}: the checks every family of rules makes first. */
class AccountGuardsTest extends AcmeAccount {

    @Test
    void ACC6_aCallerOutsideTheAccountFindsNothing() {
        given().when(new AddMember("login-stranger", UUID.randomUUID(), "login-new", true, "Cy", "cy@acme.test", Role.STANDARD, null, null, null, NOW))
                .thenRefused(RuleId.ACC_6, Refusal.Kind.NOT_FOUND);
    }
}
