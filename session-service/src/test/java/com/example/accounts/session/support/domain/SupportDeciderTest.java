package com.example.accounts.session.support.domain;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.decider.GivenWhenThen;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.support.domain.SupportCommand.DisablePolicy;
import com.example.accounts.session.support.domain.SupportCommand.End;
import com.example.accounts.session.support.domain.SupportCommand.HandOver;
import com.example.accounts.session.support.domain.SupportCommand.Invite;
import com.example.accounts.session.support.domain.SupportCommand.JoinAsCustomer;
import com.example.accounts.session.support.domain.SupportCommand.Leave;
import com.example.accounts.session.support.domain.SupportCommand.Owner;
import com.example.accounts.session.support.domain.SupportCommand.Policy;
import com.example.accounts.session.support.domain.SupportCommand.Redeem;
import com.example.accounts.session.support.domain.SupportCommand.RemoveDeletedMember;
import com.example.accounts.session.support.domain.SupportCommand.RemoveExternal;
import com.example.accounts.session.support.domain.SupportCommand.RequestAsExternal;
import com.example.accounts.session.support.domain.SupportCommand.Start;
import com.example.accounts.session.support.domain.SupportEvent.CustomerJoined;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteIssued;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteRedeemed;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteRevoked;
import com.example.accounts.session.support.domain.SupportEvent.ExternalTechnicianLoggedOut;
import com.example.accounts.session.support.domain.SupportEvent.SupportSessionEnded;
import com.example.accounts.session.support.domain.SupportEvent.SupportSessionHandedOver;
import com.example.accounts.session.support.domain.SupportEvent.SupportSessionStarted;
import com.example.accounts.session.support.domain.SupportEvent.TechnicianLeftSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given events, when a command, then events or a refusal naming its rule: the support session's decisions, pure. */
class SupportDeciderTest {

    private static final GivenWhenThen<SupportSession, SupportCommand, SupportEvent> SUPPORT = GivenWhenThen.of(SupportSession.INITIAL,
            SupportSession::evolve, SupportDecider::decide);
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final UUID session = UUID.randomUUID();
    private final UUID ada = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final Policy vendor = new Policy(UUID.randomUUID(), "Vendor", true, Set.of("VIEW_SCREEN", "REMOTE_CONTROL"));

    /** A member the permission-service found fit to own the session, on a current client. */
    private static Owner fit(UUID member) {
        return new Owner(member, null, "2.4.0", true, List.of());
    }

    private SupportSessionStarted started() {
        return new SupportSessionStarted(session, ada, null, null);
    }

    private ExternalInviteIssued invited(UUID inviteId, Policy policy, String name) {
        return new ExternalInviteIssued(session, inviteId, ada, policy.policyId(), policy.name(), name, "", "COPY_URL", null,
                T0.plus(SupportDecider.INVITE_LIFETIME), policy.permissions().stream().sorted().toList());
    }

    private ExternalInviteIssued invited(UUID inviteId) {
        return invited(inviteId, vendor, "Vera");
    }

    private ExternalInviteRedeemed redeemed(UUID inviteId, UUID external) {
        return new ExternalInviteRedeemed(session, inviteId, external, vendor.permissions().stream().sorted().toList());
    }

    private SupportSessionHandedOver handedToBen() {
        return new SupportSessionHandedOver(session, ada, ben);
    }

    @Test
    void SUP2_aCodeAdmitsOneCustomer() {
        SUPPORT.given(started(), new CustomerJoined(session, UUID.randomUUID(), "WINDOWS"))
                .when(new JoinAsCustomer(UUID.randomUUID(), "MAC", T0)).thenRefused(RuleId.SUP_2);
    }

    @Test
    void SUP5_onlyTheOwnerEndsAndAnEndedSessionTakesNothingMore() {
        SUPPORT.given(started()).when(new End(ben, T0)).thenRefused(RuleId.SUP_5);
        var ended = SUPPORT.given(started()).when(new End(ada, T0)).then(new SupportSessionEnded(session));
        assertInstanceOf(SupportSession.Live.class, SUPPORT.given(started()).state(), "a started session is live");
        assertInstanceOf(SupportSession.Ended.class, ended.state(), "SUP-5: and ended once its owner ends it");
        assertEquals(Set.of(), ended.state().started().technicians());
        ended.when(new JoinAsCustomer(UUID.randomUUID(), "MAC", T0)).thenRefused(RuleId.SUP_5, Refusal.Kind.GONE);
    }

    @Test
    void SUP3_aStartNamesTheCompanyOrTheDeviceNeverBoth() {
        Refusal both = SUPPORT.givenNothing().when(new Start(session, fit(ada), UUID.randomUUID(), UUID.randomUUID(), T0))
                .thenRefused(RuleId.SUP_3, Refusal.Kind.INVALID);
        assertEquals("companyId", both.field());
        UUID device = UUID.randomUUID();
        SUPPORT.givenNothing().when(new Start(session, fit(ada), null, device, T0)).then(new SupportSessionStarted(session, ada, null, device));
    }

