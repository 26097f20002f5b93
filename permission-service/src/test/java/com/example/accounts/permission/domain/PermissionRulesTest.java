package com.example.accounts.permission.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermissionRulesTest {

    private static MemberFacts member(String role, boolean billing) {
        return new MemberFacts(UUID.randomUUID(), UUID.randomUUID(), role, billing);
    }

    /** TRN-7 / PRM-6, the rows this read model decides from role and billing contact: STANDARD, ADMIN, billing contact. */
    @Test
    void TRN7_PRM6_theRoleTableRowsOfAccountPermissions() {
        MemberFacts standard = member("STANDARD", false);
        MemberFacts admin = member("ADMIN", false);
        MemberFacts billing = member("ADMIN", true);
        String[][] rows = {
                // permission, STANDARD, ADMIN, billing contact
                {"profile.manage-own", "yes", "yes", "yes"},
                {"members.manage", "no", "yes", "yes"},
                {"groups.manage", "no", "yes", "yes"},
                {"account.settings.manage", "no", "yes", "yes"},
                {"subscription.change", "no", "no", "yes"},
                {"billing.change", "no", "no", "yes"},
        };
        for (String[] row : rows) {
            assertEquals(row[1].equals("yes"), PermissionRules.decide(standard, row[0]).allowed(), row[0] + " for STANDARD");
            assertEquals(row[2].equals("yes"), PermissionRules.decide(admin, row[0]).allowed(), row[0] + " for ADMIN");
            assertEquals(row[3].equals("yes"), PermissionRules.decide(billing, row[0]).allowed(), row[0] + " for the billing contact");
        }
    }

    @Test
    void PRM2_aDenialSaysWhatDecidedAndWhatIsMissing() {
        Decision denied = PermissionRules.decide(member("STANDARD", false), "members.manage");
        assertFalse(denied.allowed());
        assertTrue(denied.reasons().get(0).contains("role STANDARD"), denied.reasons().toString());
        assertEquals("role ADMIN", denied.missing().get(0));
        Decision allowed = PermissionRules.decide(member("ADMIN", false), "members.manage");
        assertTrue(allowed.reasons().get(0).contains("role ADMIN"));
    }

    @Test
    void USR11_observersDoNotViewAccountData() {
        assertFalse(PermissionRules.decide(member("MONITORING_OBSERVER", false), "account.view").allowed());
        assertTrue(PermissionRules.decide(member("STANDARD", false), "account.view").allowed());
    }
}
