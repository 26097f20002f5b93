package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Account.Company;
import com.example.accounts.account.domain.Account.Device;
import com.example.accounts.account.domain.Account.Group;
import com.example.accounts.account.domain.Account.Member;
import com.example.accounts.account.domain.AccountCommand.AddCompany;
import com.example.accounts.account.domain.AccountCommand.AddDevice;
import com.example.accounts.account.domain.AccountCommand.AssignSupervisedGroups;
import com.example.accounts.account.domain.AccountCommand.ChangeDevice;
import com.example.accounts.account.domain.AccountCommand.ChangeUserGroups;
import com.example.accounts.account.domain.AccountCommand.CreateGroup;
import com.example.accounts.account.domain.AccountCommand.DeleteGroup;
import com.example.accounts.account.domain.AccountCommand.RemoveCompany;
import com.example.accounts.account.domain.AccountCommand.RemoveDevice;
import com.example.accounts.account.domain.AccountCommand.RenameCompany;
import com.example.accounts.account.domain.AccountCommand.RenameGroup;
import com.example.accounts.account.domain.AccountEvent.CompanyAdded;
import com.example.accounts.account.domain.AccountEvent.CompanyRemoved;
import com.example.accounts.account.domain.AccountEvent.CompanyRenamed;
import com.example.accounts.account.domain.AccountEvent.DeviceAdded;
import com.example.accounts.account.domain.AccountEvent.DeviceChanged;
import com.example.accounts.account.domain.AccountEvent.DeviceGroupCreated;
import com.example.accounts.account.domain.AccountEvent.DeviceGroupDeleted;
import com.example.accounts.account.domain.AccountEvent.DeviceGroupRenamed;
import com.example.accounts.account.domain.AccountEvent.DeviceRemoved;
import com.example.accounts.account.domain.AccountEvent.SupervisedGroupsChanged;
import com.example.accounts.account.domain.AccountEvent.UserGroupCreated;
import com.example.accounts.account.domain.AccountEvent.UserGroupDeleted;
import com.example.accounts.account.domain.AccountEvent.UserGroupRenamed;
import com.example.accounts.account.domain.AccountEvent.UserGroupsChanged;
import com.example.accounts.account.domain.Vocabulary.GroupKind;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.rules.Refusal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static com.example.accounts.account.domain.AccountGuards.actor;
import static com.example.accounts.account.domain.AccountGuards.found;
import static com.example.accounts.account.domain.AccountGuards.fullAdmin;
import static com.example.accounts.account.domain.AccountGuards.manages;
import static com.example.accounts.account.domain.AccountGuards.member;
import static com.example.accounts.account.domain.AccountGuards.name;

/** Companies, user groups, device groups, the groups limited admins supervise, and devices (CMP-1, CMP-3, CMP-4, USR-4). Pure. */
final class CompanyGroupAndDeviceRules {

    private CompanyGroupAndDeviceRules() {
    }

    static List<AccountEvent> addCompany(AddCompany add, Account state) {
        fullAdmin(actor(state, add.actorLoginId()), RuleId.CMP_1, "add companies");
        String name = companyName(state, add.name(), null);
        return List.of(new CompanyAdded(add.companyId(), name));
    }

    static List<AccountEvent> renameCompany(RenameCompany rename, Account state) {
        fullAdmin(actor(state, rename.actorLoginId()), RuleId.CMP_1, "rename companies");
        Company company = company(state, rename.companyId());
        String name = companyName(state, rename.name(), company.companyId());
        return name.equals(company.name()) ? List.of() : List.of(new CompanyRenamed(company.companyId(), name));
    }

    static List<AccountEvent> removeCompany(RemoveCompany remove, Account state) {
        fullAdmin(actor(state, remove.actorLoginId()), RuleId.CMP_1, "remove companies");
        Company company = company(state, remove.companyId());
        long devices = state.devices().values().stream().filter(d -> d.companyId().equals(company.companyId())).count();
        if (devices > 0) {
            throw Refusal.conflict(RuleId.CMP_4, null, company.name() + " has " + devices + " devices; move or remove them first");
        }
        return List.of(new CompanyRemoved(company.companyId()));
    }

