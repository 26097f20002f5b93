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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Support sessions: the seat, the features, company access, the technician and invites (FEAT-1, SUP-1 to SUP-6, INV-1). */
class SupportRulesTest {

    @Test
    void FEAT1_SUP1_SUP3_supportNeedsTheSeatTheFeatureAndTheCompanyOfTheDevice() {
        UUID north = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        UUID northServer = UUID.randomUUID();
        UUID southServer = UUID.randomUUID();
        Member tech = a("STANDARD").seats("REMOTE_SUPPORT").features("UNATTENDED_ACCESS", "FILE_TRANSFER").companies(north).build();
        Member admin = a("ADMIN").seats("REMOTE_SUPPORT").build();
        Member noFeature = a("STANDARD").seats("REMOTE_SUPPORT").build();
        AccountView acme = account("REMOTE_SUPPORT").with(tech, admin, noFeature).company(north).company(south)
                .device(northServer, north, null).device(southServer, south, null).build();
        assertTrue(may(acme, tech, "support.session.host", Kind.COMPANY, north));
        assertFalse(may(acme, tech, "support.session.host", Kind.COMPANY, south));
        assertTrue(may(acme, tech, "support.unattended", Kind.DEVICE, northServer));
        assertFalse(may(acme, tech, "support.unattended", Kind.DEVICE, southServer), "SUP-3: the device's company");
        assertFalse(may(acme, noFeature, "support.unattended", Kind.DEVICE, northServer), "SUP-3: UNATTENDED_ACCESS");
        assertTrue(may(acme, admin, "support.unattended", Kind.DEVICE, southServer), "USR-3");
        assertTrue(may(acme, tech, "support.file-transfer"));
        assertEquals(List.of("the REMOTE_CONTROL support feature"), PermissionRules.decide(acme, tech, "support.remote-control").missing());
    }

    @Test
    void SUP4_SUP5_SUP6_insideASessionOnlyItsCurrentTechnicianActsAndNotOnceEnded() {
        Member ada = a("ADMIN").seats("REMOTE_SUPPORT").build();
        Member ben = a("STANDARD").seats("REMOTE_SUPPORT").features("REMOTE_CONTROL").build();
        UUID running = UUID.randomUUID();
        UUID handed = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        UUID policy = UUID.randomUUID();
        AccountView acme = account("REMOTE_SUPPORT").with(ada, ben).policy(policy, true)
                .session(new Session(running, Session.SUPPORT, ben.memberId(), Set.of(), null, null, false))
                .session(new Session(handed, Session.SUPPORT, ada.memberId(), Set.of(), null, null, false))
                .session(new Session(ended, Session.SUPPORT, ben.memberId(), Set.of(), null, null, true)).build();
        assertTrue(may(acme, ben, "support.remote-control", Kind.SESSION, running));
        assertFalse(may(acme, ben, "support.remote-control", Kind.SESSION, handed), "SUP-6: handed to Ada, Ben no longer acts in it");
        assertTrue(may(acme, ada, "support.remote-control", Kind.SESSION, handed));
        assertFalse(may(acme, ben, "support.remote-control", Kind.SESSION, ended), "SUP-5");
        assertFalse(may(acme, ben, "support.file-transfer", Kind.SESSION, running), "SUP-4: the acting technician's feature");
    }

    @Test
    void INV1_invitingNeedsASessionOfOnesOwnAndAPolicyEnabledForInvites() {
        Member ben = a("STANDARD").seats("REMOTE_SUPPORT").build();
        UUID session = UUID.randomUUID();
        Session mine = new Session(session, Session.SUPPORT, ben.memberId(), Set.of(), null, null, false);
        AccountView disabledOnly = account("REMOTE_SUPPORT").with(ben).policy(UUID.randomUUID(), false).session(mine).build();
        AccountView enabled = account("REMOTE_SUPPORT").with(ben).policy(UUID.randomUUID(), true).session(mine).build();
        Decision refused = PermissionRules.decide(disabledOnly, ben, "support.invite-external", new Resource(Kind.SESSION, session));
        assertFalse(refused.allowed());
        assertTrue(refused.missing().contains("a security policy enabled for invites"), refused.missing().toString());
        assertTrue(may(enabled, ben, "support.invite-external", Kind.SESSION, session));
        assertFalse(may(enabled, ben, "support.invite-external", Kind.SESSION, UUID.randomUUID()));
    }
}
