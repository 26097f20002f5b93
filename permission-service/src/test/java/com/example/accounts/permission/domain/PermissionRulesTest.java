package com.example.accounts.permission.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermissionRulesTest {

    private static MemberFacts member(String role, boolean billing) {
        return new MemberFacts(UUID.randomUUID(), UUID.randomUUID(), role, billing, Set.of(), Set.of(), Set.of());
    }

    /** A member of an account whose plan has {@code modules}, holding {@code seats} and given {@code features}. */
    private static MemberFacts member(String role, Set<String> modules, Set<String> seats, Set<String> features) {
        return new MemberFacts(UUID.randomUUID(), UUID.randomUUID(), role, false, modules, seats, features);
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

    @Test
    void SEAT3_SEAT5_aSeatBearingModuleNeedsThePlanAndTheSeatAdminsIncluded() {
        Set<String> plan = Set.of("REMOTE_SUPPORT", "MONITORING");
        Decision adminWithoutSeat = PermissionRules.decide(member("ADMIN", plan, Set.of(), Set.of()), "module.remote-support");
        assertFalse(adminWithoutSeat.allowed());
        assertEquals(List.of("a REMOTE_SUPPORT seat"), adminWithoutSeat.missing());
        assertTrue(PermissionRules.decide(member("STANDARD", plan, Set.of("REMOTE_SUPPORT"), Set.of()), "module.remote-support").allowed());
        Decision notInPlan = PermissionRules.decide(member("ADMIN", plan, Set.of("SERVICE_DESK"), Set.of()), "module.service-desk");
        assertFalse(notInPlan.allowed());
        assertTrue(notInPlan.missing().contains("SERVICE_DESK in the plan"), notInPlan.missing().toString());
    }

    @Test
    void SEAT4_monitoringInThePlanIsOpenToEveryMemberObserversIncluded() {
        assertTrue(PermissionRules.decide(member("MONITORING_OBSERVER", Set.of("MONITORING"), Set.of(), Set.of()), "module.monitoring").allowed());
        assertFalse(PermissionRules.decide(member("ADMIN", Set.of("REMOTE_SUPPORT"), Set.of(), Set.of()), "module.monitoring").allowed());
    }

    @Test
    void FEAT1_USR3_featuresNeedTheSeatAndAreGivenToStandardMembersAndHeldByAdmins() {
        Set<String> plan = Set.of("REMOTE_SUPPORT");
        Set<String> seat = Set.of("REMOTE_SUPPORT");
        assertTrue(PermissionRules.decide(member("ADMIN", plan, seat, Set.of()), "support.remote-control").allowed());
        Decision notGiven = PermissionRules.decide(member("STANDARD", plan, seat, Set.of("FILE_TRANSFER")), "support.remote-control");
        assertFalse(notGiven.allowed());
        assertEquals(List.of("the REMOTE_CONTROL support feature"), notGiven.missing());
        assertTrue(PermissionRules.decide(member("STANDARD", plan, seat, Set.of("FILE_TRANSFER")), "support.file-transfer").allowed());
        assertFalse(PermissionRules.decide(member("STANDARD", plan, Set.of(), Set.of("FILE_TRANSFER")), "support.file-transfer").allowed(),
                "no feature without the module's seat (SEAT-3)");
    }

    @Test
    void TRN1_adminsAndStandardMembersOfATrainingAccountScheduleAndHostObserversCannot() {
        Set<String> plan = Set.of("TRAINING");
        for (String permission : List.of("training.session.schedule", "training.session.host")) {
            assertTrue(PermissionRules.decide(member("ADMIN", plan, Set.of(), Set.of()), permission).allowed());
            assertTrue(PermissionRules.decide(member("STANDARD", plan, Set.of(), Set.of()), permission).allowed());
            assertFalse(PermissionRules.decide(member("MONITORING_OBSERVER", plan, Set.of(), Set.of()), permission).allowed());
            assertFalse(PermissionRules.decide(member("ADMIN", Set.of("REMOTE_SUPPORT"), Set.of(), Set.of()), permission).allowed());
        }
    }
}
