package com.example.accounts.permission.domain;

import com.example.accounts.permission.domain.Resource.Kind;

import java.util.Set;
import java.util.UUID;

/** The checks and reasons every family of rules shares: role, plan, seat, company access and a resource that is not there. */
final class Guards {

    static final Set<String> NON_OBSERVERS = Set.of("ADMIN", "LIMITED_ADMIN", "STANDARD");
    static final Set<String> FULL_ADMIN = Set.of("ADMIN");

    private Guards() {
    }

    static Decision role(Member member, Set<String> roles, String rule) {
        return roles.contains(member.role())
                ? Decision.allow("role " + member.role() + " (" + rule + ")")
                : Decision.deny("role " + member.role() + " does not grant it (" + rule + ")", "role " + String.join(" or ", roles.stream().sorted().toList()));
    }

    static Decision inPlan(Ask a, String module, String rule) {
        return a.account().planModules().contains(module)
                ? Decision.allow(module + " in the plan (" + rule + ")")
                : Decision.deny(module + " is not in the plan (SEAT-5: a module not in the plan grants nothing)", module + " in the plan");
    }

    /** SEAT-3, SEAT-5: a seat-bearing module needs the module in the plan and its seat, admins included. */
    static Decision seat(Ask a, String module) {
        if (a.member().role().equals("MONITORING_OBSERVER")) {
            return Decision.allOf(inPlan(a, module, "SEAT-5"), Decision.deny("observers hold no seat (SEAT-1, USR-11)", "a role that holds seats"));
        }
        Decision seat = a.member().seats().contains(module)
                ? Decision.allow("a " + module + " seat (SEAT-3)")
                : Decision.deny("no " + module + " seat (SEAT-3: without the module's seat no part of it, admins included)", "a " + module + " seat");
        return Decision.allOf(inPlan(a, module, "SEAT-5"), seat);
    }

    /** CMP-2, USR-3: admins reach every company; others ALL or the companies listed, an empty list none. */
    static Decision companyAccess(Ask a, String rule) {
        if (a.resource() == null) {
            if (!a.member().admin() && !a.member().allCompanies() && a.member().companies().isEmpty()) {
                return Decision.deny("company access lists no company (CMP-2: an empty list reaches none)", "access to a company");
            }
            return Decision.allow("no company asked (" + rule + ")");
        }
        return companyAccess(a.account(), a.member(), a.resource().id(), rule);
    }

    static Decision companyAccess(AccountView account, Member member, UUID companyId, String rule) {
        if (!account.companies().contains(companyId)) {
            return missingResource(new Resource(Kind.COMPANY, companyId));
        }
        if (member.admin()) {
            return Decision.allow("role " + member.role() + " reaches every company (USR-3)");
        }
        if (member.allCompanies()) {
            return Decision.allow("company access ALL (" + rule + ")");
        }
        return member.companies().contains(companyId)
                ? Decision.allow("company access lists company " + companyId + " (" + rule + ")")
                : Decision.deny("company access does not list company " + companyId + " (CMP-2, " + rule + ")", "access to company " + companyId);
    }

    static Decision missingResource(Resource resource) {
        return Decision.deny("no " + resource + " in this account", "an existing " + resource.kind().label());
    }
}
