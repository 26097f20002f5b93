package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Vocabulary.BillingInfo;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.GroupKind;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.contract.vocabulary.CcPermission;
import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.PolicyPermission;
import com.example.accounts.contract.vocabulary.QueueRole;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.SupportFeature;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What callers ask of an account. Ids and time come in with the command; the domain makes none. */
public sealed interface AccountCommand {

    Instant now();

    /** ACC-1: the caller opens an account and becomes its first member. */
    record OpenAccount(UUID accountId, String name, Plan plan, UUID firstMemberId, String loginId, String memberName,
            String email, Instant now) implements AccountCommand {
    }

    /** USR-1: a full admin adds a member; the login was looked up or created beforehand (USR-2). */
    record AddMember(String actorLoginId, UUID memberId, String loginId, boolean loginCreated, String name, String email,
            Role role, CompanyAccess companyAccess, List<SupportFeature> supportFeatures, String language,
            Instant now) implements AccountCommand {
    }

    /** USR-4. */
    record ChangeRole(String actorLoginId, UUID memberId, Role role, Instant now) implements AccountCommand {
    }

    /** USR-6. */
    record DeleteMember(String actorLoginId, UUID memberId, Instant now) implements AccountCommand {
    }

    /** BIL-2. */
    record HandOverBillingContact(String actorLoginId, UUID toMemberId, Instant now) implements AccountCommand {
    }

    /** ACC-3. */
    record ChangePlan(String actorLoginId, Plan plan, Instant now) implements AccountCommand {
    }

    /** SEAT-1, SEAT-2. */
    record ProvisionSeat(String actorLoginId, UUID memberId, Module module, Instant now) implements AccountCommand {
    }

    record ReleaseSeat(String actorLoginId, UUID memberId, Module module, Instant now) implements AccountCommand {
    }

    /** ACC-3, ACC-4. */
    record ChangeBillingInfo(String actorLoginId, BillingInfo billingInfo, Instant now) implements AccountCommand {
    }

    /** ACC-5. */
    record ChangeSettings(String actorLoginId, Settings settings, Instant now) implements AccountCommand {
    }

    /** USR-5. */
    record ChangeProfile(String actorLoginId, UUID memberId, String name, String email, Instant now) implements AccountCommand {
    }

    /** USR-4, CMP-2. */
    record ChangeCompanyAccess(String actorLoginId, UUID memberId, CompanyAccess companyAccess, Instant now) implements AccountCommand {
    }

    /** USR-4, FEAT-1. */
    record ChangeSupportFeatures(String actorLoginId, UUID memberId, List<SupportFeature> supportFeatures, Instant now) implements AccountCommand {
    }

    /** CMP-1. */
    record AddCompany(String actorLoginId, UUID companyId, String name, Instant now) implements AccountCommand {
    }

    /** CMP-1. */
    record RenameCompany(String actorLoginId, UUID companyId, String name, Instant now) implements AccountCommand {
    }

    /** CMP-1, CMP-2. */
    record RemoveCompany(String actorLoginId, UUID companyId, Instant now) implements AccountCommand {
    }

    /** CMP-3. */
    record CreateGroup(String actorLoginId, GroupKind kind, UUID groupId, String name, Instant now) implements AccountCommand {
    }

    /** CMP-3. */
    record RenameGroup(String actorLoginId, GroupKind kind, UUID groupId, String name, Instant now) implements AccountCommand {
    }

    /** CMP-3. */
    record DeleteGroup(String actorLoginId, GroupKind kind, UUID groupId, Instant now) implements AccountCommand {
    }

    /** USR-4: the user groups a member belongs to, whole. */
    record ChangeUserGroups(String actorLoginId, UUID memberId, List<UUID> userGroups, Instant now) implements AccountCommand {
    }

    /** CMP-3: the groups a limited admin supervises, whole. */
    record AssignSupervisedGroups(String actorLoginId, UUID memberId, List<UUID> userGroups, List<UUID> deviceGroups, Instant now)
            implements
                AccountCommand {
    }

    /** CMP-4. */
    record AddDevice(String actorLoginId, UUID deviceId, String name, UUID companyId, UUID deviceGroupId, Instant now) implements AccountCommand {
    }

    /** CMP-4: the device, whole. */
    record ChangeDevice(String actorLoginId, UUID deviceId, String name, UUID companyId, UUID deviceGroupId, Instant now) implements AccountCommand {
    }

    /** CMP-4. */
    record RemoveDevice(String actorLoginId, UUID deviceId, Instant now) implements AccountCommand {
    }

    /** INV-6. */
    record DefineSecurityPolicy(String actorLoginId, UUID policyId, String name, String description, List<PolicyPermission> permissions,
            Instant now) implements AccountCommand {
    }

    /** INV-6: name, description and permissions, whole. */
    record ChangeSecurityPolicy(String actorLoginId, UUID policyId, String name, String description, List<PolicyPermission> permissions,
            Instant now) implements AccountCommand {
    }

    /** INV-6: disable (or enable again) a policy for invites. */
    record SetSecurityPolicyEnabled(String actorLoginId, UUID policyId, boolean enabled, Instant now) implements AccountCommand {
    }

    /** CC-1. */
    record AssignContactCenterRole(String actorLoginId, UUID memberId, CcRole role, Instant now) implements AccountCommand {
    }

    /** CC-1. */
    record RevokeContactCenterRole(String actorLoginId, UUID memberId, CcRole role, Instant now) implements AccountCommand {
    }

    /** CC-1. */
    record CreateQueue(String actorLoginId, UUID queueId, String name, Instant now) implements AccountCommand {
    }

    /** CC-1: assign a member to a queue as agent or supervisor; a null role unassigns. */
    record AssignQueue(String actorLoginId, UUID queueId, UUID memberId, QueueRole role, Instant now) implements AccountCommand {
    }

    /** CC-2 to CC-4. */
    record ChangeContactCenterRolePermissions(String actorLoginId, CcRole role, List<CcPermission> permissions, Instant now) implements AccountCommand {
    }

    /** ACC-5, CC-6. */
    record ChangeContactCenterSettings(String actorLoginId, boolean restrictUnassignedQueueLogin, Instant now) implements AccountCommand {
    }
}
