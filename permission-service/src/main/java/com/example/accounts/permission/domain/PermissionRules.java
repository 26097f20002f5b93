package com.example.accounts.permission.domain;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The rule book's account permissions, decided from a member's role and billing-contact flag. Pure.
 * Permissions that also depend on seats, features, companies, plans, contact-center roles or sessions are not
 * projected yet; asking for one is refused by name rather than answered with a guess.
 */
public final class PermissionRules {

    private static final Map<String, Function<MemberFacts, Decision>> RULES = Map.of(
            "account.view", m -> anyRole(m, Set.of("ADMIN", "LIMITED_ADMIN", "STANDARD"), "USR-10/USR-11: members but observers view account data"),
            "account.settings.manage", m -> anyRole(m, Set.of("ADMIN"), "ACC-5: full admins change account-wide settings"),
            "members.manage", m -> anyRole(m, Set.of("ADMIN"), "USR-1/USR-4: full admins add and manage members"),
            "groups.manage", m -> anyRole(m, Set.of("ADMIN"), "CMP-3: full admins manage user and device groups"),
            "companies.manage", m -> anyRole(m, Set.of("ADMIN"), "CMP-1: full admins manage companies"),
            "security-policies.manage", m -> anyRole(m, Set.of("ADMIN"), "INV-6: full admins manage security policies"),
            "subscription.change", m -> billingContact(m, "ACC-3: only the billing contact changes the plan"),
            "billing.change", m -> billingContact(m, "ACC-3: only the billing contact changes billing information"),
            "profile.manage-own", m -> Decision.allow("USR-5: every member manages their own profile (role " + m.role() + ")"));

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
}
