package com.example.accounts.session.support.domain;

import com.example.accounts.session.support.domain.SupportEvent.CustomerJoined;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteIssued;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteRedeemed;
import com.example.accounts.session.support.domain.SupportEvent.ExternalInviteRevoked;
import com.example.accounts.session.support.domain.SupportEvent.ExternalTechnicianLoggedOut;
import com.example.accounts.session.support.domain.SupportEvent.SupportActionRequested;
import com.example.accounts.session.support.domain.SupportEvent.SupportSessionEnded;
import com.example.accounts.session.support.domain.SupportEvent.SupportSessionHandedOver;
import com.example.accounts.session.support.domain.SupportEvent.SupportSessionStarted;
import com.example.accounts.session.support.domain.SupportEvent.TechnicianLeftSession;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A support session folded from its events, as the phase it is in: {@link NotStarted} (no event yet), {@link Live},
 * or {@link Ended} by its owner (SUP-5). The decider takes commands by phase; a started session, live or ended, keeps
 * what happened in it ({@link Facts}) for its views and for the invites a guest still holds.
 */
public sealed interface SupportSession permits SupportSession.NotStarted, SupportSession.Started {

    NotStarted INITIAL = new NotStarted();

    /** No event yet: there is no such session. */
    record NotStarted() implements SupportSession {
    }

    /** A session that has started: live, or ended. */
    sealed interface Started extends SupportSession permits Live, Ended {

        Facts facts();

        default UUID sessionId() {
            return facts().sessionId();
        }

        default UUID owner() {
            return facts().owner();
        }

        default UUID companyId() {
            return facts().companyId();
        }

        default UUID deviceId() {
            return facts().deviceId();
        }

        /** The members in it: the owner, and earlier owners until they leave (INV-4); nobody once ended (SUP-5). */
        default Set<UUID> technicians() {
            return facts().technicians();
        }

        default Map<UUID, String> customers() {
            return facts().customers();
        }

        default Map<UUID, Invite> invites() {
            return facts().invites();
        }

        default Map<UUID, ExternalTechnician> externals() {
            return facts().externals();
        }

        /** SUP-3: a session to a device, with nobody at it. */
        default boolean unattended() {
            return facts().deviceId() != null;
        }

        default boolean ended() {
            return this instanceof Ended;
        }
    }

    /** Started and not ended: the only phase that takes commands changing it. */
    record Live(Facts facts) implements Started {
    }

    /** SUP-5: ended by its owner (or with its owner's deletion, USR-6); everyone logged out, its open invites lapsed. */
    record Ended(Facts facts) implements Started {
    }

