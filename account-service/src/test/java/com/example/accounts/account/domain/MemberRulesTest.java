package com.example.accounts.account.domain;

import com.example.accounts.rules.Refusal;
import com.example.accounts.account.domain.AccountCommand.AddCompany;
import com.example.accounts.account.domain.Vocabulary.GroupKind;
import com.example.accounts.account.domain.AccountCommand.AssignSupervisedGroups;
import com.example.accounts.account.domain.AccountCommand.ChangeUserGroups;
import com.example.accounts.account.domain.AccountCommand.CreateGroup;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.ChangeBillingInfo;
import com.example.accounts.account.domain.AccountCommand.ChangeCompanyAccess;
import com.example.accounts.account.domain.AccountCommand.ChangePlan;
import com.example.accounts.account.domain.AccountCommand.ChangeProfile;
import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.ChangeSettings;
import com.example.accounts.account.domain.AccountCommand.ChangeSupportFeatures;
import com.example.accounts.account.domain.AccountCommand.DeleteMember;
import com.example.accounts.account.domain.AccountCommand.HandOverBillingContact;
import com.example.accounts.account.domain.AccountCommand.ProvisionSeat;
import com.example.accounts.account.domain.AccountCommand.ReleaseSeat;
import com.example.accounts.account.domain.AccountCommand.RemoveCompany;
import com.example.accounts.account.domain.AccountCommand.RenameCompany;
import com.example.accounts.account.domain.AccountEvent.AccountSettingsChanged;
import com.example.accounts.account.domain.AccountEvent.BillingContactChanged;
import com.example.accounts.account.domain.AccountEvent.BillingInfoChanged;
import com.example.accounts.account.domain.AccountEvent.CompanyAccessChanged;
import com.example.accounts.account.domain.AccountEvent.CompanyAdded;
import com.example.accounts.account.domain.AccountEvent.CompanyRemoved;
import com.example.accounts.account.domain.AccountEvent.CompanyRenamed;
import com.example.accounts.account.domain.AccountEvent.PlanChanged;
import com.example.accounts.account.domain.AccountEvent.RoleChanged;
import com.example.accounts.account.domain.AccountEvent.SeatProvisioned;
import com.example.accounts.account.domain.AccountEvent.SeatReleased;
import com.example.accounts.account.domain.AccountEvent.SupportFeaturesChanged;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.AccountEvent.UserDeleted;
import com.example.accounts.account.domain.AccountEvent.UserProfileChanged;
import com.example.accounts.account.domain.Vocabulary.BillingInfo;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Module;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.account.domain.Vocabulary.SupportFeature;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roles, deletion, billing contact and information, plan, settings, profiles, seats, companies, company access and features: given events, when a command, then events or the rule that refuses it. */
class MemberRulesTest extends AcmeRules {

    @Test
    void USR4_aFullAdminChangesARoleOthersMayNot() {
        UUID ben = member("ben", Role.STANDARD);
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID cy = member("cy", Role.STANDARD);

        assertEquals(List.of(new RoleChanged(ben, Role.STANDARD, Role.ADMIN), new CompanyAccessChanged(ben, CompanyAccess.ALL),
                new SupportFeaturesChanged(ben, List.of(SupportFeature.values()))), then(new ChangeRole("ada", ben, Role.ADMIN, NOW)));
        assertEquals("USR-4", refused(new ChangeRole("cy", lia, Role.STANDARD, NOW)).rule());
        // A limited admin supervises no group yet, so there is nobody it may change (USR-4).
        Refusal limited = refused(new ChangeRole("lia", cy, Role.MONITORING_OBSERVER, NOW));
        assertEquals("USR-4", limited.rule());
        assertEquals(Refusal.Kind.FORBIDDEN, limited.kind());
        assertEquals(List.of(), then(new ChangeRole("ada", ben, Role.ADMIN, NOW)), "the same role again changes nothing");
    }

    @Test
    void USR8_nobodyChangesTheirOwnRoleOrDeletesThemselves() {
        UUID ben = member("ben", Role.ADMIN);
        assertEquals("USR-8", refused(new ChangeRole("ben", ben, Role.STANDARD, NOW)).rule());
        assertEquals("USR-8", refused(new DeleteMember("ben", ben, NOW)).rule());
    }

