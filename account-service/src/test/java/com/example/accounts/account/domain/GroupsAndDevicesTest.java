package com.example.accounts.account.domain;

import com.example.accounts.rules.Refusal;
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
import com.example.accounts.account.domain.AccountCommand.RenameGroup;
import com.example.accounts.account.domain.AccountEvent.DeviceAdded;
import com.example.accounts.account.domain.AccountEvent.DeviceGroupCreated;
import com.example.accounts.account.domain.AccountEvent.RoleChanged;
import com.example.accounts.account.domain.AccountEvent.SeatReleased;
import com.example.accounts.account.domain.AccountEvent.SupervisedGroupsChanged;
import com.example.accounts.account.domain.AccountEvent.UserGroupCreated;
import com.example.accounts.account.domain.AccountEvent.UserGroupDeleted;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.GroupKind;
import com.example.accounts.account.domain.Vocabulary.Module;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.SupportFeature;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** User and device groups, limited admins' scope and devices: given events, when a command, then events or the rule that refuses it. */
class GroupsAndDevicesTest extends AcmeRules {

    private UUID group(GroupKind kind, String name) {
        UUID id = UUID.randomUUID();
        then(new CreateGroup("ada", kind, id, name, NOW));
        return id;
    }

    @Test
    void CMP3_fullAdminsCreateRenameAndDeleteGroupsWithNamesUniquePerKind() {
        member("ben", Role.STANDARD);
        UUID support = UUID.randomUUID();
        assertEquals(List.of(new UserGroupCreated(support, "Support")), then(new CreateGroup("ada", GroupKind.USER, support, " Support ", NOW)));
        UUID servers = UUID.randomUUID();
        assertEquals(List.of(new DeviceGroupCreated(servers, "Support")), then(new CreateGroup("ada", GroupKind.DEVICE, servers, "Support", NOW)),
                "names are unique per kind only");

        Refusal twin = refused(new CreateGroup("ada", GroupKind.USER, UUID.randomUUID(), "SUPPORT", NOW));
        assertEquals("CMP-3", twin.rule());
        assertEquals(Refusal.Kind.CONFLICT, twin.kind());
        assertEquals("CMP-3", refused(new CreateGroup("ben", GroupKind.USER, UUID.randomUUID(), "Sales", NOW)).rule());
        assertEquals("ACC-6", refused(new RenameGroup("ada", GroupKind.USER, servers, "Servers", NOW)).rule(), "a device group is no user group");
        assertEquals(List.of(new UserGroupDeleted(support)), then(new DeleteGroup("ada", GroupKind.USER, support, NOW)));
        assertEquals(Set.of(servers), state.deviceGroups().keySet());
    }

    @Test
    void USR4_aLimitedAdminManagesNonAdminMembersOfItsGroupsOnlyAndGrantsNothingAboveStandard() {
        UUID support = group(GroupKind.USER, "Support");
        UUID sales = group(GroupKind.USER, "Sales");
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID ben = member("ben", Role.STANDARD);
        UUID cy = member("cy", Role.STANDARD);
        UUID dan = member("dan", Role.LIMITED_ADMIN);
        then(new AssignSupervisedGroups("ada", lia, List.of(support), List.of(), NOW));
        then(new ChangeUserGroups("ada", ben, List.of(support), NOW));
        then(new ChangeUserGroups("ada", cy, List.of(sales), NOW));
        then(new ChangeUserGroups("ada", dan, List.of(support), NOW));

        then(new ChangeSupportFeatures("lia", ben, List.of(SupportFeature.REMOTE_CONTROL), NOW));
        then(new ProvisionSeat("lia", ben, Module.REMOTE_SUPPORT, NOW));
        assertEquals(List.of(new SeatReleased(ben, Module.REMOTE_SUPPORT), new RoleChanged(ben, Role.STANDARD, Role.MONITORING_OBSERVER)),
                then(new ChangeRole("lia", ben, Role.MONITORING_OBSERVER, NOW)));
        assertEquals("USR-4", refused(new ChangeRole("lia", ben, Role.ADMIN, NOW)).rule(), "nothing above STANDARD");
        assertEquals("USR-4", refused(new ChangeRole("lia", ben, Role.LIMITED_ADMIN, NOW)).rule());
        assertEquals("USR-4", refused(new ChangeCompanyAccess("lia", cy, CompanyAccess.ALL, NOW)).rule(), "cy is not in lia's groups");
        assertEquals("USR-4", refused(new ChangeRole("lia", dan, Role.STANDARD, NOW)).rule(), "dan is an admin");
        assertEquals("USR-6", refused(new DeleteMember("lia", cy, NOW)).rule());
        then(new DeleteMember("lia", ben, NOW));
        assertNull(state.members().get(ben));
    }

