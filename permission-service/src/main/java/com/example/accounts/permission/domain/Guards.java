package com.example.accounts.permission.domain;

import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.permission.domain.Resource.Kind;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * The checks and reasons every family of rules shares: role, plan, seat, company access and a resource that is not
 * there. {@code why} is the reason's parenthesis: the rule ids that grant it, with the rule in words where that helps.
 */
final class Guards {

    /** SEAT-1, TRN-1, USR-11: every role but the observer. */
    static final Set<Role> NON_OBSERVERS = Set.copyOf(Arrays.stream(Role.values()).filter(Role::holdsSeats).toList());
    static final Set<Role> FULL_ADMIN = Set.of(Role.ADMIN);

    private Guards() {
    }

    static Decision role(Member member, Set<Role> roles, String why) {
        return roles.contains(member.accountRole())
                ? Decision.allow("role " + member.role() + " (" + why + ")")
                : Decision.deny("role " + member.role() + " does not grant it (" + why + ")",
                        "role " + String.join(" or ", roles.stream().map(Role::name).sorted().toList()));
    }

    static Decision inPlan(Ask a, Module module, String why) {
        return a.account().planModules().contains(module.name())
                ? Decision.allow(module + " in the plan (" + why + ")")
                : Decision.deny(module + " is not in the plan (SEAT-5: a module not in the plan grants nothing)", module + " in the plan");
    }

    /** SEAT-3, SEAT-5: a seat-bearing module needs the module in the plan and its seat, admins included. */
    static Decision seat(Ask a, Module module) {
        if (!a.member().accountRole().holdsSeats()) {
            return Decision.allOf(inPlan(a, module, "SEAT-5"), Decision.deny("observers hold no seat (SEAT-1, USR-11)", "a role that holds seats"));
        }
        Decision seat = a.member().seats().contains(module.name())
                ? Decision.allow("a " + module + " seat (SEAT-3)")
                : Decision.deny("no " + module + " seat (SEAT-3: without the module's seat no part of it, admins included)", "a " + module + " seat");
        return Decision.allOf(inPlan(a, module, "SEAT-5"), seat);
    }

    /** CMP-2, USR-3: admins reach every company; others ALL or the companies listed, an empty list none. */
    static Decision companyAccess(Ask a, String why) {
        if (a.resource() == null) {
            if (!a.member().accountRole().admin() && !a.member().allCompanies() && a.member().companies().isEmpty()) {
                return Decision.deny("company access lists no company (CMP-2: an empty list reaches none)", "access to a company");
            }
            return Decision.allow("no company asked (" + why + ")");
        }
        return companyAccess(a.account(), a.member(), a.resource().id(), why);
    }

    static Decision companyAccess(AccountView account, Member member, UUID companyId, String why) {
        if (!account.companies().contains(companyId)) {
            return missingResource(new Resource(Kind.COMPANY, companyId));
        }
        if (member.accountRole().admin()) {
            return Decision.allow("role " + member.role() + " reaches every company (USR-3)");
        }
        if (member.allCompanies()) {
            return Decision.allow("company access ALL (" + why + ")");
        }
        return member.companies().contains(companyId)
                ? Decision.allow("company access lists company " + companyId + " (" + why + ")")
                : Decision.deny("company access does not list company " + companyId + " (CMP-2, " + why + ")", "access to company " + companyId);
    }

    static Decision missingResource(Resource resource) {
        return Decision.deny("no " + resource + " in this account", "an existing " + resource.kind().label());
    }
}