    @Test
    void USR7_theLastAdminIsNeverDemotedOrDeleted() {
        UUID ben = member("ben", Role.ADMIN);
        UUID cy = member("cy", Role.ADMIN);
        then(new HandOverBillingContact("ada", ben, NOW));
        then(new DeleteMember("ben", ada, NOW));
        then(new ChangeRole("ben", cy, Role.STANDARD, NOW));

        assertEquals(1, state.admins());
        // cy, now STANDARD, may not; and ben cannot act on himself: the one ADMIN stays.
        assertEquals("USR-4", refused(new ChangeRole("cy", ben, Role.STANDARD, NOW)).rule());
        assertEquals("USR-8", refused(new DeleteMember("ben", ben, NOW)).rule());
    }

    @Test
    void BIL3_theBillingContactIsNotDemotedOrDeletedBeforeHandingOver() {
        UUID ben = member("ben", Role.ADMIN);
        Refusal demote = refused(new ChangeRole("ben", ada, Role.STANDARD, NOW));
        assertEquals("BIL-3", demote.rule());
        assertEquals("BIL-3", refused(new DeleteMember("ben", ada, NOW)).rule());

        then(new HandOverBillingContact("ada", ben, NOW));
        assertEquals(List.of(new RoleChanged(ada, Role.ADMIN, Role.STANDARD), new CompanyAccessChanged(ada, CompanyAccess.NONE),
                new SupportFeaturesChanged(ada, List.of())), then(new ChangeRole("ben", ada, Role.STANDARD, NOW)));
    }

    @Test
    void BIL2_BIL1_theFlagGoesToAnotherAdminInOneStepAndTheOldHolderStaysAdmin() {
        UUID ben = member("ben", Role.ADMIN);
        UUID cy = member("cy", Role.STANDARD);

        assertEquals("BIL-1", refused(new HandOverBillingContact("ada", cy, NOW)).rule());
        assertEquals("BIL-2", refused(new HandOverBillingContact("ben", ben, NOW)).rule());
        assertEquals(List.of(new BillingContactChanged(ada, ben)), then(new HandOverBillingContact("ada", ben, NOW)));
        assertEquals(ben, state.billingContact());
        assertEquals(Role.ADMIN, state.members().get(ada).role());
    }

    @Test
    void ACC3_onlyTheBillingContactChangesThePlanAndNeverBelowTheSeatsProvisioned() {
        UUID ben = member("ben", Role.ADMIN);
        then(new ProvisionSeat("ada", ada, Module.REMOTE_SUPPORT, NOW));
        then(new ProvisionSeat("ada", ben, Module.REMOTE_SUPPORT, NOW));
        Plan smaller = new Plan(List.of(Module.REMOTE_SUPPORT), List.of(new SeatCount(Module.REMOTE_SUPPORT, 1)));

        assertEquals("ACC-3", refused(new ChangePlan("ben", smaller, NOW)).rule());
        Refusal below = refused(new ChangePlan("ada", smaller, NOW));
        assertEquals("ACC-3", below.rule());
        assertEquals("REMOTE_SUPPORT: 2 seats are provisioned, the plan asks for 1; release seats first", below.getMessage());
        Refusal dropped = refused(new ChangePlan("ada", new Plan(List.of(Module.TRAINING), List.of()), NOW));
        assertTrue(dropped.getMessage().startsWith("REMOTE_SUPPORT: 2 seats are provisioned, the plan asks for 0"), dropped.getMessage());

        Plan bigger = new Plan(List.of(Module.REMOTE_SUPPORT, Module.TRAINING), List.of(new SeatCount(Module.REMOTE_SUPPORT, 5)));
        assertEquals(List.of(new PlanChanged(bigger)), then(new ChangePlan("ada", bigger, NOW)));
    }

    @Test
    void SEAT2_seatsNeverExceedThoseBoughtAndTheRefusalNamesTheCounts() {
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.STANDARD);
        assertEquals(List.of(new SeatProvisioned(ada, Module.REMOTE_SUPPORT)), then(new ProvisionSeat("ada", ada, Module.REMOTE_SUPPORT, NOW)));
        then(new ProvisionSeat("ada", ben, Module.REMOTE_SUPPORT, NOW));

