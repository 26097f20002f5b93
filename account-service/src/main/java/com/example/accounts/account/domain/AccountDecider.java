package com.example.accounts.account.domain;

import com.example.accounts.rules.Refusal;
import com.example.accounts.account.domain.Account.Company;
import com.example.accounts.account.domain.Account.Member;
import com.example.accounts.account.domain.AccountCommand.AddCompany;
import com.example.accounts.account.domain.AccountCommand.AddDevice;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.AssignContactCenterRole;
import com.example.accounts.account.domain.AccountCommand.AssignQueue;
import com.example.accounts.account.domain.AccountCommand.AssignSupervisedGroups;
import com.example.accounts.account.domain.AccountCommand.ChangeBillingInfo;
import com.example.accounts.account.domain.AccountCommand.ChangeCompanyAccess;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterRolePermissions;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterSettings;
import com.example.accounts.account.domain.AccountCommand.ChangeDevice;
import com.example.accounts.account.domain.AccountCommand.ChangePlan;
import com.example.accounts.account.domain.AccountCommand.ChangeProfile;
import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.ChangeSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.ChangeSettings;
import com.example.accounts.account.domain.AccountCommand.ChangeSupportFeatures;
import com.example.accounts.account.domain.AccountCommand.ChangeUserGroups;
import com.example.accounts.account.domain.AccountCommand.CreateGroup;
import com.example.accounts.account.domain.AccountCommand.CreateQueue;
import com.example.accounts.account.domain.AccountCommand.DefineSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.DeleteGroup;
import com.example.accounts.account.domain.AccountCommand.DeleteMember;
import com.example.accounts.account.domain.AccountCommand.HandOverBillingContact;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.AccountCommand.ProvisionSeat;
import com.example.accounts.account.domain.AccountCommand.ReleaseSeat;
import com.example.accounts.account.domain.AccountCommand.RemoveCompany;
import com.example.accounts.account.domain.AccountCommand.RemoveDevice;
import com.example.accounts.account.domain.AccountCommand.RenameCompany;
import com.example.accounts.account.domain.AccountCommand.RenameGroup;
import com.example.accounts.account.domain.AccountCommand.RevokeContactCenterRole;
import com.example.accounts.account.domain.AccountCommand.SetSecurityPolicyEnabled;
import com.example.accounts.account.domain.AccountEvent.AccountOpened;
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
import com.example.accounts.account.domain.AccountEvent.SupervisedGroupsChanged;
import com.example.accounts.account.domain.AccountEvent.SupportFeaturesChanged;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.AccountEvent.UserDeleted;
import com.example.accounts.account.domain.AccountEvent.UserProfileChanged;
import com.example.accounts.account.domain.Vocabulary.BillingInfo;
import com.example.accounts.account.domain.Vocabulary.CcRole;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Module;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.account.domain.Vocabulary.Settings;
import com.example.accounts.account.domain.Vocabulary.SupportFeature;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Decides what an account command does: the events it records, or the rule that refuses it. Pure. */
public final class AccountDecider {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_ADDRESS = 500;
    static final int MAX_VAT_ID = 20;
    static final int MAX_PAYMENT_REF = 100;
    static final List<String> LANGUAGES = List.of("en", "fr", "es", "de");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private AccountDecider() {
    }

