package com.example.accounts.permission.domain;

import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.SupportFeature;
import com.example.accounts.permission.domain.AccountView.Device;
import com.example.accounts.permission.domain.AccountView.Session;

import static com.example.accounts.permission.domain.Guards.companyAccess;
import static com.example.accounts.permission.domain.Guards.missingResource;
import static com.example.accounts.permission.domain.Guards.seat;

/** Support sessions: hosting, unattended access, what a technician does in a session, inviting (SUP-1 to SUP-6, FEAT-1, INV-1). */
final class SupportRules {

    private SupportRules() {
    }

    /** SUP-1: a session for a company needs access to it; a session for no company needs none. */
    static Decision host(Ask a) {
        return a.resource() == null
                ? Decision.allOf(seat(a, Module.REMOTE_SUPPORT), Decision.allow("no company: a session for none (SUP-1)"))
                : Decision.allOf(seat(a, Module.REMOTE_SUPPORT), companyAccess(a, "SUP-1"));
    }

    /** FEAT-1, USR-3: admins have every support feature; others those they were given. */
    private static Decision feature(Member member, SupportFeature feature) {
        if (member.accountRole().admin()) {
            return Decision.allow("role " + member.role() + " has every support feature (USR-3)");
        }
        return member.supportFeatures().contains(feature.name())
                ? Decision.allow(feature + " given (FEAT-1)")
                : Decision.deny(feature + " not given (FEAT-1)", "the " + feature + " support feature");
    }

    /** SUP-3: an unattended session needs the seat, UNATTENDED_ACCESS and access to the device's company. */
    static Decision unattended(Ask a) {
        Decision base = Decision.allOf(seat(a, Module.REMOTE_SUPPORT), feature(a.member(), SupportFeature.UNATTENDED_ACCESS));
        if (a.resource() == null) {
            return base;
        }
        Device device = a.account().devices().get(a.resource().id());
        if (device == null) {
            return missingResource(a.resource());
        }
        return Decision.allOf(base, companyAccess(a.account(), a.member(), device.companyId(), "SUP-3: the device's company"));
    }

    /** SUP-4: remote control and file transfer need the seat and the feature; in a session, being its technician. */
    static Decision inSession(Ask a, SupportFeature feature) {
        Decision base = Decision.allOf(seat(a, Module.REMOTE_SUPPORT), feature(a.member(), feature));
        return a.resource() == null ? base : Decision.allOf(base, technicianOf(a));
    }

    private static Decision technicianOf(Ask a) {
        Session session = a.account().sessions().get(a.resource().id());
        if (session == null || !session.kind().equals(Session.SUPPORT)) {
            return missingResource(a.resource());
        }
        if (session.ended()) {
            return Decision.deny("support session " + session.sessionId() + " has ended (SUP-5)", "an active session");
        }
        return session.owner().equals(a.member().memberId())
                ? Decision.allow("the technician of support session " + session.sessionId() + " (SUP-4)")
                : Decision.deny("not the technician of support session " + session.sessionId() + " (SUP-4, SUP-6)", "owning the session");
    }

    /** INV-1: a technician in an active session invites, under a security policy enabled for invites. */
    static Decision inviteExternal(Ask a) {
        Decision policy = a.account().securityPolicies().values().stream().anyMatch(AccountView.Policy::enabled)
                ? Decision.allow("a security policy is enabled for invites (INV-1)")
                : Decision.deny("no security policy of the account is enabled for invites (INV-1)", "a security policy enabled for invites");
        Decision base = Decision.allOf(seat(a, Module.REMOTE_SUPPORT), policy);
        return a.resource() == null ? base : Decision.allOf(base, technicianOf(a));
    }
}