    private static Company company(Account state, UUID companyId) {
        return found(state.companies(), companyId, "company");
    }

    /** CMP-1: names are unique in the account, case-insensitively. */
    private static String companyName(Account state, String raw, UUID renaming) {
        String name = name(RuleId.CMP_1, "name", raw);
        state.companyByName(name).filter(other -> !other.companyId().equals(renaming)).ifPresent(other -> {
            throw Refusal.conflict(RuleId.CMP_1, "name", "a company named '" + other.name() + "' exists already");
        });
        return name;
    }

    static List<AccountEvent> createGroup(CreateGroup create, Account state) {
        fullAdmin(actor(state, create.actorLoginId()), RuleId.CMP_3, "create groups");
        String name = groupName(state, create.kind(), create.name(), null);
        return List.of(create.kind() == GroupKind.USER ? new UserGroupCreated(create.groupId(), name) : new DeviceGroupCreated(create.groupId(), name));
    }

    static List<AccountEvent> renameGroup(RenameGroup rename, Account state) {
        fullAdmin(actor(state, rename.actorLoginId()), RuleId.CMP_3, "rename groups");
        Group group = found(groups(state, rename.kind()), rename.groupId(), "group");
        String name = groupName(state, rename.kind(), rename.name(), group.groupId());
        if (name.equals(group.name())) {
            return List.of();
        }
        return List.of(rename.kind() == GroupKind.USER ? new UserGroupRenamed(group.groupId(), name) : new DeviceGroupRenamed(group.groupId(), name));
    }

    static List<AccountEvent> deleteGroup(DeleteGroup delete, Account state) {
        fullAdmin(actor(state, delete.actorLoginId()), RuleId.CMP_3, "delete groups");
        Group group = found(groups(state, delete.kind()), delete.groupId(), "group");
        return List.of(delete.kind() == GroupKind.USER ? new UserGroupDeleted(group.groupId()) : new DeviceGroupDeleted(group.groupId()));
    }

    /**
     * USR-4: a full admin sets any member's groups; a limited admin sets, for a non-admin member of a group it
     * supervises, which of its own groups the member is in, and the member's other groups stay as they are.
     */
    static List<AccountEvent> changeUserGroups(ChangeUserGroups change, Account state) {
        Member actor = actor(state, change.actorLoginId());
        Member target = member(state, change.memberId());
        manages(actor, target, RuleId.USR_4, "change a member's groups");
        Set<UUID> asked = existing(state.userGroups(), change.userGroups(), "userGroups");
        Set<UUID> groups = asked;
        if (actor.role() == Role.LIMITED_ADMIN) {
            if (!actor.supervisedUserGroups().containsAll(asked)) {
                throw Refusal.forbidden(RuleId.USR_4, "a limited admin puts members only into the groups it supervises");
            }
            groups = new HashSet<>(asked);
            target.userGroups().stream().filter(g -> !actor.supervisedUserGroups().contains(g)).forEach(groups::add);
        }
        return groups.equals(target.userGroups()) ? List.of() : List.of(new UserGroupsChanged(target.memberId(), groups.stream().sorted().toList()));
    }

    static List<AccountEvent> assignSupervisedGroups(AssignSupervisedGroups assign, Account state) {
        fullAdmin(actor(state, assign.actorLoginId()), RuleId.CMP_3, "assign groups to limited admins");
        Member target = member(state, assign.memberId());
        if (target.role() != Role.LIMITED_ADMIN) {
            throw Refusal.invalid(RuleId.CMP_3, "memberId", "only a LIMITED_ADMIN supervises groups; " + target.name() + " is " + target.role());
        }
        Set<UUID> users = existing(state.userGroups(), assign.userGroups(), "userGroups");
        Set<UUID> devices = existing(state.deviceGroups(), assign.deviceGroups(), "deviceGroups");
        if (users.equals(target.supervisedUserGroups()) && devices.equals(target.supervisedDeviceGroups())) {
            return List.of();
        }
        return List.of(new SupervisedGroupsChanged(target.memberId(), users.stream().sorted().toList(), devices.stream().sorted().toList()));
    }