    public static List<AccountEvent> decide(AccountCommand command, Account state) {
        return switch (command) {
            case OpenAccount open -> open(open, state);
            case AddMember add -> addMember(add, state);
            case ChangeRole change -> changeRole(change, state);
            case DeleteMember delete -> deleteMember(delete, state);
            case HandOverBillingContact handOver -> handOver(handOver, state);
            case ChangePlan change -> changePlan(change, state);
            case ProvisionSeat provision -> provisionSeat(provision, state);
            case ReleaseSeat release -> releaseSeat(release, state);
            case ChangeCompanyAccess change -> changeCompanyAccess(change, state);
            case ChangeSupportFeatures change -> changeSupportFeatures(change, state);
            case AddCompany add -> addCompany(add, state);
            case RenameCompany rename -> renameCompany(rename, state);
            case RemoveCompany remove -> removeCompany(remove, state);
            case ChangeBillingInfo change -> changeBillingInfo(change, state);
            case ChangeSettings change -> changeSettings(change, state);
            case ChangeProfile change -> changeProfile(change, state);
            case CreateGroup create -> GroupsAndDevices.createGroup(create, state);
            case RenameGroup rename -> GroupsAndDevices.renameGroup(rename, state);
            case DeleteGroup delete -> GroupsAndDevices.deleteGroup(delete, state);
            case ChangeUserGroups change -> GroupsAndDevices.changeUserGroups(change, state);
            case AssignSupervisedGroups assign -> GroupsAndDevices.assignSupervisedGroups(assign, state);
            case AddDevice add -> GroupsAndDevices.addDevice(add, state);
            case ChangeDevice change -> GroupsAndDevices.changeDevice(change, state);
            case RemoveDevice remove -> GroupsAndDevices.removeDevice(remove, state);
            case DefineSecurityPolicy define -> SecurityPolicies.define(define, state);
            case ChangeSecurityPolicy change -> SecurityPolicies.change(change, state);
            case SetSecurityPolicyEnabled set -> SecurityPolicies.setEnabled(set, state);
            case AssignContactCenterRole assign -> ContactCenterRules.assignRole(assign, state);
            case RevokeContactCenterRole revoke -> ContactCenterRules.revokeRole(revoke, state);
            case CreateQueue create -> ContactCenterRules.createQueue(create, state);
            case AssignQueue assign -> ContactCenterRules.assignQueue(assign, state);
            case ChangeContactCenterRolePermissions change -> ContactCenterRules.changeRolePermissions(change, state);
            case ChangeContactCenterSettings change -> ContactCenterRules.changeSettings(change, state);
        };
    }

    private static List<AccountEvent> open(OpenAccount open, Account state) {
        if (state.opened()) {
            throw Refusal.conflict("ACC-1", "accountId", "the account is already open");
        }
        String accountName = name("ACC-1", "name", open.name());
        String memberName = name("ACC-1", "admin.name", open.memberName());
        String email = email("ACC-1", "admin.email", open.email());
        checkPlan(open.plan());
        // ACC-1: the first member is ADMIN and billing contact; seats come with the seat rules later.
        return List.of(
                new AccountOpened(open.accountId(), accountName, open.plan(), open.firstMemberId()),
                new UserAdded(open.firstMemberId(), open.loginId(), memberName, email, Role.ADMIN, CompanyAccess.ALL,
                        List.of(SupportFeature.values()), false, null));
    }

    private static void checkPlan(Plan plan) {
        Set<Module> modules = new HashSet<>(plan.modules());
        if (modules.size() != plan.modules().size()) {
            throw Refusal.invalid("ACC-2", "plan.modules", "lists a module twice");
        }
        Set<Module> counted = new HashSet<>();
        for (SeatCount count : plan.seats()) {
            if (!count.module().seatBearing()) {
                throw Refusal.invalid("ACC-2", "plan.seats", count.module() + " is not sold in seats");
            }
            if (!modules.contains(count.module())) {
                throw Refusal.invalid("ACC-2", "plan.seats", count.module() + " has seats but is not in the plan's modules");
            }
            if (count.seats() < 0) {
                throw Refusal.invalid("ACC-2", "plan.seats", count.module() + " cannot have a negative number of seats");
            }
            if (!counted.add(count.module())) {
                throw Refusal.invalid("ACC-2", "plan.seats", count.module() + " is counted twice");
            }
        }
    }

    /** ACC-6: the acting member, or "no such account" for anyone who is not one. */
    public static Member actor(Account state, String loginId) {
        if (!state.opened()) {
            throw noSuchAccount();
        }
        return state.memberByLogin(loginId).orElseThrow(AccountDecider::noSuchAccount);
    }

    /** ACC-6: all that anyone who is not a member learns of an account, the same for every id, real or not. */
    public static Refusal noSuchAccount() {
        return Refusal.notFound("ACC-6", "no such account");
    }

    static Member member(Account state, UUID memberId) {
        return found(state.members(), memberId, "member");
    }

    /** ACC-6: an id that is not this account's is as unknown as one that never existed. */
    static <T> T found(Map<UUID, T> items, UUID id, String what) {
        T item = items.get(id);
        if (item == null) {
            throw Refusal.notFound("ACC-6", "no such " + what);
        }
        return item;
    }

