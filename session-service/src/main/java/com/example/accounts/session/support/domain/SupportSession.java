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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A support session folded from its events. {@code technicians} are the members in it: the owner, and earlier
 * owners until they leave (INV-4).
 */
public record SupportSession(UUID sessionId, UUID owner, UUID companyId, UUID deviceId, boolean ended,
        Set<UUID> technicians, Map<UUID, String> customers, Map<UUID, Invite> invites,
        Map<UUID, ExternalTechnician> externals) {

    public static final SupportSession INITIAL = new SupportSession(null, null, null, null, false, Set.of(), Map.of(), Map.of(), Map.of());

    public enum InviteState {
        OPEN,
        REDEEMED,
        REVOKED
    }

    public record Invite(UUID inviteId, UUID inviter, String externalName, UUID policyId, String policyName, Set<String> permissions, String delivery,
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
    public record ExternalTechnician(UUID id, UUID inviteId, UUID invitedBy, String name, UUID policyId, Set<String> permissions, String loggedOutBecause) {
        public boolean loggedOut() {
            return loggedOutBecause != null;
        }
    }

    public boolean started() {
        return sessionId != null;
    }

    public boolean unattended() {
        return deviceId != null;
    }

    public static SupportSession evolveAll(SupportSession state, List<SupportEvent> events) {
        SupportSession next = state;
        for (SupportEvent event : events) {
            next = evolve(next, event);
        }
        return next;
    }

    public static SupportSession evolve(SupportSession s, SupportEvent event) {
        return switch (event) {
            case SupportSessionStarted e -> new SupportSession(e.sessionId(), e.ownerMemberId(), e.companyId(), e.deviceId(), false,
                    Set.of(e.ownerMemberId()), Map.of(), Map.of(), Map.of());
            case CustomerJoined e -> s.withCustomers(put(s.customers, e.customerId(), e.platform()));
            case SupportActionRequested e -> s;
            case SupportSessionHandedOver e -> new SupportSession(s.sessionId, e.toMemberId(), s.companyId, s.deviceId, s.ended,
                    add(s.technicians, e.toMemberId()), s.customers, s.invites, s.externals);
            case TechnicianLeftSession e -> new SupportSession(s.sessionId, s.owner, s.companyId, s.deviceId, s.ended,
                    remove(s.technicians, e.memberId()), s.customers, s.invites, s.externals);
            case ExternalInviteIssued e -> s.withInvites(put(s.invites, e.inviteId(), new Invite(e.inviteId(), e.inviterMemberId(), e.externalName(),
                    e.policyId(), e.policyName(), Set.copyOf(e.permissions()), e.delivery(), e.expiresAt(), InviteState.OPEN)));
            case ExternalInviteRedeemed e -> {
                Invite invite = s.invites.get(e.inviteId());
                yield new SupportSession(s.sessionId, s.owner, s.companyId, s.deviceId, s.ended, s.technicians, s.customers,
                        put(s.invites, e.inviteId(), invite.with(InviteState.REDEEMED)),
                        put(s.externals, e.externalTechnicianId(), new ExternalTechnician(e.externalTechnicianId(), e.inviteId(), invite.inviter(),
                                invite.externalName(), invite.policyId(), Set.copyOf(e.permissions()), null)));
            }
            case ExternalInviteRevoked e -> s.withInvites(put(s.invites, e.inviteId(), s.invites.get(e.inviteId()).with(InviteState.REVOKED)));
            case ExternalTechnicianLoggedOut e -> {
                ExternalTechnician x = s.externals.get(e.externalTechnicianId());
                yield new SupportSession(s.sessionId, s.owner, s.companyId, s.deviceId, s.ended, s.technicians, s.customers, s.invites,
                        put(s.externals, x.id(),
                                new ExternalTechnician(x.id(), x.inviteId(), x.invitedBy(), x.name(), x.policyId(), x.permissions(), e.reason())));
            }
            // SUP-5: everyone is logged out and open invites lapse; the state says so by being ended
            case SupportSessionEnded e -> new SupportSession(s.sessionId, s.owner, s.companyId, s.deviceId, true, Set.of(),
                    s.customers, s.invites, s.externals);
        };
    }

    public boolean externalPresent(UUID id) {
        ExternalTechnician x = externals.get(id);
        return x != null && !x.loggedOut() && !ended;
    }

    private SupportSession withCustomers(Map<UUID, String> next) {
        return new SupportSession(sessionId, owner, companyId, deviceId, ended, technicians, next, invites, externals);
    }

    private SupportSession withInvites(Map<UUID, Invite> next) {
        return new SupportSession(sessionId, owner, companyId, deviceId, ended, technicians, customers, next, externals);
    }

    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> next = new LinkedHashMap<>(map);
        next.put(key, value);
        return java.util.Collections.unmodifiableMap(next);
    }

    private static <T> Set<T> add(Set<T> set, T value) {
        Set<T> next = new LinkedHashSet<>(set);
        next.add(value);
        return java.util.Collections.unmodifiableSet(next);
    }

    private static <T> Set<T> remove(Set<T> set, T value) {
        Set<T> next = new LinkedHashSet<>(set);
        next.remove(value);
        return java.util.Collections.unmodifiableSet(next);
    }
}