    @Test
    void USR4_aLimitedAdminMovesMembersOnlyWithinTheGroupsItSupervises() {
        UUID support = group(GroupKind.USER, "Support");
        UUID field = group(GroupKind.USER, "Field");
        UUID sales = group(GroupKind.USER, "Sales");
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID ben = member("ben", Role.STANDARD);
        then(new AssignSupervisedGroups("ada", lia, List.of(support, field), List.of(), NOW));
        then(new ChangeUserGroups("ada", ben, List.of(support, sales), NOW));

        then(new ChangeUserGroups("lia", ben, List.of(field), NOW));
        assertEquals(Set.of(field, sales), state.members().get(ben).userGroups(), "sales, outside lia's groups, stays");
        assertEquals("USR-4", refused(new ChangeUserGroups("lia", ben, List.of(sales), NOW)).rule());
        assertEquals("ACC-6", refused(new ChangeUserGroups("ada", ben, List.of(UUID.randomUUID()), NOW)).rule());
    }

    @Test
    void CMP3_onlyLimitedAdminsSuperviseAndLoseTheirGroupsWithTheRoleOrTheGroup() {
        UUID support = group(GroupKind.USER, "Support");
        UUID servers = group(GroupKind.DEVICE, "Servers");
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        UUID ben = member("ben", Role.STANDARD);

        assertEquals("CMP-3", refused(new AssignSupervisedGroups("ada", ben, List.of(support), List.of(), NOW)).rule());
        then(new AssignSupervisedGroups("ada", lia, List.of(support), List.of(servers), NOW));
        then(new DeleteGroup("ada", GroupKind.DEVICE, servers, NOW));
        assertEquals(Set.of(), state.members().get(lia).supervisedDeviceGroups());

        List<AccountEvent> demoted = then(new ChangeRole("ada", lia, Role.STANDARD, NOW));
        assertEquals(new SupervisedGroupsChanged(lia, List.of(), List.of()), demoted.get(1));
        assertEquals(Set.of(), state.members().get(lia).supervisedUserGroups());
    }

    @Test
    void CMP4_aDeviceBelongsToOneCompanyAndAtMostOneGroupAndLimitedAdminsManageThoseOfTheirGroups() {
        UUID globex = company("Globex");
        UUID servers = group(GroupKind.DEVICE, "Servers");
        UUID desks = group(GroupKind.DEVICE, "Desks");
        UUID lia = member("lia", Role.LIMITED_ADMIN);
        member("ben", Role.STANDARD);
        then(new AssignSupervisedGroups("ada", lia, List.of(), List.of(servers), NOW));

        UUID db = UUID.randomUUID();
        assertEquals(List.of(new DeviceAdded(db, "db-01", globex, servers)), then(new AddDevice("lia", db, "db-01", globex, servers, NOW)));
        UUID kiosk = UUID.randomUUID();
        assertEquals("CMP-4", refused(new AddDevice("lia", kiosk, "kiosk", globex, desks, NOW)).rule());
        assertEquals("CMP-4", refused(new AddDevice("lia", kiosk, "kiosk", globex, null, NOW)).rule(), "an ungrouped device is for full admins");
        assertEquals("CMP-4", refused(new AddDevice("ben", kiosk, "kiosk", globex, null, NOW)).rule());
        assertEquals("CMP-4", refused(new AddDevice("ada", kiosk, "kiosk", null, null, NOW)).rule());
        Refusal foreign = refused(new AddDevice("ada", kiosk, "kiosk", UUID.randomUUID(), null, NOW));
        assertEquals("ACC-6", foreign.rule());
        assertEquals("companyId", foreign.field());
        then(new AddDevice("ada", kiosk, "kiosk", globex, desks, NOW));

        assertEquals("CMP-4", refused(new ChangeDevice("lia", db, "db-01", globex, desks, NOW)).rule(), "not into a group lia does not supervise");
        assertEquals("CMP-4", refused(new RemoveDevice("lia", kiosk, NOW)).rule());
        then(new DeleteGroup("ada", GroupKind.DEVICE, desks, NOW));
        assertNull(state.devices().get(kiosk).deviceGroupId(), "its devices stay, in no group");
        assertEquals("CMP-4", refused(new RemoveCompany("ada", globex, NOW)).rule(), "a company with devices stays until they are moved");
        then(new RemoveDevice("lia", db, NOW));
        then(new RemoveDevice("ada", kiosk, NOW));
        then(new RemoveCompany("ada", globex, NOW));
    }
}