    @Test
    void FEAT2_aClientVersionIsReadInEitherFormAndHonoursFeaturesFrom2_3Build818() {
        assertEquals(new ClientVersion("2.3 build 818", true), ClientVersion.of("clientVersion", " 2.3 build 818 "));
        assertEquals(new ClientVersion("2.3.818", true), ClientVersion.of("clientVersion", "2.3.818"));
        assertFalse(ClientVersion.of("clientVersion", "2.3 build 817").featureAware());
        assertTrue(ClientVersion.of("clientVersion", "2.4.0").featureAware());
        assertFalse(ClientVersion.of("clientVersion", "1.9.5").featureAware());
        Refusal malformed = assertThrows(Refusal.class, () -> ClientVersion.of("toClientVersion", "latest"));
        assertEquals(RuleId.FEAT_2, malformed.rule());
        assertEquals("toClientVersion", malformed.field());
        assertEquals(RuleId.FEAT_2, assertThrows(Refusal.class, () -> ClientVersion.of("clientVersion", " ")).rule());
    }

    @Test
    void SUP6_neverToAnExternalTechnicianNorToAMemberWithoutASeat() {
        UUID inviteId = UUID.randomUUID();
        UUID external = UUID.randomUUID();
        var given = SUPPORT.given(started(), invited(inviteId), redeemed(inviteId, external));
        given.when(new HandOver(ada, external, null, T0)).thenRefused(RuleId.SUP_6);
        given.when(new HandOver(ada, ben, new Owner(ben, "lacks a REMOTE_SUPPORT seat", "2.4.0", true, List.of()), T0)).thenRefused(RuleId.SUP_6);
        assertEquals(ben, given.when(new HandOver(ada, ben, fit(ben), T0)).then(handedToBen()).state().started().owner());
    }

    @Test
    void SUP6_SUP3_FEAT2_aHandOverAsksOfTheNewOwnerWhatTheStartAsked() {
        UUID device = UUID.randomUUID();
        var unattended = SUPPORT.given(new SupportSessionStarted(session, ada, null, device));
        Owner noUnattendedAccess = new Owner(ben, "support.unattended is denied: lacks the UNATTENDED_ACCESS support feature", "2.4.0", true, List.of());
        Refusal sup3 = unattended.when(new HandOver(ada, ben, noUnattendedAccess, T0)).thenRefused(RuleId.SUP_6);
        assertEquals("toMemberId", sup3.field());
        assertTrue(sup3.getMessage().contains("SUP-3") && sup3.getMessage().contains("UNATTENDED_ACCESS"), sup3.getMessage());
        Owner oldClient = new Owner(ben, null, "2.3.817", false, List.of("support.remote-control"));
        Refusal feat2 = unattended.when(new HandOver(ada, ben, oldClient, T0)).thenRefused(RuleId.SUP_6);
        assertEquals("toClientVersion", feat2.field());
        assertTrue(feat2.getMessage().contains("FEAT-2"), feat2.getMessage());
        // the same judgement refuses the start
        SUPPORT.givenNothing().when(new Start(UUID.randomUUID(), noUnattendedAccess, null, device, T0)).thenRefused(RuleId.SUP_3);
        SUPPORT.givenNothing().when(new Start(UUID.randomUUID(), oldClient, null, null, T0)).thenRefused(RuleId.FEAT_2);
        // an old client is fine for a member who lacks no feature
        Owner allFeatures = new Owner(ben, null, "1.9.5", false, List.of());
        assertEquals(ben, unattended.when(new HandOver(ada, ben, allFeatures, T0)).then(handedToBen()).state().started().owner());
    }

    @Test
    void INV3_theOwnerOrTheInviterRemovesAnExternalTechnicianOnce() {
        UUID inviteId = UUID.randomUUID();
        UUID external = UUID.randomUUID();
        var given = SUPPORT.given(started(), invited(inviteId), redeemed(inviteId, external));
        given.when(new RemoveExternal(external, ben, T0)).thenRefused(RuleId.INV_3);
        given.when(new RemoveExternal(UUID.randomUUID(), ada, T0)).thenRefused(RuleId.ACC_6);
        ExternalTechnicianLoggedOut removed = new ExternalTechnicianLoggedOut(session, external, "REMOVED");
        var out = given.when(new RemoveExternal(external, ada, T0)).then(removed);
        out.when(new RemoveExternal(external, ada, T0)).thenRefused(RuleId.INV_3, Refusal.Kind.CONFLICT);
        out.when(new RequestAsExternal(external, "REMOTE_CONTROL", T0)).thenRefused(RuleId.INV_4);
        // the new owner removes whom the old one invited
        given.given(handedToBen()).when(new RemoveExternal(external, ben, T0)).then(removed);
    }