    static void fullAdmin(Member actor, String rule, String what) {
        if (actor.role() != Role.ADMIN) {
            throw Refusal.forbidden(rule, "only full admins " + what + "; you are " + actor.role());
        }
    }

    /** USR-4, USR-6: full admins act on any member; a limited admin on non-admin members of the groups it supervises. */
    static void manages(Member actor, Member target, String rule, String what) {
        if (actor.role() == Role.ADMIN) {
            return;
        }
        if (actor.role() == Role.LIMITED_ADMIN) {
            if (!target.role().admin() && target.userGroups().stream().anyMatch(actor.supervisedUserGroups()::contains)) {
                return;
            }
            throw Refusal.forbidden(rule, "a limited admin may " + what + " only for non-admin members of the groups it supervises");
        }
        throw Refusal.forbidden(rule, "only admins " + what + "; you are " + actor.role());
    }

    private static List<AccountEvent> addMember(AddMember add, Account state) {
        fullAdmin(actor(state, add.actorLoginId()), "USR-1", "add members");
        String name = name("USR-1", "name", add.name());
        String email = email("USR-1", "email", add.email());
        if (state.memberByEmail(email).isPresent()) {
            throw Refusal.conflict("USR-1", "email", email + " is already a member of this account");
        }
        // USR-13: the email may be new here while its login is not (the member changed their email since).
        state.memberByLogin(add.loginId()).ifPresent(existing -> {
            throw Refusal.conflict("USR-13", "email", "the login of " + email + " is already a member of this account, as " + existing.email());
        });
        if (add.role() == null) {
            throw Refusal.invalid("USR-1", "role", "is required");
        }
        if (add.language() != null && !LANGUAGES.contains(add.language())) {
            throw Refusal.invalid("NTF-6", "language", "must be one of " + LANGUAGES);
        }
        boolean admin = add.role().admin();
        // USR-3: admins have every feature and every company, and these cannot be set for them.
        if (admin && (add.companyAccess() != null || (add.supportFeatures() != null && !add.supportFeatures().isEmpty()))) {
            throw Refusal.invalid("USR-3", add.companyAccess() != null ? "companyAccess" : "supportFeatures",
                    "admins have every company and support feature; it cannot be set for them");
        }
        CompanyAccess access = admin ? CompanyAccess.ALL
                : add.companyAccess() == null ? CompanyAccess.NONE : companyAccess(state, add.companyAccess());
        List<SupportFeature> features = admin ? List.of(SupportFeature.values())
                : add.supportFeatures() == null ? List.of() : supportFeatures(add.supportFeatures());
        return List.of(new UserAdded(add.memberId(), add.loginId(), name, email, add.role(), access, features,
                add.loginCreated(), add.language()));
    }

