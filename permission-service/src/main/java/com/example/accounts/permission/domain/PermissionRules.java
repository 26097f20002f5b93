package com.example.accounts.permission.domain;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The rule book's permissions that a member's own facts decide: role, billing-contact flag, the plan's modules,
 * seats and support features. Pure. Permissions that also depend on a resource (company, device, queue, session)
 * or on contact-center roles are not evaluated yet; asking for one is refused by name rather than guessed.
 */
public final class PermissionRules {

    private static final Set<String> MEMBERS = Set.of("ADMIN", "LIMITED_ADMIN", "STANDARD");

    private static final Map<String, Function<MemberFacts, Decision>> RULES = Map.ofEntries(
            Map.entry("account.view", m -> anyRole(m, MEMBERS, "USR-10/USR-11: members but observers view account data")),
            Map.entry("account.settings.manage", m -> anyRole(m, Set.of("ADMIN"), "ACC-5: full admins change account-wide settings")),
            Map.entry("members.manage", m -> anyRole(m, Set.of("ADMIN"), "USR-1/USR-4: full admins add and manage members")),
            Map.entry("groups.manage", m -> anyRole(m, Set.of("ADMIN"), "CMP-3: full admins manage user and device groups")),
            Map.entry("companies.manage", m -> anyRole(m, Set.of("ADMIN"), "CMP-1: full admins manage companies")),
            Map.entry("security-policies.manage", m -> anyRole(m, Set.of("ADMIN"), "INV-6: full admins manage security policies")),
            Map.entry("subscription.change", m -> billingContact(m, "ACC-3: only the billing contact changes the plan")),
            Map.entry("billing.change", m -> billingContact(m, "ACC-3: only the billing contact changes billing information")),
            Map.entry("profile.manage-own", m -> Decision.allow("USR-5: every member manages their own profile (role " + m.role() + ")")),
            Map.entry("module.remote-support", m -> seatBearing(m, "REMOTE_SUPPORT")),
            Map.entry("module.service-desk", m -> seatBearing(m, "SERVICE_DESK")),
            Map.entry("module.contact-center", m -> seatBearing(m, "CONTACT_CENTER")),
            Map.entry("module.monitoring", m -> inPlan(m, "MONITORING", "SEAT-4: MONITORING is open to every member, observers included, with no seat")),
            Map.entry("module.training", PermissionRules::training),
            Map.entry("training.session.schedule", PermissionRules::training),
            Map.entry("training.session.host", PermissionRules::training),
            Map.entry("support.file-transfer", m -> Decision.allOf(seatBearing(m, "REMOTE_SUPPORT"), feature(m, "FILE_TRANSFER"))),
            Map.entry("support.remote-control", m -> Decision.allOf(seatBearing(m, "REMOTE_SUPPORT"), feature(m, "REMOTE_CONTROL"))));

    private PermissionRules() {
    }

    public static Set<String> evaluated() {
        return RULES.keySet();
    }

    public static Decision decide(MemberFacts member, String permission) {
        Function<MemberFacts, Decision> rule = RULES.get(permission);
        if (rule == null) {
            throw new IllegalArgumentException(permission);
        }
        return rule.apply(member);
    }

    private static Decision anyRole(MemberFacts member, Set<String> roles, String rule) {
        return roles.contains(member.role())
                ? Decision.allow("role " + member.role() + " (" + rule + ")")
                : Decision.deny("role " + member.role() + " does not grant it (" + rule + ")", "role " + String.join(" or ", roles.stream().sorted().toList()));
    }

    private static Decision billingContact(MemberFacts member, String rule) {
        return member.billingContact()
                ? Decision.allow("billing contact (" + rule + ")")
                : Decision.deny("not the billing contact (" + rule + ")", "billing contact flag");
    }

    private static Decision inPlan(MemberFacts member, String module, String rule) {
        return member.planModules().contains(module)
                ? Decision.allow(module + " in the plan (" + rule + ")")
                : Decision.deny(module + " is not in the plan (SEAT-5: a module not in the plan grants nothing)", module + " in the plan");
    }

    /** SEAT-3, SEAT-5: a seat-bearing module needs the module in the plan and its seat, admins included. */
    private static Decision seatBearing(MemberFacts member, String module) {
        Decision seat = member.seats().contains(module)
                ? Decision.allow("a " + module + " seat (SEAT-3)")
                : Decision.deny("no " + module + " seat (SEAT-3: without the module's seat no part of it, admins included)", "a " + module + " seat");
        return Decision.allOf(inPlan(member, module, "SEAT-5"), seat);
    }

    /** TRN-1: admins and standard members of an account with TRAINING schedule and host; observers cannot. */
    private static Decision training(MemberFacts member) {
        return Decision.allOf(inPlan(member, "TRAINING", "TRN-1"), anyRole(member, MEMBERS, "TRN-1: observers cannot"));
    }

    /** FEAT-1, USR-3: admins have every support feature; others those they were given. */
    private static Decision feature(MemberFacts member, String feature) {
        if (member.role().equals("ADMIN") || member.role().equals("LIMITED_ADMIN")) {
            return Decision.allow("role " + member.role() + " has every support feature (USR-3)");
        }
        return member.supportFeatures().contains(feature)
                ? Decision.allow(feature + " given (FEAT-1)")
                : Decision.deny(feature + " not given (FEAT-1)", "the " + feature + " support feature");
    }
}
