package com.example.accounts.permission.domain;

import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.permission.domain.AccountView.Session;

import static com.example.accounts.permission.domain.Guards.NON_OBSERVERS;
import static com.example.accounts.permission.domain.Guards.inPlan;
import static com.example.accounts.permission.domain.Guards.missingResource;
import static com.example.accounts.permission.domain.Guards.role;

/** Training sessions: who schedules and hosts them (TRN-1 to TRN-3). */
final class TrainingRules {

    private TrainingRules() {
    }

    /** TRN-1: full and limited admins and standard members of an account with TRAINING schedule and host; observers never. */
    static Decision organize(Ask a) {
        return Decision.allOf(inPlan(a, Module.TRAINING, "TRN-1"),
                role(a.member(), NON_OBSERVERS, "TRN-1: ADMIN, LIMITED_ADMIN and STANDARD members organize; observers never"));
    }

    /** TRN-2, TRN-3: the organizer, and co-organizers unless the account turned them off, host a session not ended. */
    static Decision host(Ask a) {
        Decision base = organize(a);
        if (a.resource() == null) {
            return base;
        }
        Session session = a.account().sessions().get(a.resource().id());
        if (session == null || !session.kind().equals(Session.TRAINING)) {
            return Decision.allOf(base, missingResource(a.resource()));
        }
        if (session.ended()) {
            return Decision.allOf(base, Decision.deny("training session " + session.sessionId() + " has ended", "a session not ended"));
        }
        if (session.owner().equals(a.member().memberId())) {
            return Decision.allOf(base, Decision.allow("the session's organizer (TRN-3)"));
        }
        if (session.coOrganizers().contains(a.member().memberId())) {
            return Decision.allOf(base, a.account().coOrganizers()
                    ? Decision.allow("a co-organizer of the session (TRN-2, TRN-3)")
                    : Decision.deny("a co-organizer, but the account turned co-organizers off (TRN-2)", "the account setting coOrganizers"));
        }
        return Decision.allOf(base, Decision.deny("neither organizer nor co-organizer of the session (TRN-3)", "being its organizer or a co-organizer"));
    }
}
