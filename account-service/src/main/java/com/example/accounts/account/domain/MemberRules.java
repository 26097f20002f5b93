package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Account.Member;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.ChangeCompanyAccess;
import com.example.accounts.account.domain.AccountCommand.ChangeProfile;
import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.ChangeSupportFeatures;
import com.example.accounts.account.domain.AccountCommand.DeleteMember;
import com.example.accounts.account.domain.AccountEvent.CompanyAccessChanged;
import com.example.accounts.account.domain.AccountEvent.RoleChanged;
import com.example.accounts.account.domain.AccountEvent.SupervisedGroupsChanged;
import com.example.accounts.account.domain.AccountEvent.SupportFeaturesChanged;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.AccountEvent.UserDeleted;
import com.example.accounts.account.domain.AccountEvent.UserProfileChanged;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.Language;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.contract.vocabulary.SupportFeature;
import com.example.accounts.rules.Refusal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static com.example.accounts.account.domain.AccountGuards.actor;
import static com.example.accounts.account.domain.AccountGuards.email;
import static com.example.accounts.account.domain.AccountGuards.fullAdmin;
import static com.example.accounts.account.domain.AccountGuards.manages;
import static com.example.accounts.account.domain.AccountGuards.member;
import static com.example.accounts.account.domain.AccountGuards.name;

/** Members: adding, roles, deletion, profiles, company access and support features (USR-*, CMP-2, FEAT-1). Pure. */
final class MemberRules {

    private MemberRules() {
    }

    static List<AccountEvent> addMember(AddMember add, Account state) {
        fullAdmin(actor(state, add.actorLoginId()), RuleId.USR_1, "add members");
        String name = name(RuleId.USR_1, "name", add.name());
        String email = email(RuleId.USR_1, "email", add.email());
        if (state.memberByEmail(email).isPresent()) {
            throw Refusal.conflict(RuleId.USR_1, "email", email + " is already a member of this account");
        }
        // USR-13: the email may be new here while its login is not (the member changed their email since).
        state.memberByLogin(add.loginId()).ifPresent(existing -> {
            throw Refusal.conflict(RuleId.USR_13, "email", "the login of " + email + " is already a member of this account, as " + existing.email());
        });
        if (add.role() == null) {
            throw Refusal.invalid(RuleId.USR_1, "role", "is required");
        }
        if (add.language() != null && !Language.codes().contains(add.language())) {
            throw Refusal.invalid(RuleId.NTF_6, "language", "must be one of " + Language.codes());
        }
        boolean admin = add.role().admin();
        // USR-3: admins have every feature and every company, and these cannot be set for them.
        if (admin && (add.companyAccess() != null || (add.supportFeatures() != null && !add.supportFeatures().isEmpty()))) {
            throw Refusal.invalid(RuleId.USR_3, add.companyAccess() != null ? "companyAccess" : "supportFeatures",
                    "admins have every company and support feature; it cannot be set for them");
        }
        CompanyAccess access = admin
                ? CompanyAccess.ALL
                : add.companyAccess() == null ? CompanyAccess.NONE : companyAccess(state, add.companyAccess());
        List<SupportFeature> features = admin
                ? List.of(SupportFeature.values())
                : add.supportFeatures() == null ? List.of() : supportFeatures(add.supportFeatures());
        return List.of(new UserAdded(add.memberId(), add.loginId(), name, email, add.role(), access, features,
                add.loginCreated(), add.language()));
    }

    static List<AccountEvent> changeRole(ChangeRole change, Account state) {
        Member actor = actor(state, change.actorLoginId());
        Member target = member(state, change.memberId());
        if (change.role() == null) {
            throw Refusal.invalid(RuleId.USR_4, "role", "is required");
        }
        if (samePerson(actor, target)) {
            throw Refusal.forbidden(RuleId.USR_8, "nobody changes their own role");
        }
        manages(actor, target, RuleId.USR_4, "change another member's role");
        if (actor.role() == Role.LIMITED_ADMIN && (change.role() == Role.ADMIN || change.role() == Role.LIMITED_ADMIN)) {
            throw Refusal.forbidden(RuleId.USR_4, "a limited admin grants no role above STANDARD");
        }
        if (target.role() == change.role()) {
            return List.of();
        }
        // USR-7 follows from USR-4 and USR-8 while only full admins act on others; this stays the guard when
        // limited admins act on their groups.
        if (target.role() == Role.ADMIN && state.admins() == 1) {
            throw Refusal.conflict(RuleId.USR_7, "role", "the account must keep at least one ADMIN");
        }
        if (target.memberId().equals(state.billingContact())) {
            throw Refusal.conflict(RuleId.BIL_3, "role", "the billing contact stays ADMIN until the flag is handed over (BIL-2)");
        }
        List<AccountEvent> events = new ArrayList<>();
        if (!change.role().holdsSeats()) {
            events.addAll(SeatRules.releaseAll(target)); // SEAT-1, SEAT-6
        }
        // CC-1: CONTACT_ADMIN goes with ADMIN; USR-11: an observer holds no contact-center role.
        target.contactCenterRoles().stream().sorted()
                .filter(cc -> change.role() == Role.MONITORING_OBSERVER || cc == CcRole.CONTACT_ADMIN && change.role() != Role.ADMIN)
                .forEach(cc -> events.addAll(ContactCenterRules.revoked(state, target, cc)));
        events.add(new RoleChanged(target.memberId(), target.role(), change.role()));
        if (target.role() == Role.LIMITED_ADMIN && (!target.supervisedUserGroups().isEmpty() || !target.supervisedDeviceGroups().isEmpty())) {
            events.add(new SupervisedGroupsChanged(target.memberId(), List.of(), List.of())); // CMP-3: only limited admins supervise
        }
        // USR-3: an admin holds every company and feature; a demoted admin starts with none, to be given by edits.
        if (change.role().admin() != target.role().admin()) {
            CompanyAccess access = change.role().admin() ? CompanyAccess.ALL : CompanyAccess.NONE;
            List<SupportFeature> features = change.role().admin() ? List.of(SupportFeature.values()) : List.of();
            if (!access.equals(target.companyAccess())) {
                events.add(new CompanyAccessChanged(target.memberId(), access));
            }
            if (!Set.copyOf(features).equals(target.supportFeatures())) {
                events.add(new SupportFeaturesChanged(target.memberId(), features));
            }
        }
        return events;
    }