    @Test
    void INV6_aDisabledPolicyLogsOutWhomItAdmittedAndRevokesItsOpenInvites() {
        UUID redeemedInvite = UUID.randomUUID();
        UUID openInvite = UUID.randomUUID();
        UUID otherInvite = UUID.randomUUID();
        UUID external = UUID.randomUUID();
        Policy other = new Policy(UUID.randomUUID(), "Other", true, Set.of("CHAT"));
        var given = SUPPORT.given(started(), invited(redeemedInvite), redeemed(redeemedInvite, external), invited(openInvite),
                invited(otherInvite, other, "Walt"));
        var disabled = given.when(new DisablePolicy(vendor.policyId(), T0)).then(new ExternalInviteRevoked(session, openInvite, null, "POLICY_DISABLED"),
                new ExternalTechnicianLoggedOut(session, external, "POLICY_DISABLED"));
        disabled.when(new RequestAsExternal(external, "REMOTE_CONTROL", T0)).thenRefused(RuleId.INV_6);
        assertEquals(SupportSession.InviteState.OPEN, disabled.state().started().invites().get(otherInvite).state());
        disabled.when(new DisablePolicy(vendor.policyId(), T0)).as("a redelivered disabling appends nothing").thenNothing();
    }

    @Test
    void INV2_anInviteWorksOnceAndLapsesTwoHoursAfterIssue() {
        UUID inviteId = UUID.randomUUID();
        var issued = SUPPORT.given(started(), invited(inviteId));
        issued.when(new Redeem(inviteId, UUID.randomUUID(), T0.plus(Duration.ofHours(2)))).thenRefused(RuleId.INV_2);
        var redeem = issued.when(new Redeem(inviteId, UUID.randomUUID(), T0.plus(Duration.ofMinutes(119))));
        assertInstanceOf(ExternalInviteRedeemed.class, redeem.events().get(0));
        var used = redeem.accepted();
        used.when(new Redeem(inviteId, UUID.randomUUID(), T0)).thenRefused(RuleId.INV_2, Refusal.Kind.CONFLICT);
    }

    @Test
    void INV1_aDisabledPolicyAndServerEmailWithoutTheSettingAreRefused() {
        var given = SUPPORT.given(started());
        Policy off = new Policy(UUID.randomUUID(), "Off", false, Set.of());
        given.when(new Invite(UUID.randomUUID(), ada, off, "Vera", "", "COPY_URL", null, true, T0)).thenRefused(RuleId.INV_1);
        given.when(new Invite(UUID.randomUUID(), ada, vendor, "Vera", "", "SERVER_EMAIL", "v@x.example", false, T0)).thenRefused(RuleId.INV_1);
        given.when(new Invite(UUID.randomUUID(), ben, vendor, "Vera", "", "COPY_URL", null, true, T0)).thenRefused(RuleId.INV_1);
    }

    @Test
    void SEC2_anInvitesEmailIsJudgedInOnePassHoweverLongOrOdd() {
        var given = SUPPORT.given(started());
        // many dots and a late failure: what a backtracking pattern spends seconds on, here refused at once
        String pathological = "a@" + ".".repeat(60_000) + "@";
        Refusal refusal = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> given.when(new Invite(UUID.randomUUID(), ada, vendor, "Vera", "", "LOCAL_EMAIL", pathological, false, T0)).thenRefused(RuleId.INV_1));
        assertEquals("email", refusal.field());
        assertEquals(1, given.when(new Invite(UUID.randomUUID(), ada, vendor, "Vera", "", "LOCAL_EMAIL", "vera@vendor.example", false, T0)).events().size());
    }

    @Test
    void INV4_aLeavingInviterTakesTheExternalTechniciansTheyInvitedAndTheirOpenInvites() {
        UUID redeemedInvite = UUID.randomUUID();
        UUID openInvite = UUID.randomUUID();
        UUID external = UUID.randomUUID();
        var given = SUPPORT.given(started(), invited(redeemedInvite), redeemed(redeemedInvite, external), invited(openInvite), handedToBen());
        List<SupportEvent> events = given.when(new Leave(ada, T0)).events();
        assertInstanceOf(TechnicianLeftSession.class, events.get(0));
        assertEquals(new ExternalInviteRevoked(session, openInvite, null, "INVITER_LEFT"), events.get(1));
        assertEquals(new ExternalTechnicianLoggedOut(session, external, "INVITER_LEFT"), events.get(2));
        given.when(new Leave(ben, T0)).thenRefused(RuleId.SUP_5);
    }

    @Test
    void USR6_aDeletedMemberLeavesWithTheirInvitesAndASessionTheyOwnEnds() {
        UUID redeemedInvite = UUID.randomUUID();
        UUID openInvite = UUID.randomUUID();
        UUID external = UUID.randomUUID();
        var given = SUPPORT.given(started(), invited(redeemedInvite), redeemed(redeemedInvite, external), invited(openInvite), handedToBen());
        given.when(new RemoveDeletedMember(ada, T0)).then(new TechnicianLeftSession(session, ada),
                new ExternalInviteRevoked(session, openInvite, null, "MEMBER_DELETED"), new ExternalTechnicianLoggedOut(session, external, "MEMBER_DELETED"));
        var ended = given.when(new RemoveDeletedMember(ben, T0)).then(new SupportSessionEnded(session));
        ended.when(new RemoveDeletedMember(ben, T0)).as("a redelivered deletion appends nothing").thenNothing();
    }
}
