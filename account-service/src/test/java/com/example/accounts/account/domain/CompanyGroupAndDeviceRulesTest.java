package com.example.accounts.account.domain;

import com.example.accounts.account.domain.AccountCommand.AddCompany;
import com.example.accounts.account.domain.AccountCommand.AddDevice;
import com.example.accounts.account.domain.AccountCommand.AssignSupervisedGroups;
import com.example.accounts.account.domain.AccountCommand.ChangeCompanyAccess;
import com.example.accounts.account.domain.AccountCommand.ChangeDevice;
import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.ChangeSupportFeatures;
import com.example.accounts.account.domain.AccountCommand.ChangeUserGroups;
import com.example.accounts.account.domain.AccountCommand.CreateGroup;
import com.example.accounts.account.domain.AccountCommand.DeleteGroup;
import com.example.accounts.account.domain.AccountCommand.DeleteMember;
import com.example.accounts.account.domain.AccountCommand.ProvisionSeat;
import com.example.accounts.account.domain.AccountCommand.RemoveCompany;
import com.example.accounts.account.domain.AccountCommand.RemoveDevice;
import com.example.accounts.account.domain.AccountCommand.RenameCompany;
import com.example.accounts.account.domain.AccountCommand.RenameGroup;
import com.example.accounts.account.domain.AccountEvent.CompanyAccessChanged;
import com.example.accounts.account.domain.AccountEvent.CompanyAdded;
import com.example.accounts.account.domain.AccountEvent.CompanyRemoved;
import com.example.accounts.account.domain.AccountEvent.CompanyRenamed;
import com.example.accounts.account.domain.AccountEvent.DeviceAdded;
import com.example.accounts.account.domain.AccountEvent.DeviceGroupCreated;
import com.example.accounts.account.domain.AccountEvent.RoleChanged;
import com.example.accounts.account.domain.AccountEvent.SeatReleased;
import com.example.accounts.account.domain.AccountEvent.SupervisedGroupsChanged;
import com.example.accounts.account.domain.AccountEvent.UserGroupCreated;
import com.example.accounts.account.domain.AccountEvent.UserGroupDeleted;
import com.example.accounts.account.domain.AccountEvent.UserGroupsChanged;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.GroupKind;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.contract.vocabulary.SupportFeature;
import com.example.accounts.kit.decider.GivenWhenThen.Given;
import com.example.accounts.kit.decider.GivenWhenThen.When;
import com.example.accounts.rules.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link CompanyGroupAndDeviceRules}: companies, user and device groups, limited admins' scope, and devices. */
class CompanyGroupAndDeviceRulesTest extends AcmeAccount {

    /** A group of {@code kind}, as Ada creates one. */
    private UUID group(GroupKind kind, String name) {
        UUID id = UUID.randomUUID();
        happened(kind == GroupKind.USER ? new UserGroupCreated(id, name) : new DeviceGroupCreated(id, name));
        return id;
    }

    @Test
    void CMP1_fullAdminsAddRenameAndRemoveCompaniesWithNamesUniqueCaseInsensitively() {
        UUID ben = member("ben", Role.STANDARD);
        UUID globex = UUID.randomUUID();
        UUID initech = UUID.randomUUID();
        Given<Account, AccountCommand, AccountEvent> acme = given().when(new AddCompany("ada", globex, "  Globex ", NOW))
                .then(new CompanyAdded(globex, "Globex"))
                .given(new CompanyAdded(initech, "Initech"));

        acme.when(new AddCompany("ada", UUID.randomUUID(), "GLOBEX", NOW)).thenRefused(RuleId.CMP_1, Refusal.Kind.CONFLICT);
        acme.when(new RenameCompany("ada", initech, "globex", NOW)).thenRefused(RuleId.CMP_1);
        acme.when(new AddCompany("ben", UUID.randomUUID(), "Umbrella", NOW)).as("a standard member adds none").thenRefused(RuleId.CMP_1);
        acme.when(new AddCompany("ada", UUID.randomUUID(), " ", NOW)).thenRefused(RuleId.CMP_1);
        acme.when(new RenameCompany("ada", UUID.randomUUID(), "Nowhere", NOW)).thenRefused(RuleId.ACC_6);

        acme = acme.when(new RenameCompany("ada", globex, "GLOBEX Corp", NOW)).then(new CompanyRenamed(globex, "GLOBEX Corp"))
                .when(new RenameCompany("ada", initech, "Initech", NOW)).as("the same name again changes nothing").thenNothing()
                .when(new RemoveCompany("ada", initech, NOW)).then(new CompanyRemoved(initech))
                .when(new AddCompany("ada", UUID.randomUUID(), "initech", NOW)).accepted();
        assertEquals(ben, acme.state().members().get(ben).memberId());
    }

