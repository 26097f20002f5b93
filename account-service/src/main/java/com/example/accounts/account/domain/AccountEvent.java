package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Vocabulary.BillingInfo;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Module;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.account.domain.Vocabulary.SupportFeature;

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
}
