package com.example.accounts.session.support.domain;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.contract.vocabulary.SupportFeature;
import com.example.accounts.rules.Refusal;
import com.example.accounts.session.support.domain.SupportCommand.DisablePolicy;
import com.example.accounts.session.support.domain.SupportCommand.End;
import com.example.accounts.session.support.domain.SupportCommand.HandOver;
import com.example.accounts.session.support.domain.SupportCommand.Invite;
import com.example.accounts.session.support.domain.SupportCommand.JoinAsCustomer;
import com.example.accounts.session.support.domain.SupportCommand.Leave;
import com.example.accounts.session.support.domain.SupportCommand.Owner;
import com.example.accounts.session.support.domain.SupportCommand.Redeem;
import com.example.accounts.session.support.domain.SupportCommand.RemoveDeletedMember;
import com.example.accounts.session.support.domain.SupportCommand.RemoveExternal;
import com.example.accounts.session.support.domain.SupportCommand.RequestAsExternal;
import com.example.accounts.session.support.domain.SupportCommand.RequestAsMember;
import com.example.accounts.session.support.domain.SupportCommand.Revoke;
import com.example.accounts.session.support.domain.SupportCommand.Start;
import com.example.accounts.session.support.domain.SupportCommand.WithdrawUndelivered;
import com.example.accounts.session.support.domain.SupportEvent.CustomerJoined;
import com.example.accounts.session.support.domain.SupportEvent.SupportActionRequested;
import com.example.accounts.session.support.domain.SupportEvent.SupportSessionEnded;
import com.example.accounts.session.support.domain.SupportEvent.SupportSessionHandedOver;
import com.example.accounts.session.support.domain.SupportEvent.SupportSessionStarted;
import com.example.accounts.session.support.domain.SupportEvent.TechnicianLeftSession;
import com.example.accounts.session.support.domain.SupportSession.Ended;
import com.example.accounts.session.support.domain.SupportSession.ExternalTechnician;
import com.example.accounts.session.support.domain.SupportSession.Live;
import com.example.accounts.session.support.domain.SupportSession.NotStarted;
import com.example.accounts.session.support.domain.SupportSession.Started;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The rules of a support session (SUP-1 to SUP-6) and of its external technicians (INV-1 to INV-6): pure. */
public final class SupportDecider {

    /** INV-2: an invite lapses two hours after issue. */
    public static final Duration INVITE_LIFETIME = Duration.ofHours(2);
    /** SUP-2: a customer code lapses when unused for 20 minutes. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(20);
    public static final Set<String> PLATFORMS = Set.of("WINDOWS", "MAC", "ANDROID", "IOS", "BROWSER");
    public static final Set<String> ACTIONS = Set.of(SupportFeature.REMOTE_CONTROL.name(), SupportFeature.FILE_TRANSFER.name());
    public static final Set<String> DELIVERIES = Set.of("SERVER_EMAIL", "LOCAL_EMAIL", "COPY_URL");
    public static final int MAX_NAME = 100;
    public static final int MAX_COMMENTS = 1000;
    /** INV-6: why an invite was revoked or an external technician logged out when their security policy was disabled. */
    public static final String POLICY_DISABLED = "POLICY_DISABLED";

    private SupportDecider() {
    }