    @Test
    void CMP2_removingACompanyTakesItOutOfEveryListAndAnEmptiedListReachesNone() {
        UUID globex = company("Globex");
        UUID initech = company("Initech");
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.STANDARD);
        UUID dee = member("dee", Role.MONITORING_OBSERVER);
        Account state = given(new CompanyAccessChanged(ben, new CompanyAccess(false, List.of(globex, initech))),
                new CompanyAccessChanged(cy, new CompanyAccess(false, List.of(globex))), new CompanyAccessChanged(dee, CompanyAccess.ALL))
                .when(new RemoveCompany("ada", globex, NOW)).then(new CompanyRemoved(globex)).state();

        assertEquals(new CompanyAccess(false, List.of(initech)), state.members().get(ben).companyAccess());
        assertEquals(CompanyAccess.NONE, state.members().get(cy).companyAccess(), "an emptied list reaches no company, never all");
        assertEquals(CompanyAccess.ALL, state.members().get(dee).companyAccess());
        assertEquals(CompanyAccess.ALL, state.members().get(ada).companyAccess());
    }

    @Test
    void CMP3_fullAdminsCreateRenameAndDeleteGroupsWithNamesUniquePerKind() {
        member("ben", Role.STANDARD);
        UUID support = UUID.randomUUID();
        UUID servers = UUID.randomUUID();
        Given<Account, AccountCommand, AccountEvent> acme = given()
                .when(new CreateGroup("ada", GroupKind.USER, support, " Support ", NOW)).then(new UserGroupCreated(support, "Support"))
                .when(new CreateGroup("ada", GroupKind.DEVICE, servers, "Support", NOW)).as("names are unique per kind only")
                .then(new DeviceGroupCreated(servers, "Support"));

        acme.when(new CreateGroup("ada", GroupKind.USER, UUID.randomUUID(), "SUPPORT", NOW)).thenRefused(RuleId.CMP_3, Refusal.Kind.CONFLICT);
        acme.when(new CreateGroup("ben", GroupKind.USER, UUID.randomUUID(), "Sales", NOW)).thenRefused(RuleId.CMP_3);
        acme.when(new RenameGroup("ada", GroupKind.USER, servers, "Servers", NOW)).as("a device group is no user group").thenRefused(RuleId.ACC_6);
        Account deleted = acme.when(new DeleteGroup("ada", GroupKind.USER, support, NOW)).then(new UserGroupDeleted(support)).state();
        assertEquals(Set.of(servers), deleted.deviceGroups().keySet());
    }

    @Test
    void USR4_aLimitedAdminManagesNonAdminMembersOfItsGroupsOnlyAndGrantsNothingAboveStandard() {
        UUID support = group(GroupKind.USER, "Support");
        UUID sales = group(GroupKind.USER, "Sales");
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.STANDARD);
        UUID dan = member("dan", Role.LIMITED_ADMIN);
        Given<Account, AccountCommand, AccountEvent> acme = given(new SupervisedGroupsChanged(lia, List.of(support), List.of()),
                new UserGroupsChanged(ben, List.of(support)), new UserGroupsChanged(cy, List.of(sales)), new UserGroupsChanged(dan, List.of(support)));

        acme = acme.when(new ChangeSupportFeatures("lia", ben, List.of(SupportFeature.REMOTE_CONTROL), NOW)).accepted()
                .when(new ProvisionSeat("lia", ben, Module.REMOTE_SUPPORT, NOW)).accepted()
                .when(new ChangeRole("lia", ben, Role.MONITORING_OBSERVER, NOW))
                .then(new SeatReleased(ben, Module.REMOTE_SUPPORT), new RoleChanged(ben, Role.STANDARD, Role.MONITORING_OBSERVER));
        acme.when(new ChangeRole("lia", ben, Role.ADMIN, NOW)).as("nothing above STANDARD").thenRefused(RuleId.USR_4);
        acme.when(new ChangeRole("lia", ben, Role.LIMITED_ADMIN, NOW)).thenRefused(RuleId.USR_4);
        acme.when(new ChangeCompanyAccess("lia", cy, CompanyAccess.ALL, NOW)).as("cy is not in lia's groups").thenRefused(RuleId.USR_4);
        acme.when(new ChangeRole("lia", dan, Role.STANDARD, NOW)).as("dan is an admin").thenRefused(RuleId.USR_4);
        acme.when(new DeleteMember("lia", cy, NOW)).thenRefused(RuleId.USR_6);
        assertNull(acme.when(new DeleteMember("lia", ben, NOW)).accepted().state().members().get(ben));
    }

    @Test
    void USR4_aLimitedAdminMovesMembersOnlyWithinTheGroupsItSupervises() {
        UUID support = group(GroupKind.USER, "Support");
        UUID field = group(GroupKind.USER, "Field");
        UUID sales = group(GroupKind.USER, "Sales");
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID ben = member("ben", Role.STANDARD);
        Given<Account, AccountCommand, AccountEvent> acme = given(new SupervisedGroupsChanged(lia, List.of(support, field), List.of()),
                new UserGroupsChanged(ben, List.of(support, sales)));

        acme = acme.when(new ChangeUserGroups("lia", ben, List.of(field), NOW)).accepted();
        assertEquals(Set.of(field, sales), acme.state().members().get(ben).userGroups(), "sales, outside lia's groups, stays");
        acme.when(new ChangeUserGroups("lia", ben, List.of(sales), NOW)).thenRefused(RuleId.USR_4);
        acme.when(new ChangeUserGroups("ada", ben, List.of(UUID.randomUUID()), NOW)).thenRefused(RuleId.ACC_6);
    }

    @Test
    void CMP3_onlyLimitedAdminsSuperviseAndLoseTheirGroupsWithTheRoleOrTheGroup() {
        UUID support = group(GroupKind.USER, "Support");
        UUID servers = group(GroupKind.DEVICE, "Servers");
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID ben = member("ben", Role.STANDARD);
        Given<Account, AccountCommand, AccountEvent> acme = given();

        acme.when(new AssignSupervisedGroups("ada", ben, List.of(support), List.of(), NOW)).thenRefused(RuleId.CMP_3);
        acme = acme.when(new AssignSupervisedGroups("ada", lia, List.of(support), List.of(servers), NOW)).accepted()
                .when(new DeleteGroup("ada", GroupKind.DEVICE, servers, NOW)).accepted();
        assertEquals(Set.of(), acme.state().members().get(lia).supervisedDeviceGroups());

        When<Account, AccountCommand, AccountEvent> demoting = acme.when(new ChangeRole("ada", lia, Role.STANDARD, NOW));
        assertEquals(new SupervisedGroupsChanged(lia, List.of(), List.of()), demoting.events().get(1));
        assertEquals(Set.of(), demoting.accepted().state().members().get(lia).supervisedUserGroups());
    }

    @Test
    void CMP4_aDeviceBelongsToOneCompanyAndAtMostOneGroupAndLimitedAdminsManageThoseOfTheirGroups() {
        UUID globex = company("Globex");
        UUID servers = group(GroupKind.DEVICE, "Servers");
        UUID desks = group(GroupKind.DEVICE, "Desks");
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        member("ben", Role.STANDARD);
        UUID db = UUID.randomUUID();
        Given<Account, AccountCommand, AccountEvent> acme = given(new SupervisedGroupsChanged(lia, List.of(), List.of(servers)))
                .when(new AddDevice("lia", db, "db-01", globex, servers, NOW)).then(new DeviceAdded(db, "db-01", globex, servers));

        UUID kiosk = UUID.randomUUID();
        acme.when(new AddDevice("lia", kiosk, "kiosk", globex, desks, NOW)).thenRefused(RuleId.CMP_4);
        acme.when(new AddDevice("lia", kiosk, "kiosk", globex, null, NOW)).as("an ungrouped device is for full admins").thenRefused(RuleId.CMP_4);
        acme.when(new AddDevice("ben", kiosk, "kiosk", globex, null, NOW)).thenRefused(RuleId.CMP_4);
        acme.when(new AddDevice("ada", kiosk, "kiosk", null, null, NOW)).thenRefused(RuleId.CMP_4);
        Refusal foreign = acme.when(new AddDevice("ada", kiosk, "kiosk", UUID.randomUUID(), null, NOW)).thenRefused(RuleId.ACC_6);
        assertEquals("companyId", foreign.field());
        acme = acme.when(new AddDevice("ada", kiosk, "kiosk", globex, desks, NOW)).accepted();

        acme.when(new ChangeDevice("lia", db, "db-01", globex, desks, NOW)).as("not into a group lia does not supervise").thenRefused(RuleId.CMP_4);
        acme.when(new RemoveDevice("lia", kiosk, NOW)).thenRefused(RuleId.CMP_4);
        acme = acme.when(new DeleteGroup("ada", GroupKind.DEVICE, desks, NOW)).accepted();
        assertNull(acme.state().devices().get(kiosk).deviceGroupId(), "its devices stay, in no group");
        acme.when(new RemoveCompany("ada", globex, NOW)).as("a company with devices stays until they are moved").thenRefused(RuleId.CMP_4);
        acme.when(new RemoveDevice("lia", db, NOW)).accepted()
                .when(new RemoveDevice("ada", kiosk, NOW)).accepted()
                .when(new RemoveCompany("ada", globex, NOW)).accepted();
    }
}
