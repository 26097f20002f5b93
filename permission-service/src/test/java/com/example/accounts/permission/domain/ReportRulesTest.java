package com.example.accounts.permission.domain;

import com.example.accounts.permission.domain.AccountView.Session;
import com.example.accounts.permission.domain.Resource.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.example.accounts.permission.domain.Fixtures.a;
import static com.example.accounts.permission.domain.Fixtures.account;
import static com.example.accounts.permission.domain.Fixtures.may;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports: the full admins', the technicians who worked a session, the limited admins of its groups, a training's organizer (REP-1, TRN-3). */
class ReportRulesTest {

    @Test
    void REP1_reportsAreTheFullAdminsTheTechniciansWhoWorkedASessionAndTheLimitedAdminsOfItsGroups() {
        UUID support = UUID.randomUUID();
        UUID kiosks = UUID.randomUUID();
        UUID company = UUID.randomUUID();
        UUID kiosk = UUID.randomUUID();
        Member ada = a("ADMIN").build();
        Member ben = a("STANDARD").seats("REMOTE_SUPPORT").groups(support).build();
        Member cleo = a("STANDARD").seats("REMOTE_SUPPORT").build();
        Member dan = a("STANDARD").seats("REMOTE_SUPPORT").build();
        Member lena = a("LIMITED_ADMIN").seats("REMOTE_SUPPORT").supervises(Set.of(support), Set.of(kiosks)).build();
        Member olga = a("MONITORING_OBSERVER").build();
        UUID handedOver = UUID.randomUUID();
        UUID dansOwn = UUID.randomUUID();
        UUID toTheKiosk = UUID.randomUUID();
        UUID training = UUID.randomUUID();
        AccountView acme = account("REMOTE_SUPPORT", "TRAINING").with(ada, ben, cleo, dan, lena, olga).company(company).device(kiosk, company, kiosks)
                // Ben started it and handed it to Cleo
                .session(new Session(handedOver, Session.SUPPORT, cleo.memberId(), Set.of(), null, null, true, Set.of(ben.memberId(), cleo.memberId())))
                .session(new Session(dansOwn, Session.SUPPORT, dan.memberId(), Set.of(), null, null, false))
                .session(new Session(toTheKiosk, Session.SUPPORT, dan.memberId(), Set.of(), company, kiosk, false))
                .session(new Session(training, Session.TRAINING, dan.memberId(), Set.of(ben.memberId()), null, null, true)).build();

        assertTrue(may(acme, ada, "reports.view"), "REP-1: account reports are the full admins'");
        for (UUID session : List.of(handedOver, dansOwn, toTheKiosk, training)) {
            assertTrue(may(acme, ada, "reports.view", Kind.SESSION, session), "REP-1: a full admin sees every session's report");
            assertFalse(may(acme, olga, "reports.view", Kind.SESSION, session), "REP-1: observers none");
        }
        for (Member member : List.of(ben, cleo, dan, lena, olga)) {
            assertFalse(may(acme, member, "reports.view"), "REP-1: account-wide reports are the full admins' only, not " + member.role());
        }
        assertTrue(may(acme, ben, "reports.view", Kind.SESSION, handedOver), "REP-1: Ben worked it before handing it over");
        assertTrue(may(acme, cleo, "reports.view", Kind.SESSION, handedOver), "REP-1: Cleo worked it after");
        assertFalse(may(acme, dan, "reports.view", Kind.SESSION, handedOver), "REP-1: Dan never worked it");
        assertFalse(may(acme, ben, "reports.view", Kind.SESSION, dansOwn));
        assertTrue(may(acme, lena, "reports.view", Kind.SESSION, handedOver), "REP-1: Ben, who worked it, is in a group Lena supervises");
        assertFalse(may(acme, lena, "reports.view", Kind.SESSION, dansOwn), "REP-1: Dan is in none of her groups");
        assertTrue(may(acme, lena, "reports.view", Kind.SESSION, toTheKiosk), "REP-1: the device is in a device group she supervises");
        assertTrue(may(acme, dan, "reports.view", Kind.SESSION, training), "TRN-3: the organizer");
        assertFalse(may(acme, ben, "reports.view", Kind.SESSION, training), "TRN-3: a co-organizer has no after-session features");
        assertFalse(may(acme, lena, "reports.view", Kind.SESSION, UUID.randomUUID()), "a session of no account");
    }

    @Test
    void TRN3_SEAT5_reportsOfATrainingNeedTheModule() {
        Member lena = a("LIMITED_ADMIN").build();
        Member organizer = a("STANDARD").build();
        UUID training = UUID.randomUUID();
        Session session = new Session(training, Session.TRAINING, organizer.memberId(), Set.of(), null, null, true);
        assertTrue(may(account("TRAINING").with(organizer, lena).session(session).build(), organizer, "reports.view", Kind.SESSION, training),
                "after the session ended, its organizer's");
        assertFalse(may(account("REMOTE_SUPPORT").with(organizer, lena).session(session).build(), organizer, "reports.view", Kind.SESSION, training),
                "SEAT-5: TRAINING no longer in the plan");
    }
}
