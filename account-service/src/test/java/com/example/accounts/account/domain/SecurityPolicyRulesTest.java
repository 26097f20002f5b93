package com.example.accounts.account.domain;

import com.example.accounts.account.domain.AccountCommand.ChangeSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.DefineSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.SetSecurityPolicyEnabled;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyChanged;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyDefined;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyDisabled;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyEnabled;
import com.example.accounts.contract.vocabulary.PolicyPermission;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.decider.GivenWhenThen.Given;
import com.example.accounts.rules.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@link SecurityPolicyRules} (INV-6): what an invited external technician may do. */
class SecurityPolicyRulesTest extends AcmeAccount {

    @Test
    void INV6_fullAdminsDefineEditDisableAndEnablePoliciesWithUniqueNames() {
        member("lia", Role.LIMITED_ADMIN);
        UUID viewOnly = UUID.randomUUID();
        Given<Account, AccountCommand, AccountEvent> acme = given().when(new DefineSecurityPolicy("ada", viewOnly, " View only ", "Look, do not touch ",
                List.of(PolicyPermission.CHAT, PolicyPermission.VIEW_SCREEN, PolicyPermission.CHAT), NOW))
                .then(new SecurityPolicyDefined(viewOnly, "View only", "Look, do not touch", List.of(PolicyPermission.VIEW_SCREEN, PolicyPermission.CHAT)));

        Refusal twin = acme.when(new DefineSecurityPolicy("ada", UUID.randomUUID(), "VIEW ONLY", "", List.of(), NOW)).thenRefused(RuleId.INV_6);
        assertEquals("name", twin.field());
        acme.when(new DefineSecurityPolicy("lia", UUID.randomUUID(), "Full", "", List.of(), NOW)).as("limited admins may not").thenRefused(RuleId.INV_6);
        assertEquals("permissions", acme.when(new DefineSecurityPolicy("ada", UUID.randomUUID(), "Full", "", null, NOW)).thenRefused(RuleId.INV_6).field());
        assertEquals("description", acme.when(new DefineSecurityPolicy("ada", UUID.randomUUID(), "Full", "x".repeat(501), List.of(), NOW))
                .thenRefused(RuleId.INV_6).field());

        acme = acme
                .when(new ChangeSecurityPolicy("ada", viewOnly, "View and control", null,
                        List.of(PolicyPermission.REMOTE_CONTROL, PolicyPermission.VIEW_SCREEN), NOW))
                .then(new SecurityPolicyChanged(viewOnly, "View and control", "", List.of(PolicyPermission.VIEW_SCREEN, PolicyPermission.REMOTE_CONTROL)))
                .when(new SetSecurityPolicyEnabled("ada", viewOnly, false, NOW)).then(new SecurityPolicyDisabled(viewOnly));
        assertFalse(acme.state().securityPolicies().get(viewOnly).enabled());
        acme.when(new SetSecurityPolicyEnabled("ada", viewOnly, false, NOW)).thenNothing()
                .when(new SetSecurityPolicyEnabled("ada", viewOnly, true, NOW)).then(new SecurityPolicyEnabled(viewOnly))
                .when(new SetSecurityPolicyEnabled("ada", UUID.randomUUID(), false, NOW)).thenRefused(RuleId.ACC_6);
    }
}