    public static List<SupportEvent> decide(SupportCommand command, SupportSession s) {
        return switch (command) {
            case Start c -> {
                if (s instanceof Started) {
                    throw Refusal.conflict(RuleId.EVT_1, "session " + c.sessionId() + " already exists");
                }
                startsFor(c.companyId(), c.deviceId());
                unmet(c.owner(), c.deviceId() != null).ifPresent(unmet -> {
                    throw Refusal.forbidden(unmet.rule(), unmet.why());
                });
                yield List.of(new SupportSessionStarted(c.sessionId(), c.owner().memberId(), c.companyId(), c.deviceId()));
            }
            case JoinAsCustomer c -> {
                Live live = live(s);
                if (!PLATFORMS.contains(c.platform())) {
                    throw Refusal.invalid(RuleId.SUP_2, "platform", "must be one of " + PLATFORMS.stream().sorted().toList());
                }
                if (!live.customers().isEmpty()) {
                    throw Refusal.notFound(RuleId.SUP_2, "this code admits no one (wrong, used or lapsed)");
                }
                yield List.of(new CustomerJoined(live.sessionId(), c.customerId(), c.platform()));
            }
            case RequestAsMember c -> {
                Live live = live(s);
                action(c.action());
                if (!c.memberId().equals(live.owner())) {
                    throw Refusal.forbidden(RuleId.SUP_4, "only the session's technician (its owner) asks for " + c.action());
                }
                if (!c.featureAllowed()) {
                    throw Refusal.forbidden(RuleId.SUP_4, c.action() + " needs the technician's " + c.action() + " feature");
                }
                yield List.of(new SupportActionRequested(live.sessionId(), c.action(), c.memberId(), null));
            }
            case RequestAsExternal c -> {
                Live live = live(s);
                action(c.action());
                ExternalTechnician external = live.externals().get(c.externalTechnicianId());
                if (external == null) {
                    throw Refusal.forbidden(RuleId.INV_4, "this external technician is no longer in the session");
                }
                if (external.loggedOut()) {
                    throw external.loggedOutBecause().equals(POLICY_DISABLED)
                            ? Refusal.forbidden(RuleId.INV_6,
                                    "the security policy this external technician was admitted under was disabled: they are out of the session")
                            : Refusal.forbidden(RuleId.INV_4, "this external technician is no longer in the session");
                }
                if (!external.permissions().contains(c.action())) {
                    throw Refusal.forbidden(RuleId.SUP_4, c.action() + " is not a permission of the security policy this external technician was invited with");
                }
                yield List.of(new SupportActionRequested(live.sessionId(), c.action(), null, external.id()));
            }
            case HandOver c -> {
                Live live = live(s);
                owner(live, c.byMemberId(), "hands the session over (SUP-6)");
                if (live.externals().containsKey(c.toMemberId())) {
                    throw Refusal.invalid(RuleId.SUP_6, "toMemberId", "an external technician never owns the session (SUP-6, INV-3)");
                }
                if (c.toMemberId().equals(live.owner())) {
                    throw Refusal.invalid(RuleId.SUP_6, "toMemberId", "the session is already theirs");
                }
                // SUP-6: the new owner meets what starting this very session would have required of them
                unmet(c.to(), live.unattended()).ifPresent(unmet -> {
                    throw Refusal.invalid(RuleId.SUP_6, unmet.rule() == RuleId.FEAT_2 ? "toClientVersion" : "toMemberId",
                            "the new owner must meet what starting this session requires (" + unmet.rule().id() + "): " + unmet.why());
                });
                yield List.of(new SupportSessionHandedOver(live.sessionId(), live.owner(), c.toMemberId()));
            }
            case Leave c -> {
                Live live = live(s);
                if (!live.technicians().contains(c.memberId())) {
                    throw Refusal.conflict(RuleId.INV_4, "you are not in this session");
                }
                if (c.memberId().equals(live.owner())) {
                    throw Refusal.conflict(RuleId.SUP_5, "the owner hands the session over (SUP-6) or ends it (SUP-5), and does not leave it");
                }
                List<SupportEvent> events = new ArrayList<>();
                events.add(new TechnicianLeftSession(live.sessionId(), c.memberId()));
                events.addAll(InviteRules.invitedBy(live, c.memberId(), "INVITER_LEFT"));
                yield events;
            }
            case End c -> {
                Live live = live(s);
                owner(live, c.byMemberId(), "ends the session (SUP-5)");
                yield List.of(new SupportSessionEnded(live.sessionId()));
            }
            case Invite c -> InviteRules.invite(c, s);
            case Redeem c -> InviteRules.redeem(c, s);
            case Revoke c -> InviteRules.revoke(c, s);
            case RemoveExternal c -> InviteRules.removeExternal(c, s);
            case RemoveDeletedMember c -> memberDeleted(s, c.memberId());
            case DisablePolicy c -> InviteRules.policyDisabled(s, c.policyId());
            case WithdrawUndelivered c -> InviteRules.deliveryFailed(s, c.inviteId());
        };
    }

    /** SUP-3: an unattended session is for its device's company, so a start names a company or a device, never both. */
    public static void startsFor(UUID companyId, UUID deviceId) {
        if (companyId != null && deviceId != null) {
            throw Refusal.invalid(RuleId.SUP_3, "companyId", "an unattended session is for its device's company: give the device only");
        }
    }

    /** Why a member may not own a session: the rule they fall short of, and what they lack. */
    public record Unmet(RuleId rule, String why) {
    }

    /**
     * SUP-1, SUP-3, FEAT-2: what owning a session needs of a member, the one judgement both its start and a
     * hand-over (SUP-6) make. Hosting it (seat, the company's or the device's access, UNATTENDED_ACCESS) comes first;
     * then a client older than 2.3 build 818 would not hold the owner to features they lack, so it is refused for them.
     */
    public static Optional<Unmet> unmet(Owner owner, boolean unattended) {
        if (owner.hostDenial() != null) {
            return Optional.of(new Unmet(unattended ? RuleId.SUP_3 : RuleId.SUP_1, owner.hostDenial()));
        }
        if (!owner.featureAwareClient() && !owner.lackingFeatures().isEmpty()) {
            return Optional
                    .of(new Unmet(RuleId.FEAT_2, "client " + owner.clientVersion() + " does not honour feature restrictions (2.3 build 818 and later do), and "
                            + "the owner would lack " + String.join(", ", owner.lackingFeatures())));
        }
        return Optional.empty();
    }

    /**
     * USR-6: a member deleted from the account is out of every session at once. A session they own ends (nobody
     * may act for a removed member, and only an owner hands over); elsewhere they leave, as in INV-4.
     */
    public static List<SupportEvent> memberDeleted(SupportSession session, UUID member) {
        if (!(session instanceof Live s)) {
            return List.of();
        }
        if (member.equals(s.owner())) {
            return List.of(new SupportSessionEnded(s.sessionId()));
        }
        List<SupportEvent> events = new ArrayList<>();
        if (s.technicians().contains(member)) {
            events.add(new TechnicianLeftSession(s.sessionId(), member));
        }
        events.addAll(InviteRules.invitedBy(s, member, "MEMBER_DELETED"));
        return events;
    }

    /** The session, live: a command on one that does not exist is refused as ACC-6's, on one that ended as SUP-5's. */
    static Live live(SupportSession s) {
        return switch (s) {
            case Live live -> live;
            case NotStarted n -> throw Refusal.notFound(RuleId.ACC_6, "no such support session");
            case Ended ended -> throw Refusal.gone(RuleId.SUP_5, "support session " + ended.sessionId() + " has ended");
        };
    }

    private static void owner(Live s, UUID member, String what) {
        if (!member.equals(s.owner())) {
            throw Refusal.forbidden(RuleId.SUP_5, "only the session's owner " + what);
        }
    }

    private static void action(String action) {
        if (action == null || !ACTIONS.contains(action)) {
            throw Refusal.invalid(RuleId.SUP_4, "action", "must be one of " + ACTIONS.stream().sorted().toList());
        }
    }

}
