package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Vocabulary.BillingInfo;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.contract.vocabulary.CcPermission;
import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.PolicyPermission;
import com.example.accounts.contract.vocabulary.QueueRole;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.SupportFeature;

import java.util.List;
import java.util.UUID;

/** What happened to an account. Each has a schema in the event contract (contract/events/&lt;Type&gt;.v1.json). */
public sealed interface AccountEvent {

    /** ACC-1. */
    record AccountOpened(UUID accountId, String name, Plan plan, UUID billingContactMemberId) implements AccountEvent {
    }

    /** USR-1, USR-2. */
    record UserAdded(UUID memberId, String loginId, String name, String email, Role role, CompanyAccess companyAccess,
            List<SupportFeature> supportFeatures, boolean loginCreated, String language) implements AccountEvent {
    }

    /** USR-4. */
    record RoleChanged(UUID memberId, Role from, Role to) implements AccountEvent {
    }

    /** USR-6: gone for good; their seats were released by the SeatReleased events just before. */
    record UserDeleted(UUID memberId, String loginId, String email) implements AccountEvent {
    }

    /** BIL-2. */
    record BillingContactChanged(UUID fromMemberId, UUID toMemberId) implements AccountEvent {
    }

    /** ACC-3. */
    record PlanChanged(Plan plan) implements AccountEvent {
    }

    /** SEAT-1, SEAT-2. */
    record SeatProvisioned(UUID memberId, Module module) implements AccountEvent {
    }

    /** SEAT-6, or an admin taking a seat back. */
    record SeatReleased(UUID memberId, Module module) implements AccountEvent {
    }

    /** ACC-3, ACC-4: the billing information, whole. */
    record BillingInfoChanged(BillingInfo billingInfo) implements AccountEvent {
    }

    /** ACC-5: the account-wide settings, whole. */
    record AccountSettingsChanged(Settings settings) implements AccountEvent {
    }

    /** USR-5: a member changed their own name and email. */
    record UserProfileChanged(UUID memberId, String name, String email) implements AccountEvent {
    }

    /** USR-4, CMP-2: the member's company access, whole. Admins hold ALL (USR-3). */
    record CompanyAccessChanged(UUID memberId, CompanyAccess companyAccess) implements AccountEvent {
    }

    /** USR-4, FEAT-1: the member's support features, whole. Admins hold all three (USR-3). */
    record SupportFeaturesChanged(UUID memberId, List<SupportFeature> supportFeatures) implements AccountEvent {
    }

    /** CMP-1. */
    record CompanyAdded(UUID companyId, String name) implements AccountEvent {
    }

    /** CMP-1. */
    record CompanyRenamed(UUID companyId, String name) implements AccountEvent {
    }

    /** CMP-1, CMP-2: the company also leaves every member's access list. */
    record CompanyRemoved(UUID companyId) implements AccountEvent {
    }

    /** CMP-3. */
    record UserGroupCreated(UUID groupId, String name) implements AccountEvent {
    }

    /** CMP-3. */
    record UserGroupRenamed(UUID groupId, String name) implements AccountEvent {
    }

    /** CMP-3: its members leave it, and limited admins no longer supervise it. */
    record UserGroupDeleted(UUID groupId) implements AccountEvent {
    }

    /** CMP-3. */
    record DeviceGroupCreated(UUID groupId, String name) implements AccountEvent {
    }

    /** CMP-3. */
    record DeviceGroupRenamed(UUID groupId, String name) implements AccountEvent {
    }

    /** CMP-3, CMP-4: its devices stay, in no group, and limited admins no longer supervise it. */
    record DeviceGroupDeleted(UUID groupId) implements AccountEvent {
    }

    /** USR-4: the user groups a member belongs to, whole. */
    record UserGroupsChanged(UUID memberId, List<UUID> userGroups) implements AccountEvent {
    }

    /** CMP-3: the user and device groups a limited admin supervises, whole. */
    record SupervisedGroupsChanged(UUID memberId, List<UUID> userGroups, List<UUID> deviceGroups) implements AccountEvent {
    }

    /** CMP-4. */
    record DeviceAdded(UUID deviceId, String name, UUID companyId, UUID deviceGroupId) implements AccountEvent {
    }

    /** CMP-4: the device, whole. */
    record DeviceChanged(UUID deviceId, String name, UUID companyId, UUID deviceGroupId) implements AccountEvent {
    }

    /** CMP-4. */
    record DeviceRemoved(UUID deviceId) implements AccountEvent {
    }

    /** INV-6: a new security policy, enabled for invites. */
    record SecurityPolicyDefined(UUID policyId, String name, String description, List<PolicyPermission> permissions) implements AccountEvent {
    }

    /** INV-6: a security policy's name, description and permissions, whole. */
    record SecurityPolicyChanged(UUID policyId, String name, String description, List<PolicyPermission> permissions) implements AccountEvent {
    }

    /** INV-6: no new invites may use the policy (INV-1). */
    record SecurityPolicyDisabled(UUID policyId) implements AccountEvent {
    }

    /** INV-6: the policy may be chosen for invites again. */
    record SecurityPolicyEnabled(UUID policyId) implements AccountEvent {
    }

    /** CC-1. */
    record ContactCenterRoleAssigned(UUID memberId, CcRole role) implements AccountEvent {
    }

    /** CC-1: the queue assignments the role carried were taken away just before. */
    record ContactCenterRoleRevoked(UUID memberId, CcRole role) implements AccountEvent {
    }

    /** CC-1. */
    record QueueCreated(UUID queueId, String name) implements AccountEvent {
    }

    /** CC-1: a member's assignment to a queue, as agent or supervisor; null: no longer assigned. */
    record QueueAssignmentChanged(UUID queueId, UUID memberId, QueueRole role) implements AccountEvent {
    }

    /** CC-2 to CC-4: the permissions of a contact-center role, whole. */
    record ContactCenterRolePermissionsChanged(CcRole role, List<CcPermission> permissions) implements AccountEvent {
    }

    /** ACC-5, CC-6: the contact-center organization settings. */
    record ContactCenterSettingsChanged(boolean restrictUnassignedQueueLogin) implements AccountEvent {
    }
}