        Refusal full = refused(new ProvisionSeat("ada", cy, Module.REMOTE_SUPPORT, NOW));
        assertEquals("SEAT-2", full.rule());
        assertEquals("REMOTE_SUPPORT: 2 seats bought, 2 in use", full.getMessage());
        assertEquals(List.of(), then(new ProvisionSeat("ada", ben, Module.REMOTE_SUPPORT, NOW)), "a seat held already is no second seat");
        assertEquals(List.of(new SeatReleased(ben, Module.REMOTE_SUPPORT)), then(new ReleaseSeat("ada", ben, Module.REMOTE_SUPPORT, NOW)));
        then(new ProvisionSeat("ada", cy, Module.REMOTE_SUPPORT, NOW));
    }

    @Test
    void CC1_aLimitedAdminAssignsNoContactCenterLicenceButOtherSeatsOfItsGroups() {
        Plan withContactCenter = new Plan(List.of(Module.REMOTE_SUPPORT, Module.CONTACT_CENTER),
                List.of(new SeatCount(Module.REMOTE_SUPPORT, 2), new SeatCount(Module.CONTACT_CENTER, 2)));
        then(new ChangePlan("ada", withContactCenter, NOW));
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID ben = member("ben", Role.STANDARD);
        UUID support = UUID.randomUUID();
        then(new CreateGroup("ada", GroupKind.USER, support, "Support", NOW));
        then(new ChangeUserGroups("ada", ben, List.of(support), NOW));
        then(new AssignSupervisedGroups("ada", lia, List.of(support), List.of(), NOW));

        assertEquals(List.of(new SeatProvisioned(ben, Module.REMOTE_SUPPORT)), then(new ProvisionSeat("lia", ben, Module.REMOTE_SUPPORT, NOW)));
        Refusal licence = refused(new ProvisionSeat("lia", ben, Module.CONTACT_CENTER, NOW));
        assertEquals("CC-1", licence.rule());
        assertEquals(Refusal.Kind.FORBIDDEN, licence.kind());
        then(new ProvisionSeat("ada", ben, Module.CONTACT_CENTER, NOW));
        assertEquals("CC-1", refused(new ReleaseSeat("lia", ben, Module.CONTACT_CENTER, NOW)).rule(), "nor takes one away");
        assertEquals(List.of(new SeatReleased(ben, Module.CONTACT_CENTER)), then(new ReleaseSeat("ada", ben, Module.CONTACT_CENTER, NOW)));
    }

    @Test
    void SEAT1_SEAT5_observersHoldNoSeatAndModulesOutsideThePlanTakeNone() {
        UUID olga = member("olga", Role.MONITORING_OBSERVER);
        assertEquals("SEAT-1", refused(new ProvisionSeat("ada", olga, Module.REMOTE_SUPPORT, NOW)).rule());
        assertEquals("SEAT-5", refused(new ProvisionSeat("ada", ada, Module.SERVICE_DESK, NOW)).rule());
        assertEquals("SEAT-1", refused(new ProvisionSeat("ada", ada, Module.MONITORING, NOW)).rule());
    }

    @Test
    void SEAT6_USR6_deletingOrMakingAnObserverReleasesTheSeats() {
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.STANDARD);
        then(new ProvisionSeat("ada", ben, Module.REMOTE_SUPPORT, NOW));
        then(new ProvisionSeat("ada", cy, Module.REMOTE_SUPPORT, NOW));

        assertEquals(List.of(new SeatReleased(ben, Module.REMOTE_SUPPORT), new RoleChanged(ben, Role.STANDARD, Role.MONITORING_OBSERVER)),
                then(new ChangeRole("ada", ben, Role.MONITORING_OBSERVER, NOW)));
        assertEquals(List.of(new SeatReleased(cy, Module.REMOTE_SUPPORT), new UserDeleted(cy, "cy", "cy@acme.test")),
                then(new DeleteMember("ada", cy, NOW)));
        assertEquals(0, state.seatsInUse(Module.REMOTE_SUPPORT));
        assertEquals("ACC-6", refused(new ChangeRole("ada", cy, Role.ADMIN, NOW)).rule(), "a deleted member is gone for good");
    }

    @Test
    void USR12_theEmailOfADeletedMemberCanBeAddedAgainAsANewMembership() {
        UUID ben = member("ben", Role.STANDARD);
        then(new DeleteMember("ada", ben, NOW));
        UUID again = UUID.randomUUID();
        List<AccountEvent> events = then(new AddMember("ada", again, "ben", false, "Ben", "BEN@acme.test", Role.STANDARD, null, null, null, NOW));
        assertEquals(again, ((UserAdded) events.get(0)).memberId());
        assertTrue(!again.equals(ben));
    }

    @Test
    void CMP1_fullAdminsAddRenameAndRemoveCompaniesWithNamesUniqueCaseInsensitively() {
        UUID ben = member("ben", Role.STANDARD);
        UUID globex = UUID.randomUUID();
        assertEquals(List.of(new CompanyAdded(globex, "Globex")), then(new AddCompany("ada", globex, "  Globex ", NOW)));
        UUID initech = company("Initech");

        Refusal twin = refused(new AddCompany("ada", UUID.randomUUID(), "GLOBEX", NOW));
        assertEquals("CMP-1", twin.rule());
        assertEquals(Refusal.Kind.CONFLICT, twin.kind());
        assertEquals("CMP-1", refused(new RenameCompany("ada", initech, "globex", NOW)).rule());
        assertEquals("CMP-1", refused(new AddCompany("ben", UUID.randomUUID(), "Umbrella", NOW)).rule(), "a standard member adds none");
        assertEquals("CMP-1", refused(new AddCompany("ada", UUID.randomUUID(), " ", NOW)).rule());
        assertEquals("ACC-6", refused(new RenameCompany("ada", UUID.randomUUID(), "Nowhere", NOW)).rule());

        assertEquals(List.of(new CompanyRenamed(globex, "GLOBEX Corp")), then(new RenameCompany("ada", globex, "GLOBEX Corp", NOW)));
        assertEquals(List.of(), then(new RenameCompany("ada", initech, "Initech", NOW)), "the same name again changes nothing");
        assertEquals(List.of(new CompanyRemoved(initech)), then(new RemoveCompany("ada", initech, NOW)));
        then(new AddCompany("ada", UUID.randomUUID(), "initech", NOW));
        assertEquals(ben, state.members().get(ben).memberId());
    }

    @Test
    void CMP2_removingACompanyTakesItOutOfEveryListAndAnEmptiedListReachesNone() {
        UUID globex = company("Globex");
        UUID initech = company("Initech");
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.STANDARD);
        UUID dee = member("dee", Role.MONITORING_OBSERVER);
        then(new ChangeCompanyAccess("ada", ben, new CompanyAccess(false, List.of(globex, initech)), NOW));
        then(new ChangeCompanyAccess("ada", cy, new CompanyAccess(false, List.of(globex)), NOW));
        then(new ChangeCompanyAccess("ada", dee, CompanyAccess.ALL, NOW));

        then(new RemoveCompany("ada", globex, NOW));

        assertEquals(new CompanyAccess(false, List.of(initech)), state.members().get(ben).companyAccess());
        assertEquals(CompanyAccess.NONE, state.members().get(cy).companyAccess(), "an emptied list reaches no company, never all");
        assertEquals(CompanyAccess.ALL, state.members().get(dee).companyAccess());
        assertEquals(CompanyAccess.ALL, state.members().get(ada).companyAccess());
    }

    @Test
    void CMP2_ACC6_companyAccessIsAllOrAListOfThisAccountsCompanies() {
        UUID globex = company("Globex");
        UUID ben = member("ben", Role.STANDARD);

        assertEquals(List.of(new CompanyAccessChanged(ben, new CompanyAccess(false, List.of(globex)))),
                then(new ChangeCompanyAccess("ada", ben, new CompanyAccess(false, List.of(globex, globex)), NOW)));
        assertEquals(List.of(), then(new ChangeCompanyAccess("ada", ben, new CompanyAccess(false, List.of(globex)), NOW)));
        Refusal foreign = refused(new ChangeCompanyAccess("ada", ben, new CompanyAccess(false, List.of(UUID.randomUUID())), NOW));
        assertEquals("ACC-6", foreign.rule());
        assertEquals("companyAccess.companies", foreign.field());
        assertEquals("CMP-2", refused(new ChangeCompanyAccess("ada", ben, new CompanyAccess(true, List.of(globex)), NOW)).rule());
        assertEquals("ACC-6", refused(new AddMember("ada", UUID.randomUUID(), "cy", false, "Cy", "cy@acme.test", Role.STANDARD,
                new CompanyAccess(false, List.of(UUID.randomUUID())), null, null, NOW)).rule(), "adding a member checks the list too");
    }

    @Test
    void USR3_USR4_FEAT1_onlyFullAdminsGiveFeaturesAndAccessAndNeverToAdmins() {
        UUID ben = member("ben", Role.STANDARD);
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID cy = member("cy", Role.STANDARD);

        assertEquals(Set.of(), state.members().get(ben).supportFeatures(), "none by default (FEAT-1)");
        assertEquals(List.of(new SupportFeaturesChanged(ben, List.of(SupportFeature.FILE_TRANSFER, SupportFeature.REMOTE_CONTROL))),
                then(new ChangeSupportFeatures("ada", ben, List.of(SupportFeature.REMOTE_CONTROL, SupportFeature.FILE_TRANSFER), NOW)));
        assertEquals(List.of(new SupportFeaturesChanged(ben, List.of())), then(new ChangeSupportFeatures("ada", ben, List.of(), NOW)));

        Refusal admin = refused(new ChangeSupportFeatures("ada", lia, List.of(), NOW));
        assertEquals("USR-3", admin.rule());
        assertEquals("supportFeatures", admin.field());
        assertEquals("USR-3", refused(new ChangeCompanyAccess("ada", lia, CompanyAccess.NONE, NOW)).rule());
        assertEquals(Set.of(SupportFeature.values()), state.members().get(lia).supportFeatures());
        assertEquals("USR-4", refused(new ChangeSupportFeatures("cy", ben, List.of(SupportFeature.FILE_TRANSFER), NOW)).rule());
        assertEquals("USR-4", refused(new ChangeCompanyAccess("lia", cy, CompanyAccess.ALL, NOW)).rule(),
                "a limited admin supervises no group yet");
        assertEquals("FEAT-1", refused(new ChangeSupportFeatures("ada", ben, null, NOW)).rule());
    }

    @Test
    void ACC4_cardNumbersAreRefusedInEveryBillingFieldAndTheRefusalNeverRepeatsThem() {
        UUID ben = member("ben", Role.ADMIN);
        String card = "4111 1111 1111 1111";
        for (BillingInfo withCard : List.of(new BillingInfo("Main St " + card, null, null, null), new BillingInfo(null, null, null, "4111-1111-1111-1111"),
                new BillingInfo(null, null, "DE" + card.replace(" ", ""), null), new BillingInfo(null, "4111111111111111@acme.test", null, null))) {
            Refusal refused = refused(new ChangeBillingInfo("ada", withCard, NOW));
            assertEquals("ACC-4", refused.rule());
            assertTrue(refused.field().startsWith("billingInfo."), refused.field());
            assertTrue(!refused.getMessage().contains("1111"), refused.getMessage());
        }
        BillingInfo fine = new BillingInfo("1 Main St, 10115 Berlin", "Billing@Acme.test", "DE123456789", "pm_1Nv0aX2eZvKYlo2C");
        assertEquals(List.of(new BillingInfoChanged(new BillingInfo("1 Main St, 10115 Berlin", "billing@acme.test", "DE123456789", "pm_1Nv0aX2eZvKYlo2C"))),
                then(new ChangeBillingInfo("ada", fine, NOW)));
        assertEquals("ACC-3", refused(new ChangeBillingInfo("ben", fine, NOW)).rule(), "an admin who is not the billing contact may not");
        assertEquals("ACC-4", refused(new ChangeBillingInfo("ada", new BillingInfo(null, "not-an-email", null, null), NOW)).rule());
        assertEquals("ACC-4", refused(new ChangeBillingInfo("ada", new BillingInfo(null, null, "X".repeat(21), null), NOW)).rule());
        assertEquals(ben, state.members().get(ben).memberId());
    }

    @Test
    void ACC4_EVT5_cardNumbersWrittenWithOtherSeparatorsDigitsOrACvvAreRefusedAndAHugeDigitRunIsBoundedFirst() {
        for (String written : List.of("4111.1111.1111.1111", "4111/1111/1111/1111", "4111   1111  1111 1111", "4111 1111 1111 1111 123",
                "4111111111111111 12/28", "\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661",
                "\uFF14\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11")) {
            Refusal refused = refused(new ChangeBillingInfo("ada", new BillingInfo(null, null, null, written), NOW));
            assertEquals("ACC-4", refused.rule(), written);
            assertEquals("billingInfo.paymentMethodRef", refused.field(), written);
        }
        Refusal huge = refused(new ChangeBillingInfo("ada", new BillingInfo("4".repeat(40_000), null, null, null), NOW));
        assertEquals("ACC-4", huge.rule());
        assertEquals("billingInfo.address", huge.field());
        assertTrue(!huge.getMessage().contains("4444"), huge.getMessage());
        assertEquals(BillingInfo.NONE, state.billingInfo());
    }

    @Test
    void ACC4_digitsThatFailLuhnOrAreTooShortAreNoCardNumber() {
        then(new ChangeBillingInfo("ada", new BillingInfo("PO Box 4111 1111 1111 1112", null, "123456789012", null), NOW));
        assertEquals("PO Box 4111 1111 1111 1112", state.billingInfo().address());
    }

    @Test
    void ACC5_onlyFullAdminsChangeAccountWideSettings() {
        member("ben", Role.STANDARD);
        member("lia", Role.LIMITED_ADMIN);
        assertEquals(Settings.DEFAULTS, state.settings());
        Settings quiet = new Settings(false, false, "de");

        assertEquals("ACC-5", refused(new ChangeSettings("ben", quiet, NOW)).rule());
        assertEquals("ACC-5", refused(new ChangeSettings("lia", quiet, NOW)).rule());
        Refusal language = refused(new ChangeSettings("ada", new Settings(true, true, "xx"), NOW));
        assertEquals("defaultLanguage", language.field());
        assertEquals(List.of(new AccountSettingsChanged(quiet)), then(new ChangeSettings("ada", quiet, NOW)));
        assertEquals(List.of(), then(new ChangeSettings("ada", quiet, NOW)));
    }

    @Test
    void SEC2_ACC5_noDefaultLanguageIsRefusedNamingTheField() {
        Refusal missing = refused(new ChangeSettings("ada", new Settings(true, true, null), NOW));
        assertEquals("ACC-5", missing.rule());
        assertEquals("defaultLanguage", missing.field());
    }

    @Test
    void USR5_onlyTheMemberChangesTheirOwnNameAndEmail() {
        UUID ben = member("ben", Role.STANDARD);
        member("cy", Role.STANDARD);

        Refusal admin = refused(new ChangeProfile("ada", ben, "Benjamin", "ben@acme.test", NOW));
        assertEquals("USR-5", admin.rule());
        assertEquals(Refusal.Kind.FORBIDDEN, admin.kind());
        assertEquals(List.of(new UserProfileChanged(ben, "Benjamin", "benjamin@acme.test")),
                then(new ChangeProfile("ben", ben, " Benjamin ", "Benjamin@Acme.test", NOW)));
        assertEquals("USR-1", refused(new ChangeProfile("ben", ben, "Benjamin", "CY@acme.test", NOW)).rule(), "emails stay unique");
        assertEquals("USR-5", refused(new ChangeProfile("ben", ben, "x".repeat(101), "ben@acme.test", NOW)).rule());
        assertEquals("Benjamin", state.members().get(ben).name());
    }

    @Test
    void USR9_anAccountMayHaveAnyNumberOfAdmins() {
        for (int i = 0; i < 25; i++) {
            member("admin" + i, Role.ADMIN);
        }
        UUID ben = member("ben", Role.STANDARD);
        then(new ChangeRole("ada", ben, Role.ADMIN, NOW));
        assertEquals(27, state.admins());
    }

    @Test
    void SEAT3_SEAT4_seatsComeOnlyByProvisioningAdminsIncludedAndMonitoringTakesNone() {
        UUID ben = member("ben", Role.ADMIN);
        assertEquals(Set.of(), state.members().get(ada).seats(), "opening an account gives its admin no seat (SEAT-3)");
        assertEquals(Set.of(), state.members().get(ben).seats());
        Refusal monitoring = refused(new ProvisionSeat("ada", ben, Module.MONITORING, NOW));
        assertEquals("MONITORING is not sold in seats", monitoring.getMessage(), "SEAT-4: open to every member, with no seat");
        then(new ProvisionSeat("ada", ben, Module.REMOTE_SUPPORT, NOW));
        assertEquals(Set.of(Module.REMOTE_SUPPORT), state.members().get(ben).seats());
    }
}