    private static List<AccountEvent> changeRole(ChangeRole change, Account state) {
        Member actor = actor(state, change.actorLoginId());
        Member target = member(state, change.memberId());
        if (change.role() == null) {
            throw Refusal.invalid("USR-4", "role", "is required");
        }
        if (samePerson(actor, target)) {
            throw Refusal.forbidden("USR-8", "nobody changes their own role");
        }
        manages(actor, target, "USR-4", "change another member's role");
        if (actor.role() == Role.LIMITED_ADMIN && (change.role() == Role.ADMIN || change.role() == Role.LIMITED_ADMIN)) {
            throw Refusal.forbidden("USR-4", "a limited admin grants no role above STANDARD");
        }
        if (target.role() == change.role()) {
            return List.of();
        }
        // USR-7 follows from USR-4 and USR-8 while only full admins act on others; this stays the guard when
        // limited admins act on their groups.
        if (target.role() == Role.ADMIN && state.admins() == 1) {
            throw Refusal.conflict("USR-7", "role", "the account must keep at least one ADMIN");
        }
        if (target.memberId().equals(state.billingContact())) {
            throw Refusal.conflict("BIL-3", "role", "the billing contact stays ADMIN until the flag is handed over (BIL-2)");
        }
        List<AccountEvent> events = new ArrayList<>();
        if (change.role() == Role.MONITORING_OBSERVER) {
            target.seats().forEach(module -> events.add(new SeatReleased(target.memberId(), module))); // SEAT-1, SEAT-6
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

    private static List<AccountEvent> deleteMember(DeleteMember delete, Account state) {
        Member actor = actor(state, delete.actorLoginId());
        Member target = member(state, delete.memberId());
        if (samePerson(actor, target)) {
            throw Refusal.forbidden("USR-8", "nobody deletes themselves");
        }
        manages(actor, target, "USR-6", "delete members");
        if (target.role() == Role.ADMIN && state.admins() == 1) {
            throw Refusal.conflict("USR-7", null, "the account must keep at least one ADMIN");
        }
        if (target.memberId().equals(state.billingContact())) {
            throw Refusal.conflict("BIL-3", null, "the billing contact cannot be deleted until the flag is handed over (BIL-2)");
        }
        List<AccountEvent> events = new ArrayList<>();
        target.seats().forEach(module -> events.add(new SeatReleased(target.memberId(), module))); // SEAT-6
        events.addAll(ContactCenterRules.leaveQueues(state, target));
        events.add(new UserDeleted(target.memberId(), target.loginId(), target.email()));
        return events;
    }

    private static List<AccountEvent> handOver(HandOverBillingContact handOver, Account state) {
        Member actor = actor(state, handOver.actorLoginId());
        if (!actor.memberId().equals(state.billingContact())) {
            throw Refusal.forbidden("BIL-2", "only the billing contact hands the flag over");
        }
        Member target = member(state, handOver.toMemberId());
        if (target.memberId().equals(actor.memberId())) {
            return List.of();
        }
        if (target.role() != Role.ADMIN) {
            throw Refusal.invalid("BIL-1", "memberId", "the billing contact must be an ADMIN; " + target.name() + " is " + target.role());
        }
        return List.of(new BillingContactChanged(actor.memberId(), target.memberId()));
    }

    private static List<AccountEvent> changePlan(ChangePlan change, Account state) {
        Member actor = actor(state, change.actorLoginId());
        if (!actor.memberId().equals(state.billingContact())) {
            throw Refusal.forbidden("ACC-3", "only the billing contact changes the plan");
        }
        checkPlan(change.plan());
        for (Module module : Module.values()) {
            if (!module.seatBearing()) {
                continue;
            }
            long provisioned = state.seatsInUse(module);
            int asked = change.plan().modules().contains(module) ? change.plan().seats().stream()
                    .filter(s -> s.module() == module).mapToInt(SeatCount::seats).findFirst().orElse(0) : 0;
            if (asked < provisioned) {
                throw Refusal.conflict("ACC-3", "plan.seats", module + ": " + provisioned
                        + " seats are provisioned, the plan asks for " + asked + "; release seats first");
            }
        }
        return change.plan().equals(state.plan()) ? List.of() : List.of(new PlanChanged(change.plan()));
    }

    private static List<AccountEvent> provisionSeat(ProvisionSeat provision, Account state) {
        Member actor = actor(state, provision.actorLoginId());
        Member target = member(state, provision.memberId());
        manages(actor, target, "USR-4", "provision seats");
        Module module = provision.module();
        contactCenterLicence(actor, module);
        if (module == null || !module.seatBearing()) {
            throw Refusal.invalid("SEAT-1", "module", module + " is not sold in seats");
        }
        if (!state.plan().modules().contains(module)) {
            throw Refusal.invalid("SEAT-5", "module", module + " is not in the account's plan");
        }
        if (target.role() == Role.MONITORING_OBSERVER) {
            throw Refusal.invalid("SEAT-1", "memberId", "monitoring observers never hold seats");
        }
        if (target.seats().contains(module)) {
            return List.of();
        }
        long inUse = state.seatsInUse(module);
        int bought = state.seatsBought(module);
        if (inUse >= bought) {
            throw Refusal.conflict("SEAT-2", "module", module + ": " + bought + " seats bought, " + inUse + " in use");
        }
        return List.of(new SeatProvisioned(target.memberId(), module));
    }

    /** CC-1: contact-center licences are given and taken by full admins (contact admins are full admins); limited admins give none. */
    private static void contactCenterLicence(Member actor, Module module) {
        if (module == Module.CONTACT_CENTER && actor.role() != Role.ADMIN) {
            throw Refusal.forbidden("CC-1", "only full admins assign contact-center licences; you are " + actor.role());
        }
    }

    private static List<AccountEvent> releaseSeat(ReleaseSeat release, Account state) {
        Member actor = actor(state, release.actorLoginId());
        Member target = member(state, release.memberId());
        manages(actor, target, "USR-4", "release seats");
        contactCenterLicence(actor, release.module());
        return target.seats().contains(release.module()) ? List.of(new SeatReleased(target.memberId(), release.module())) : List.of();
    }

    private static List<AccountEvent> changeCompanyAccess(ChangeCompanyAccess change, Account state) {
        Member target = editableNonAdmin(state, change.actorLoginId(), change.memberId(), "companyAccess", "company access");
        if (change.companyAccess() == null) {
            throw Refusal.invalid("CMP-2", "companyAccess", "is required: {\"all\": true} or {\"all\": false, \"companies\": [...]}");
        }
        CompanyAccess access = companyAccess(state, change.companyAccess());
        return access.equals(target.companyAccess()) ? List.of() : List.of(new CompanyAccessChanged(target.memberId(), access));
    }

    private static List<AccountEvent> changeSupportFeatures(ChangeSupportFeatures change, Account state) {
        Member target = editableNonAdmin(state, change.actorLoginId(), change.memberId(), "supportFeatures", "support features");
        if (change.supportFeatures() == null) {
            throw Refusal.invalid("FEAT-1", "supportFeatures", "is required (an empty list takes every feature away)");
        }
        List<SupportFeature> features = supportFeatures(change.supportFeatures());
        return Set.copyOf(features).equals(target.supportFeatures()) ? List.of() : List.of(new SupportFeaturesChanged(target.memberId(), features));
    }

    /** USR-4: a full admin edits another member; USR-3: an admin's companies and features are not editable. */
    private static Member editableNonAdmin(Account state, String actorLoginId, UUID memberId, String field, String what) {
        Member actor = actor(state, actorLoginId);
        Member target = member(state, memberId);
        manages(actor, target, "USR-4", "change another member's " + what);
        if (target.role().admin()) {
            throw Refusal.invalid("USR-3", field, "admins have every company and support feature; it cannot be edited for them");
        }
        return target;
    }

    /** CMP-2: ALL, or a list of this account's companies (ACC-6: another account's ids are unknown here). */
    private static CompanyAccess companyAccess(Account state, CompanyAccess asked) {
        if (asked.all()) {
            if (!asked.companies().isEmpty()) {
                throw Refusal.invalid("CMP-2", "companyAccess.companies", "must be empty when all is true");
            }
            return CompanyAccess.ALL;
        }
        for (UUID company : asked.companies()) {
            if (company == null || !state.companies().containsKey(company)) {
                throw Refusal.invalid("ACC-6", "companyAccess.companies", "no company " + company + " in this account");
            }
        }
        return new CompanyAccess(false, List.copyOf(new LinkedHashSet<>(asked.companies())));
    }

    private static List<SupportFeature> supportFeatures(List<SupportFeature> asked) {
        if (asked.stream().anyMatch(Objects::isNull)) {
            throw Refusal.invalid("FEAT-1", "supportFeatures", "must name features from " + List.of(SupportFeature.values()));
        }
        return asked.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(asked));
    }

    private static List<AccountEvent> addCompany(AddCompany add, Account state) {
        fullAdmin(actor(state, add.actorLoginId()), "CMP-1", "add companies");
        String name = companyName(state, add.name(), null);
        return List.of(new CompanyAdded(add.companyId(), name));
    }

    private static List<AccountEvent> renameCompany(RenameCompany rename, Account state) {
        fullAdmin(actor(state, rename.actorLoginId()), "CMP-1", "rename companies");
        Company company = company(state, rename.companyId());
        String name = companyName(state, rename.name(), company.companyId());
        return name.equals(company.name()) ? List.of() : List.of(new CompanyRenamed(company.companyId(), name));
    }

    private static List<AccountEvent> removeCompany(RemoveCompany remove, Account state) {
        fullAdmin(actor(state, remove.actorLoginId()), "CMP-1", "remove companies");
        Company company = company(state, remove.companyId());
        long devices = state.devices().values().stream().filter(d -> d.companyId().equals(company.companyId())).count();
        if (devices > 0) {
            throw Refusal.conflict("CMP-4", null, company.name() + " has " + devices + " devices; move or remove them first");
        }
        return List.of(new CompanyRemoved(company.companyId()));
    }

    private static Company company(Account state, UUID companyId) {
        return found(state.companies(), companyId, "company");
    }

    /** CMP-1: names are unique in the account, case-insensitively. */
    private static String companyName(Account state, String raw, UUID renaming) {
        String name = name("CMP-1", "name", raw);
        state.companyByName(name).filter(other -> !other.companyId().equals(renaming)).ifPresent(other -> {
            throw Refusal.conflict("CMP-1", "name", "a company named '" + other.name() + "' exists already");
        });
        return name;
    }

    private static List<AccountEvent> changeBillingInfo(ChangeBillingInfo change, Account state) {
        Member actor = actor(state, change.actorLoginId());
        if (!actor.memberId().equals(state.billingContact())) {
            throw Refusal.forbidden("ACC-3", "only the billing contact changes the billing information");
        }
        BillingInfo asked = change.billingInfo();
        String billingEmail = billingText("billingInfo.email", asked.email(), MAX_EMAIL);
        BillingInfo info = new BillingInfo(billingText("billingInfo.address", asked.address(), MAX_ADDRESS),
                billingEmail == null ? null : email("ACC-4", "billingInfo.email", billingEmail),
                billingText("billingInfo.vatId", asked.vatId(), MAX_VAT_ID),
                billingText("billingInfo.paymentMethodRef", asked.paymentMethodRef(), MAX_PAYMENT_REF));
        return info.equals(state.billingInfo()) ? List.of() : List.of(new BillingInfoChanged(info));
    }

    /**
     * ACC-4: card data is refused before anything else looks at it, and the refusal never repeats the value. The
     * length is bounded first, so the scan for card numbers only ever reads a field's worth of text.
     */
    private static String billingText(String field, String raw, int max) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > max) {
            throw Refusal.invalid("ACC-4", field, "must be at most " + max + " characters, was " + value.length());
        }
        if (CardNumbers.anyIn(value)) {
            throw Refusal.invalid("ACC-4", field, "looks like a payment card number, which is never stored; give the payment provider's reference instead");
        }
        return value.isEmpty() ? null : value;
    }

    private static List<AccountEvent> changeSettings(ChangeSettings change, Account state) {
        fullAdmin(actor(state, change.actorLoginId()), "ACC-5", "change account-wide settings");
        Settings settings = change.settings();
        if (settings.defaultLanguage() == null || !LANGUAGES.contains(settings.defaultLanguage())) {
            throw Refusal.invalid("ACC-5", "defaultLanguage", "must be one of " + LANGUAGES);
        }
        return settings.equals(state.settings()) ? List.of() : List.of(new AccountSettingsChanged(settings));
    }

    private static List<AccountEvent> changeProfile(ChangeProfile change, Account state) {
        Member actor = actor(state, change.actorLoginId());
        Member target = member(state, change.memberId());
        if (!actor.memberId().equals(target.memberId())) {
            throw Refusal.forbidden("USR-5", "only the member changes their own name and email");
        }
        String name = name("USR-5", "name", change.name());
        String email = email("USR-5", "email", change.email());
        state.memberByEmail(email).filter(other -> !other.memberId().equals(target.memberId())).ifPresent(other -> {
            throw Refusal.conflict("USR-1", "email", email + " is already a member of this account");
        });
        return name.equals(target.name()) && email.equals(target.email()) ? List.of()
                : List.of(new UserProfileChanged(target.memberId(), name, email));
    }

    static String name(String rule, String field, String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw Refusal.invalid(rule, field, "is required");
        }
        if (name.length() > MAX_NAME) {
            throw Refusal.invalid(rule, field, "must be at most " + MAX_NAME + " characters, was " + name.length());
        }
        return name;
    }

    static String email(String rule, String field, String raw) {
        String email = raw == null ? "" : raw.strip();
        if (email.isEmpty()) {
            throw Refusal.invalid(rule, field, "is required");
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw Refusal.invalid(rule, field, "is not a valid email address");
        }
        return email.toLowerCase(java.util.Locale.ROOT);
    }
}
