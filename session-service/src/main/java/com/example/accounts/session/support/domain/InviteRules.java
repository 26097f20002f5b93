package com.example.accounts.session.support.domain;

import com.example.accounts.contract.vocabulary.Mailbox;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.support.domain.SupportCommand.Invite;
import com.example.accounts.session.support.domain.SupportCommand.Redeem;
import com.example.accounts.session.support.domain.SupportCommand.RemoveExternal;
import com.example.accounts.session.support.domain.SupportCommand.Revoke;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteIssued;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteRedeemed;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteRevoked;
import com.example.accounts.session.support.domain.SupportEvent.ExternalTechnicianLoggedOut;
import com.example.accounts.session.support.domain.SupportSession.ExternalTechnician;
import com.example.accounts.session.support.domain.SupportSession.InviteState;
import com.example.accounts.session.support.domain.SupportSession.Live;
import com.example.accounts.session.support.domain.SupportSession.Started;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.example.accounts.session.support.domain.SupportDecider.DELIVERIES;
import static com.example.accounts.session.support.domain.SupportDecider.INVITE_LIFETIME;
import static com.example.accounts.session.support.domain.SupportDecider.MAX_COMMENTS;
import static com.example.accounts.session.support.domain.SupportDecider.MAX_NAME;
import static com.example.accounts.session.support.domain.SupportDecider.POLICY_DISABLED;
import static com.example.accounts.session.support.domain.SupportDecider.live;

/** The rules of a support session's external technicians (INV-1 to INV-6), which {@link SupportDecider} dispatches to: pure. */
public final class InviteRules {

    private InviteRules() {
    }

    static List<SupportEvent> invite(Invite c, SupportSession session) {
        Live s = live(session);
        if (!s.technicians().contains(c.inviterMemberId())) {
            throw Refusal.forbidden(RuleId.INV_1, "only a technician in the session invites an external technician");
        }
        if (!c.policy().enabled()) {
            throw Refusal.invalid(RuleId.INV_1, "policyId", "security policy '" + c.policy().name() + "' is not enabled for invites");
        }
        String name = text("externalName", c.externalName(), MAX_NAME, true);
        String comments = c.comments() == null ? "" : text("comments", c.comments(), MAX_COMMENTS, false);
        if (c.delivery() == null || !DELIVERIES.contains(c.delivery())) {
            throw Refusal.invalid(RuleId.INV_1, "delivery", "must be one of " + DELIVERIES.stream().sorted().toList());
        }
        String email = c.email() == null || c.email().isBlank() ? null : c.email().strip();
        if (email != null && !Mailbox.isMailbox(email)) {
            throw Refusal.invalid(RuleId.INV_1, "email", "is not an email address");
        }
        if (c.delivery().equals("SERVER_EMAIL")) {
            if (email == null) {
                throw Refusal.invalid(RuleId.INV_1, "email", "SERVER_EMAIL needs the external technician's address");
            }
            if (!c.serverEmailsAllowed()) {
                throw Refusal.invalid(RuleId.INV_1, "delivery",
                        "the account does not allow invite emails sent by the server (ACC-5 setting serverInviteEmails)");
            }
        }
        return List.of(new ExternalInviteIssued(s.sessionId(), c.inviteId(), c.inviterMemberId(), c.policy().policyId(), c.policy().name(), name,
                comments, c.delivery(), email, c.now().plus(INVITE_LIFETIME), c.policy().permissions().stream().sorted().toList()));
    }

    static List<SupportEvent> redeem(Redeem c, SupportSession session) {
        if (!(session instanceof Started started) || !started.invites().containsKey(c.inviteId())) {
            throw Refusal.notFound(RuleId.INV_2, "no such invite");
        }
        SupportSession.Invite invite = started.invites().get(c.inviteId());
        if (!(started instanceof Live s)) {
            throw Refusal.gone(RuleId.INV_2, "the session has ended, and its invites with it (SUP-5)");
        }
        switch (invite.state()) {
            case REDEEMED -> throw Refusal.conflict(RuleId.INV_2, "this invite was already used: it works once");
            case REVOKED -> throw Refusal.gone(RuleId.INV_2, "this invite was revoked");
            case OPEN -> {
            }
        }
        if (!c.now().isBefore(invite.expiresAt())) {
            throw Refusal.gone(RuleId.INV_2, "this invite lapsed at " + invite.expiresAt() + ", two hours after it was issued");
        }
        return List.of(new ExternalInviteRedeemed(s.sessionId(), c.inviteId(), c.externalTechnicianId(), invite.permissions().stream().sorted().toList()));
    }

