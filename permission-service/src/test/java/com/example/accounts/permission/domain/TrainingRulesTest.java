package com.example.accounts.permission.domain;

import com.example.accounts.permission.domain.AccountView.Session;
import com.example.accounts.permission.domain.Resource.Kind;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static com.example.accounts.permission.domain.Fixtures.a;
import static com.example.accounts.permission.domain.Fixtures.account;
import static com.example.accounts.permission.domain.Fixtures.may;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training sessions: who schedules and hosts them (TRN-1 to TRN-3). */
class TrainingRulesTest {

    @Test
    void TRN1_TRN2_TRN3_organizersAndCoOrganizersHostOnlyTheOrganizerSeesTheReports() {
        Member organizer = a("STANDARD").build();
        Member co = a("STANDARD").build();
        Member other = a("ADMIN").build();
        Member observer = a("MONITORING_OBSERVER").build();
        UUID training = UUID.randomUUID();
        Session session = new Session(training, Session.TRAINING, organizer.memberId(), Set.of(co.memberId()), null, null, false);
        AccountView acme = account("TRAINING").with(organizer, co, other, observer).session(session).build();
        assertTrue(may(acme, organizer, "training.session.host", Kind.SESSION, training));
        assertTrue(may(acme, co, "training.session.host", Kind.SESSION, training));
        assertFalse(may(acme, other, "training.session.host", Kind.SESSION, training));
        assertTrue(may(acme, other, "training.session.schedule"));
        assertFalse(may(acme, observer, "training.session.schedule"), "TRN-1: observers cannot");
        assertTrue(may(acme, organizer, "reports.view", Kind.SESSION, training));
        assertFalse(may(acme, co, "reports.view", Kind.SESSION, training), "TRN-3: after-session features are the organizer's");

        AccountView off = account("TRAINING").with(organizer, co).coOrganizersOff().session(session).build();
        Decision turnedOff = PermissionRules.decide(off, co, "training.session.host", new Resource(Kind.SESSION, training));
        assertFalse(turnedOff.allowed());
        assertTrue(turnedOff.missing().contains("the account setting coOrganizers"), turnedOff.missing().toString());
        assertFalse(may(account("REMOTE_SUPPORT").with(organizer).build(), organizer, "training.session.schedule"));
    }

    @Test
    void TRN1_aLimitedAdminSchedulesAndHostsTrainingObserversNeverAndNobodyWithoutTheModule() {
        Member lena = a("LIMITED_ADMIN").build();
        Member olga = a("MONITORING_OBSERVER").build();
        UUID training = UUID.randomUUID();
        Session hers = new Session(training, Session.TRAINING, lena.memberId(), Set.of(olga.memberId()), null, null, false);
        AccountView acme = account("TRAINING").with(lena, olga).session(hers).build();
        assertTrue(may(acme, lena, "training.session.schedule"), "TRN-1 names ADMIN, LIMITED_ADMIN and STANDARD");
        assertTrue(may(acme, lena, "training.session.host", Kind.SESSION, training), "TRN-1: the limited admin organizes it");
        assertFalse(may(acme, olga, "training.session.schedule"), "TRN-1: observers never");
        assertFalse(may(acme, olga, "training.session.host", Kind.SESSION, training), "TRN-1/TRN-3: an observer co-organizer cannot host");
        AccountView moduleGone = account("REMOTE_SUPPORT").with(lena, olga).session(hers).build();
        assertFalse(may(moduleGone, lena, "training.session.schedule"), "TRN-1: without TRAINING nobody");
        assertFalse(may(moduleGone, lena, "training.session.host", Kind.SESSION, training), "TRN-3: the module gone");
    }
}