    /** USR-8, USR-13: a person is their login; a legacy second membership of it is still themselves. */
    private static boolean samePerson(Member actor, Member target) {
        return actor.memberId().equals(target.memberId()) || actor.loginId().equals(target.loginId());
    }

    static List<AccountEvent> deleteMember(DeleteMember delete, Account state) {
        Member actor = actor(state, delete.actorLoginId());
        Member target = member(state, delete.memberId());
        if (samePerson(actor, target)) {
            throw Refusal.forbidden(RuleId.USR_8, "nobody deletes themselves");
        }
        manages(actor, target, RuleId.USR_6, "delete members");
        if (target.role() == Role.ADMIN && state.admins() == 1) {
            throw Refusal.conflict(RuleId.USR_7, null, "the account must keep at least one ADMIN");
        }
        if (target.memberId().equals(state.billingContact())) {
            throw Refusal.conflict(RuleId.BIL_3, null, "the billing contact cannot be deleted until the flag is handed over (BIL-2)");
        }
        List<AccountEvent> events = new ArrayList<>(SeatRules.releaseAll(target)); // SEAT-6
        events.addAll(ContactCenterRules.leaveQueues(state, target));
        events.add(new UserDeleted(target.memberId(), target.loginId(), target.email()));
        return events;
    }

    static List<AccountEvent> changeCompanyAccess(ChangeCompanyAccess change, Account state) {
        Member target = editableNonAdmin(state, change.actorLoginId(), change.memberId(), "companyAccess", "company access");
        if (change.companyAccess() == null) {
            throw Refusal.invalid(RuleId.CMP_2, "companyAccess", "is required: {\"all\": true} or {\"all\": false, \"companies\": [...]}");
        }
        CompanyAccess access = companyAccess(state, change.companyAccess());
        return access.equals(target.companyAccess()) ? List.of() : List.of(new CompanyAccessChanged(target.memberId(), access));
    }

    static List<AccountEvent> changeSupportFeatures(ChangeSupportFeatures change, Account state) {
        Member target = editableNonAdmin(state, change.actorLoginId(), change.memberId(), "supportFeatures", "support features");
        if (change.supportFeatures() == null) {
            throw Refusal.invalid(RuleId.FEAT_1, "supportFeatures", "is required (an empty list takes every feature away)");
        }
        List<SupportFeature> features = supportFeatures(change.supportFeatures());
        return Set.copyOf(features).equals(target.supportFeatures()) ? List.of() : List.of(new SupportFeaturesChanged(target.memberId(), features));
    }

    /** USR-4: a full admin edits another member; USR-3: an admin's companies and features are not editable. */
    private static Member editableNonAdmin(Account state, String actorLoginId, UUID memberId, String field, String what) {
        Member actor = actor(state, actorLoginId);
        Member target = member(state, memberId);
        manages(actor, target, RuleId.USR_4, "change another member's " + what);
        if (target.role().admin()) {
            throw Refusal.invalid(RuleId.USR_3, field, "admins have every company and support feature; it cannot be edited for them");
        }
        return target;
    }

    /** CMP-2: ALL, or a list of this account's companies (ACC-6: another account's ids are unknown here). */
    private static CompanyAccess companyAccess(Account state, CompanyAccess asked) {
        if (asked.all()) {
            if (!asked.companies().isEmpty()) {
                throw Refusal.invalid(RuleId.CMP_2, "companyAccess.companies", "must be empty when all is true");
            }
            return CompanyAccess.ALL;
        }
        for (UUID company : asked.companies()) {
            if (company == null || !state.companies().containsKey(company)) {
                throw Refusal.invalid(RuleId.ACC_6, "companyAccess.companies", "no company " + company + " in this account");
            }
        }
        return new CompanyAccess(false, List.copyOf(new LinkedHashSet<>(asked.companies())));
    }

    private static List<SupportFeature> supportFeatures(List<SupportFeature> asked) {
        if (asked.stream().anyMatch(Objects::isNull)) {
            throw Refusal.invalid(RuleId.FEAT_1, "supportFeatures", "must name features from " + List.of(SupportFeature.values()));
        }
        return asked.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(asked));
    }

    static List<AccountEvent> changeProfile(ChangeProfile change, Account state) {
        Member actor = actor(state, change.actorLoginId());
        Member target = member(state, change.memberId());
        if (!actor.memberId().equals(target.memberId())) {
            throw Refusal.forbidden(RuleId.USR_5, "only the member changes their own name and email");
        }
        String name = name(RuleId.USR_5, "name", change.name());
        String email = email(RuleId.USR_5, "email", change.email());
        state.memberByEmail(email).filter(other -> !other.memberId().equals(target.memberId())).ifPresent(other -> {
            throw Refusal.conflict(RuleId.USR_1, "email", email + " is already a member of this account");
        });
        return name.equals(target.name()) && email.equals(target.email())
                ? List.of()
                : List.of(new UserProfileChanged(target.memberId(), name, email));
    }
}
