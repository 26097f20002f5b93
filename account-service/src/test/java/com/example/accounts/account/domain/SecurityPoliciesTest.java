package com.example.accounts.account.domain;

import com.example.accounts.rules.Refusal;
import com.example.accounts.account.domain.AccountCommand.ChangeSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.DefineSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.SetSecurityPolicyEnabled;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyChanged;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyDefined;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyDisabled;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyEnabled;
import com.example.accounts.account.domain.Vocabulary.PolicyPermission;
import com.example.accounts.account.domain.Vocabulary.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** INV-6: security policies, given events, when a command, then events or the rule that refuses it. */
class SecurityPoliciesTest extends AcmeRules {

    @Test
    void INV6_fullAdminsDefineEditDisableAndEnablePoliciesWithUniqueNames() {
        member("lia", Role.LIMITED_ADMIN);
        UUID viewOnly = UUID.randomUUID();
        assertEquals(List.of(new SecurityPolicyDefined(viewOnly, "View only", "Look, do not touch", List.of(PolicyPermission.VIEW_SCREEN, PolicyPermission.CHAT))),
                then(new DefineSecurityPolicy("ada", viewOnly, " View only ", "Look, do not touch ",
                        List.of(PolicyPermission.CHAT, PolicyPermission.VIEW_SCREEN, PolicyPermission.CHAT), NOW)));

        Refusal twin = refused(new DefineSecurityPolicy("ada", UUID.randomUUID(), "VIEW ONLY", "", List.of(), NOW));
        assertEquals("INV-6", twin.rule());
        assertEquals("name", twin.field());
        assertEquals("INV-6", refused(new DefineSecurityPolicy("lia", UUID.randomUUID(), "Full", "", List.of(), NOW)).rule(), "limited admins may not");
        assertEquals("permissions", refused(new DefineSecurityPolicy("ada", UUID.randomUUID(), "Full", "", null, NOW)).field());
        assertEquals("description", refused(new DefineSecurityPolicy("ada", UUID.randomUUID(), "Full", "x".repeat(501), List.of(), NOW)).field());

        assertEquals(List.of(new SecurityPolicyChanged(viewOnly, "View and control", "", List.of(PolicyPermission.VIEW_SCREEN, PolicyPermission.REMOTE_CONTROL))),
                then(new ChangeSecurityPolicy("ada", viewOnly, "View and control", null, List.of(PolicyPermission.REMOTE_CONTROL, PolicyPermission.VIEW_SCREEN), NOW)));
        assertEquals(List.of(new SecurityPolicyDisabled(viewOnly)), then(new SetSecurityPolicyEnabled("ada", viewOnly, false, NOW)));
        assertFalse(state.securityPolicies().get(viewOnly).enabled());
        assertEquals(List.of(), then(new SetSecurityPolicyEnabled("ada", viewOnly, false, NOW)));
        assertEquals(List.of(new SecurityPolicyEnabled(viewOnly)), then(new SetSecurityPolicyEnabled("ada", viewOnly, true, NOW)));
        assertEquals("ACC-6", refused(new SetSecurityPolicyEnabled("ada", UUID.randomUUID(), false, NOW)).rule());
    }
}
