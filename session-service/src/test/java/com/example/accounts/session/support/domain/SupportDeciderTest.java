package com.example.accounts.session.support.domain;

import com.example.accounts.rules.Refusal;
import com.example.accounts.session.support.domain.SupportCommand.End;
import com.example.accounts.session.support.domain.SupportCommand.HandOver;
import com.example.accounts.session.support.domain.SupportCommand.Invite;
import com.example.accounts.session.support.domain.SupportCommand.JoinAsCustomer;
import com.example.accounts.session.support.domain.SupportCommand.Leave;
import com.example.accounts.session.support.domain.SupportCommand.Owner;
import com.example.accounts.session.support.domain.SupportCommand.Policy;
import com.example.accounts.session.support.domain.SupportCommand.Redeem;
import com.example.accounts.session.support.domain.SupportCommand.RemoveExternal;
import com.example.accounts.session.support.domain.SupportCommand.RequestAsExternal;
import com.example.accounts.session.support.domain.SupportCommand.Start;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteRedeemed;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteRevoked;
import com.example.accounts.session.support.domain.SupportEvent.ExternalTechnicianLoggedOut;
import com.example.accounts.session.support.domain.SupportEvent.TechnicianLeftSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given events, when a command, then events or a refusal naming its rule: the support session's decisions, pure. */
class SupportDeciderTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final UUID session = UUID.randomUUID();
    private final UUID ada = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final Policy vendor = new Policy(UUID.randomUUID(), "Vendor", true, Set.of("VIEW_SCREEN", "REMOTE_CONTROL"));

    private SupportSession given(SupportCommand... commands) {
        SupportSession state = SupportSession.INITIAL;
        for (SupportCommand command : commands) {
            state = SupportSession.evolveAll(state, SupportDecider.decide(command, state));
        }
        return state;
    }

    private Start start() {
        return new Start(session, fit(ada), null, null, T0);
    }

    /** A member the permission-service found fit to own the session, on a current client. */
    private static Owner fit(UUID member) {
        return new Owner(member, null, "2.4.0", true, List.of());
    }

    private Invite invite(UUID id, UUID by) {
        return new Invite(id, by, vendor, "Vera", "", "COPY_URL", null, false, T0);
    }

    private static Refusal refused(String rule, Runnable when) {
        Refusal refusal = assertThrows(Refusal.class, when::run);
        assertEquals(rule, refusal.rule(), refusal.getMessage());
        return refusal;
    }

    @Test
    void SUP2_aCodeAdmitsOneCustomer() {
        SupportSession s = given(start(), new JoinAsCustomer(UUID.randomUUID(), "WINDOWS", T0));
        refused("SUP-2", () -> SupportDecider.decide(new JoinAsCustomer(UUID.randomUUID(), "MAC", T0), s));
    }

    @Test
    void SUP5_onlyTheOwnerEndsAndAnEndedSessionTakesNothingMore() {
        SupportSession s = given(start());
        refused("SUP-5", () -> SupportDecider.decide(new End(ben, T0), s));
        SupportSession ended = given(start(), new End(ada, T0));
        assertEquals(Set.of(), ended.technicians());
        assertEquals(Refusal.Kind.GONE, refused("SUP-5", () -> SupportDecider.decide(new JoinAsCustomer(UUID.randomUUID(), "MAC", T0), ended)).kind());
    }

    @Test
    void SUP6_neverToAnExternalTechnicianNorToAMemberWithoutASeat() {
        UUID inviteId = UUID.randomUUID();
        UUID external = UUID.randomUUID();
        SupportSession s = given(start(), invite(inviteId, ada), new Redeem(inviteId, external, T0));
        refused("SUP-6", () -> SupportDecider.decide(new HandOver(ada, external, null, T0), s));
        refused("SUP-6", () -> SupportDecider.decide(new HandOver(ada, ben, new Owner(ben, "lacks a REMOTE_SUPPORT seat", "2.4.0", true, List.of()), T0), s));
        assertEquals(ben, SupportSession.evolveAll(s, SupportDecider.decide(new HandOver(ada, ben, fit(ben), T0), s)).owner());
    }

    @Test
    void SUP6_SUP3_FEAT2_aHandOverAsksOfTheNewOwnerWhatTheStartAsked() {
        UUID device = UUID.randomUUID();
        SupportSession unattended = given(new Start(session, fit(ada), null, device, T0));
        Owner noUnattendedAccess = new Owner(ben, "support.unattended is denied: lacks the UNATTENDED_ACCESS support feature", "2.4.0", true, List.of());
        Refusal sup3 = refused("SUP-6", () -> SupportDecider.decide(new HandOver(ada, ben, noUnattendedAccess, T0), unattended));
        assertEquals("toMemberId", sup3.field());
        assertTrue(sup3.getMessage().contains("SUP-3") && sup3.getMessage().contains("UNATTENDED_ACCESS"), sup3.getMessage());
        Owner oldClient = new Owner(ben, null, "2.3.817", false, List.of("support.remote-control"));
        Refusal feat2 = refused("SUP-6", () -> SupportDecider.decide(new HandOver(ada, ben, oldClient, T0), unattended));
        assertEquals("toClientVersion", feat2.field());
        assertTrue(feat2.getMessage().contains("FEAT-2"), feat2.getMessage());
        // the same judgement refuses the start
        refused("SUP-3", () -> SupportDecider.decide(new Start(UUID.randomUUID(), noUnattendedAccess, null, device, T0), SupportSession.INITIAL));
        refused("FEAT-2", () -> SupportDecider.decide(new Start(UUID.randomUUID(), oldClient, null, null, T0), SupportSession.INITIAL));
        // an old client is fine for a member who lacks no feature
        Owner allFeatures = new Owner(ben, null, "1.9.5", false, List.of());
        assertEquals(ben, SupportSession.evolveAll(unattended, SupportDecider.decide(new HandOver(ada, ben, allFeatures, T0), unattended)).owner());
    }

    @Test
    void INV3_theOwnerOrTheInviterRemovesAnExternalTechnicianOnce() {
        UUID inviteId = UUID.randomUUID();
        UUID external = UUID.randomUUID();
        SupportSession s = given(start(), invite(inviteId, ada), new Redeem(inviteId, external, T0));
        refused("INV-3", () -> SupportDecider.decide(new RemoveExternal(external, ben, T0), s));
        refused("ACC-6", () -> SupportDecider.decide(new RemoveExternal(UUID.randomUUID(), ada, T0), s));
        List<SupportEvent> removed = SupportDecider.decide(new RemoveExternal(external, ada, T0), s);
        assertEquals(List.of(new ExternalTechnicianLoggedOut(session, external, "REMOVED")), removed);
        SupportSession out = SupportSession.evolveAll(s, removed);
        assertEquals(Refusal.Kind.CONFLICT, refused("INV-3", () -> SupportDecider.decide(new RemoveExternal(external, ada, T0), out)).kind());
        refused("INV-4", () -> SupportDecider.decide(new RequestAsExternal(external, "REMOTE_CONTROL", T0), out));
        // the new owner removes whom the old one invited
        SupportSession handedOver = given(start(), invite(inviteId, ada), new Redeem(inviteId, external, T0), new HandOver(ada, ben, fit(ben), T0));
        assertEquals(removed, SupportDecider.decide(new RemoveExternal(external, ben, T0), handedOver));
    }

    @Test
    void INV6_aDisabledPolicyLogsOutWhomItAdmittedAndRevokesItsOpenInvites() {
        UUID redeemedInvite = UUID.randomUUID();
        UUID openInvite = UUID.randomUUID();
        UUID otherInvite = UUID.randomUUID();
        UUID external = UUID.randomUUID();
        Policy other = new Policy(UUID.randomUUID(), "Other", true, Set.of("CHAT"));
        SupportSession s = given(start(), invite(redeemedInvite, ada), new Redeem(redeemedInvite, external, T0), invite(openInvite, ada),
                new Invite(otherInvite, ada, other, "Walt", "", "COPY_URL", null, false, T0));
        List<SupportEvent> events = SupportDecider.policyDisabled(s, vendor.policyId());
        assertEquals(List.of(new ExternalInviteRevoked(session, openInvite, null, "POLICY_DISABLED"),
                new ExternalTechnicianLoggedOut(session, external, "POLICY_DISABLED")), events);
        SupportSession disabled = SupportSession.evolveAll(s, events);
        refused("INV-6", () -> SupportDecider.decide(new RequestAsExternal(external, "REMOTE_CONTROL", T0), disabled));
        assertEquals(SupportSession.InviteState.OPEN, disabled.invites().get(otherInvite).state());
        assertEquals(List.of(), SupportDecider.policyDisabled(disabled, vendor.policyId()), "a redelivered disabling appends nothing");
    }

    @Test
    void INV2_anInviteWorksOnceAndLapsesTwoHoursAfterIssue() {
        UUID inviteId = UUID.randomUUID();
        SupportSession issued = given(start(), invite(inviteId, ada));
        refused("INV-2", () -> SupportDecider.decide(new Redeem(inviteId, UUID.randomUUID(), T0.plus(Duration.ofHours(2))), issued));
        List<SupportEvent> redeemed = SupportDecider.decide(new Redeem(inviteId, UUID.randomUUID(), T0.plus(Duration.ofMinutes(119))), issued);
        assertInstanceOf(ExternalInviteRedeemed.class, redeemed.get(0));
        SupportSession used = SupportSession.evolveAll(issued, redeemed);
        assertEquals(Refusal.Kind.CONFLICT, refused("INV-2", () -> SupportDecider.decide(new Redeem(inviteId, UUID.randomUUID(), T0), used)).kind());
    }

    @Test
    void INV1_aDisabledPolicyAndServerEmailWithoutTheSettingAreRefused() {
        SupportSession s = given(start());
        Policy off = new Policy(UUID.randomUUID(), "Off", false, Set.of());
        refused("INV-1", () -> SupportDecider.decide(new Invite(UUID.randomUUID(), ada, off, "Vera", "", "COPY_URL", null, true, T0), s));
        refused("INV-1", () -> SupportDecider.decide(new Invite(UUID.randomUUID(), ada, vendor, "Vera", "", "SERVER_EMAIL", "v@x.example", false, T0), s));
        refused("INV-1", () -> SupportDecider.decide(new Invite(UUID.randomUUID(), ben, vendor, "Vera", "", "COPY_URL", null, true, T0), s));
    }

    @Test
    void SEC2_anInvitesEmailIsJudgedInOnePassHoweverLongOrOdd() {
        SupportSession s = given(start());
        // many dots and a late failure: what a backtracking pattern spends seconds on, here refused at once
        String pathological = "a@" + ".".repeat(60_000) + "@";
        Refusal refusal = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused("INV-1",
                () -> SupportDecider.decide(new Invite(UUID.randomUUID(), ada, vendor, "Vera", "", "LOCAL_EMAIL", pathological, false, T0), s)));
        assertEquals("email", refusal.field());
        assertEquals(1, SupportDecider.decide(new Invite(UUID.randomUUID(), ada, vendor, "Vera", "", "LOCAL_EMAIL", "vera@vendor.example", false, T0), s).size());
    }

    @Test
    void INV4_aLeavingInviterTakesTheExternalTechniciansTheyInvitedAndTheirOpenInvites() {
        UUID redeemedInvite = UUID.randomUUID();
        UUID openInvite = UUID.randomUUID();
        UUID external = UUID.randomUUID();
        SupportSession s = given(start(), invite(redeemedInvite, ada), new Redeem(redeemedInvite, external, T0), invite(openInvite, ada),
                new HandOver(ada, ben, fit(ben), T0));
        List<SupportEvent> events = SupportDecider.decide(new Leave(ada, T0), s);
        assertInstanceOf(TechnicianLeftSession.class, events.get(0));
        assertEquals(new ExternalInviteRevoked(session, openInvite, null, "INVITER_LEFT"), events.get(1));
        assertEquals(new ExternalTechnicianLoggedOut(session, external, "INVITER_LEFT"), events.get(2));
        refused("SUP-5", () -> SupportDecider.decide(new Leave(ben, T0), s));
    }

    @Test
    void USR6_aDeletedMemberLeavesWithTheirInvitesAndASessionTheyOwnEnds() {
        UUID redeemedInvite = UUID.randomUUID();
        UUID openInvite = UUID.randomUUID();
        UUID external = UUID.randomUUID();
        SupportSession s = given(start(), invite(redeemedInvite, ada), new Redeem(redeemedInvite, external, T0), invite(openInvite, ada),
                new HandOver(ada, ben, fit(ben), T0));
        assertEquals(List.of(new TechnicianLeftSession(session, ada), new ExternalInviteRevoked(session, openInvite, null, "MEMBER_DELETED"),
                new ExternalTechnicianLoggedOut(session, external, "MEMBER_DELETED")), SupportDecider.memberDeleted(s, ada));
        assertEquals(List.of(new SupportEvent.SupportSessionEnded(session)), SupportDecider.memberDeleted(s, ben));
        SupportSession ended = SupportSession.evolveAll(s, SupportDecider.memberDeleted(s, ben));
        assertEquals(List.of(), SupportDecider.memberDeleted(ended, ben), "a redelivered deletion appends nothing");
    }
}