    static List<SupportEvent> revoke(Revoke c, SupportSession session) {
        if (!(session instanceof Started s) || !s.invites().containsKey(c.inviteId())) {
            throw Refusal.notFound(RuleId.ACC_6, "no invite " + c.inviteId() + " in this session");
        }
        SupportSession.Invite invite = s.invites().get(c.inviteId());
        if (!c.byMemberId().equals(invite.inviter()) && !c.byMemberId().equals(s.owner())) {
            throw Refusal.forbidden(RuleId.INV_2, "only the inviter or the session's owner revokes an invite");
        }
        if (!invite.usable(c.now(), s.ended())) {
            throw Refusal.conflict(RuleId.INV_2, "the invite is no longer open ("
                    + (s.ended() ? "the session ended" : invite.state() == InviteState.OPEN ? "lapsed" : invite.state().name().toLowerCase()) + ")");
        }
        return List.of(new ExternalInviteRevoked(s.sessionId(), c.inviteId(), c.byMemberId(), "REVOKED"));
    }

    static List<SupportEvent> removeExternal(RemoveExternal c, SupportSession session) {
        Live s = live(session);
        ExternalTechnician external = s.externals().get(c.externalTechnicianId());
        if (external == null) {
            throw Refusal.notFound(RuleId.ACC_6, "no external technician " + c.externalTechnicianId() + " in this session");
        }
        if (!c.byMemberId().equals(s.owner()) && !c.byMemberId().equals(external.invitedBy())) {
            throw Refusal.forbidden(RuleId.INV_3, "only the session's owner or the member who invited them removes an external technician");
        }
        if (external.loggedOut()) {
            throw Refusal.conflict(RuleId.INV_3, "this external technician is already out of the session (" + external.loggedOutBecause() + ")");
        }
        return List.of(new ExternalTechnicianLoggedOut(s.sessionId(), external.id(), "REMOVED"));
    }

    /**
     * INV-6: a security policy disabled ends what it admitted. The external technicians in the session under it are
     * logged out and its open invites are revoked; deciding again on a session already cleared appends nothing.
     */
    public static List<SupportEvent> policyDisabled(SupportSession session, UUID policyId) {
        if (!(session instanceof Live s)) {
            return List.of();
        }
        List<SupportEvent> events = new ArrayList<>();
        s.invites().values().stream().filter(i -> policyId.equals(i.policyId()) && i.state() == InviteState.OPEN)
                .forEach(i -> events.add(new ExternalInviteRevoked(s.sessionId(), i.inviteId(), null, POLICY_DISABLED)));
        s.externals().values().stream().filter(x -> policyId.equals(x.policyId()) && !x.loggedOut())
                .forEach(x -> events.add(new ExternalTechnicianLoggedOut(s.sessionId(), x.id(), POLICY_DISABLED)));
        return events;
    }

    /** INV-4: who a departing member invited leaves with them; invites they left open would admit someone nobody answers for. */
    static List<SupportEvent> invitedBy(Live s, UUID member, String reason) {
        List<SupportEvent> events = new ArrayList<>();
        s.invites().values().stream().filter(i -> i.inviter().equals(member) && i.state() == InviteState.OPEN)
                .forEach(i -> events.add(new ExternalInviteRevoked(s.sessionId(), i.inviteId(), null, reason)));
        s.externals().values().stream().filter(x -> x.invitedBy().equals(member) && !x.loggedOut())
                .forEach(x -> events.add(new ExternalTechnicianLoggedOut(s.sessionId(), x.id(), reason)));
        return events;
    }

    /** The invite's revocation when its email could not be handed on: nobody can have its URL. */
    public static List<SupportEvent> deliveryFailed(SupportSession session, UUID inviteId) {
        if (!(session instanceof Started s)) {
            return List.of();
        }
        SupportSession.Invite invite = s.invites().get(inviteId);
        return invite == null || invite.state() != InviteState.OPEN
                ? List.of()
                : List.of(new ExternalInviteRevoked(s.sessionId(), inviteId, null, "DELIVERY_FAILED"));
    }

    private static String text(String field, String value, int max, boolean required) {
        String stripped = value == null ? "" : value.strip();
        if (required && stripped.isEmpty()) {
            throw Refusal.invalid(RuleId.INV_1, field, "is required");
        }
        if (stripped.length() > max) {
            throw Refusal.invalid(RuleId.INV_1, field, "is longer than " + max + " characters");
        }
        return stripped;
    }
}