    static List<AccountEvent> addDevice(AddDevice add, Account state) {
        Member actor = actor(state, add.actorLoginId());
        Device device = device(state, add.deviceId(), add.name(), add.companyId(), add.deviceGroupId());
        managesDevicesOf(actor, device.deviceGroupId());
        return List.of(new DeviceAdded(device.deviceId(), device.name(), device.companyId(), device.deviceGroupId()));
    }

    static List<AccountEvent> changeDevice(ChangeDevice change, Account state) {
        Member actor = actor(state, change.actorLoginId());
        Device current = found(state.devices(), change.deviceId(), "device");
        managesDevicesOf(actor, current.deviceGroupId());
        Device device = device(state, current.deviceId(), change.name(), change.companyId(), change.deviceGroupId());
        managesDevicesOf(actor, device.deviceGroupId());
        return device.equals(current)
                ? List.of()
                : List.of(new DeviceChanged(device.deviceId(), device.name(), device.companyId(), device.deviceGroupId()));
    }

    static List<AccountEvent> removeDevice(RemoveDevice remove, Account state) {
        Member actor = actor(state, remove.actorLoginId());
        Device current = found(state.devices(), remove.deviceId(), "device");
        managesDevicesOf(actor, current.deviceGroupId());
        return List.of(new DeviceRemoved(current.deviceId()));
    }

    /** CMP-4: full admins manage every device; limited admins those of the device groups they supervise. */
    private static void managesDevicesOf(Member actor, UUID deviceGroup) {
        if (actor.role() == Role.ADMIN) {
            return;
        }
        if (actor.role() == Role.LIMITED_ADMIN && deviceGroup != null && actor.supervisedDeviceGroups().contains(deviceGroup)) {
            return;
        }
        throw Refusal.forbidden(RuleId.CMP_4, actor.role() == Role.LIMITED_ADMIN
                ? "a limited admin manages only devices of the device groups it supervises"
                : "only admins manage devices; you are " + actor.role());
    }

    /** CMP-4: a named device of one of this account's companies, in at most one of its device groups. */
    private static Device device(Account state, UUID deviceId, String rawName, UUID companyId, UUID deviceGroupId) {
        String name = name(RuleId.CMP_4, "name", rawName);
        if (companyId == null) {
            throw Refusal.invalid(RuleId.CMP_4, "companyId", "is required: a device belongs to one company");
        }
        if (!state.companies().containsKey(companyId)) {
            throw Refusal.invalid(RuleId.ACC_6, "companyId", "no company " + companyId + " in this account");
        }
        if (deviceGroupId != null && !state.deviceGroups().containsKey(deviceGroupId)) {
            throw Refusal.invalid(RuleId.ACC_6, "deviceGroupId", "no device group " + deviceGroupId + " in this account");
        }
        return new Device(deviceId, name, companyId, deviceGroupId);
    }

    private static Map<UUID, Group> groups(Account state, GroupKind kind) {
        if (kind == null) {
            throw Refusal.invalid(RuleId.CMP_3, "kind", "must be USER or DEVICE");
        }
        return kind == GroupKind.USER ? state.userGroups() : state.deviceGroups();
    }

    /** CMP-3: names are unique per kind, case-insensitively. */
    private static String groupName(Account state, GroupKind kind, String raw, UUID renaming) {
        String name = name(RuleId.CMP_3, "name", raw);
        Account.byName(groups(state, kind).values(), name, Group::name).filter(other -> !other.groupId().equals(renaming)).ifPresent(other -> {
            throw Refusal.conflict(RuleId.CMP_3, "name",
                    "a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " group named '" + other.name() + "' exists already");
        });
        return name;
    }

    /** ACC-6: each id names a group of this account. */
    private static Set<UUID> existing(Map<UUID, Group> groups, List<UUID> asked, String field) {
        if (asked == null) {
            throw Refusal.invalid(RuleId.CMP_3, field, "is required (an empty list for none)");
        }
        for (UUID id : asked) {
            if (id == null || !groups.containsKey(id)) {
                throw Refusal.invalid(RuleId.ACC_6, field, "no group " + id + " in this account");
            }
        }
        return Set.copyOf(new LinkedHashSet<>(asked.stream().filter(Objects::nonNull).toList()));
    }
}
