package com.example.accounts.permission.domain;

import static com.example.accounts.permission.domain.Guards.FULL_ADMIN;
import static com.example.accounts.permission.domain.Guards.NON_OBSERVERS;
import static com.example.accounts.permission.domain.Guards.role;

/** The account itself: viewing it, its settings and security policies (USR-10, USR-11, ACC-5, INV-6), the plan and billing (ACC-3), one's own profile (USR-5). */
final class AccountRules {

    private AccountRules() {
    }

    static Decision view(Ask a) {
        return role(a.member(), NON_OBSERVERS, "USR-10/USR-11: every member but observers views account data");
    }

    static Decision settings(Ask a) {
        return role(a.member(), FULL_ADMIN, "ACC-5: full admins change account-wide settings");
    }

    static Decision securityPolicies(Ask a) {
        return role(a.member(), FULL_ADMIN, "INV-6: full admins manage security policies");
    }

    static Decision subscription(Ask a) {
        return billingContact(a.member(), "ACC-3: only the billing contact changes the plan");
    }

    static Decision billing(Ask a) {
        return billingContact(a.member(), "ACC-3: only the billing contact changes billing information");
    }

    static Decision ownProfile(Ask a) {
        return Decision.allow("USR-5/USR-10: every member manages their own profile (role " + a.member().role() + ")");
    }

    private static Decision billingContact(Member member, String why) {
        return member.billingContact()
                ? Decision.allow("billing contact (" + why + ")")
                : Decision.deny("not the billing contact (" + why + ")", "the billing contact flag");
    }
}