    /** What happened in a started session. */
    record Facts(UUID sessionId, UUID owner, UUID companyId, UUID deviceId, Set<UUID> technicians, Map<UUID, String> customers,
            Map<UUID, Invite> invites, Map<UUID, ExternalTechnician> externals) {

        static Facts started(SupportSessionStarted e) {
            return new Facts(e.sessionId(), e.ownerMemberId(), e.companyId(), e.deviceId(), Set.of(e.ownerMemberId()), Map.of(), Map.of(), Map.of());
        }

        /** The facts after an event within a phase; the events that change the phase are {@link SupportSession#evolve}'s. */
        Facts evolve(SupportEvent event) {
            return switch (event) {
                case CustomerJoined e -> new Facts(sessionId, owner, companyId, deviceId, technicians, put(customers, e.customerId(), e.platform()), invites,
                        externals);
                case SupportSessionHandedOver e -> new Facts(sessionId, e.toMemberId(), companyId, deviceId, add(technicians, e.toMemberId()), customers,
                        invites, externals);
                case TechnicianLeftSession e -> new Facts(sessionId, owner, companyId, deviceId, remove(technicians, e.memberId()), customers, invites,
                        externals);
                case ExternalInviteIssued e -> withInvites(put(invites, e.inviteId(), new Invite(e.inviteId(), e.inviterMemberId(), e.externalName(),
                        e.policyId(), e.policyName(), Set.copyOf(e.permissions()), e.delivery(), e.expiresAt(), InviteState.OPEN)));
                case ExternalInviteRedeemed e -> {
                    Invite invite = invites.get(e.inviteId());
                    yield new Facts(sessionId, owner, companyId, deviceId, technicians, customers,
                            put(invites, e.inviteId(), invite.with(InviteState.REDEEMED)),
                            put(externals, e.externalTechnicianId(), new ExternalTechnician(e.externalTechnicianId(), e.inviteId(), invite.inviter(),
                                    invite.externalName(), invite.policyId(), Set.copyOf(e.permissions()), null)));
                }
                case ExternalInviteRevoked e -> withInvites(put(invites, e.inviteId(), invites.get(e.inviteId()).with(InviteState.REVOKED)));
                case ExternalTechnicianLoggedOut e -> {
                    ExternalTechnician x = externals.get(e.externalTechnicianId());
                    yield new Facts(sessionId, owner, companyId, deviceId, technicians, customers, invites, put(externals, x.id(),
                            new ExternalTechnician(x.id(), x.inviteId(), x.invitedBy(), x.name(), x.policyId(), x.permissions(), e.reason())));
                }
                // SUP-5: everyone is logged out; its open invites lapse with it (Invite.usable)
                case SupportSessionEnded e -> new Facts(sessionId, owner, companyId, deviceId, Set.of(), customers, invites, externals);
                case SupportActionRequested e -> this;
                case SupportSessionStarted e -> this;
            };
        }

        private Facts withInvites(Map<UUID, Invite> next) {
            return new Facts(sessionId, owner, companyId, deviceId, technicians, customers, next, externals);
        }
    }

    enum InviteState {
        OPEN,
        REDEEMED,
        REVOKED
    }

    record Invite(UUID inviteId, UUID inviter, String externalName, UUID policyId, String policyName, Set<String> permissions, String delivery,
            Instant expiresAt, InviteState state) {
        Invite with(InviteState next) {
            return new Invite(inviteId, inviter, externalName, policyId, policyName, permissions, delivery, expiresAt, next);
        }

        /** INV-2: open, not past its expiry, in a session not ended. */
        public boolean usable(Instant now, boolean sessionEnded) {
            return state == InviteState.OPEN && now.isBefore(expiresAt) && !sessionEnded;
        }
    }

    /**
     * INV-3: an external technician sees this session only, with the permissions of its policy at redemption, until
     * logged out; {@code loggedOutBecause} is the reason (INVITER_LEFT, MEMBER_DELETED, REMOVED, POLICY_DISABLED), null while in.
     */
    record ExternalTechnician(UUID id, UUID inviteId, UUID invitedBy, String name, UUID policyId, Set<String> permissions, String loggedOutBecause) {
        public boolean loggedOut() {
            return loggedOutBecause != null;
        }
    }

    /** This session once started: for the state after a command only a started session takes, and a guest's session. */
    default Started started() {
        if (this instanceof Started started) {
            return started;
        }
        throw new IllegalStateException("the support session has not started");
    }

    /** The phase after {@code event}: a start makes a session live, its end ends it; the rest changes its facts. */
    static SupportSession evolve(SupportSession s, SupportEvent event) {
        return switch (s) {
            case NotStarted n when event instanceof SupportSessionStarted e -> new Live(Facts.started(e));
            case NotStarted n -> throw new IllegalStateException(event.getClass().getSimpleName() + " in a support session that has not started");
            case Live live when event instanceof SupportSessionEnded -> new Ended(live.facts().evolve(event));
            case Live live -> new Live(live.facts().evolve(event));
            case Ended ended -> new Ended(ended.facts().evolve(event));
        };
    }

    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> next = new LinkedHashMap<>(map);
        next.put(key, value);
        return Collections.unmodifiableMap(next);
    }

    private static <T> Set<T> add(Set<T> set, T value) {
        Set<T> next = new LinkedHashSet<>(set);
        next.add(value);
        return Collections.unmodifiableSet(next);
    }

    private static <T> Set<T> remove(Set<T> set, T value) {
        Set<T> next = new LinkedHashSet<>(set);
        next.remove(value);
        return Collections.unmodifiableSet(next);
    }
}
