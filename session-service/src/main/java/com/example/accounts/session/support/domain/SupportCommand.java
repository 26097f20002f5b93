package com.example.accounts.session.support.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What members and guests ask of a support session. What the permission-service decides (seats, features, company
 * and device access, policies) was asked before and comes in as facts; the session decides the rest from its state.
 */
public sealed interface SupportCommand {

    Instant now();

    /**
     * SUP-1, SUP-3, FEAT-2: what the permission-service answered about a member who would own a session, asked the
     * same way when it starts and when it is handed over (SUP-6). {@code hostDenial} is null when they may host this
     * session (seat, company or device access, UNATTENDED_ACCESS), else why not; {@code lackingFeatures} are the
     * support features they lack, which a client older than 2.3 build 818 would not hold them to.
     */
    record Owner(UUID memberId, String hostDenial, String clientVersion, boolean featureAwareClient, List<String> lackingFeatures) {
        public Owner {
            lackingFeatures = List.copyOf(lackingFeatures);
        }
    }

    /** SUP-1, SUP-3, FEAT-2: {@code deviceId} makes it unattended; {@code owner} is what the host was found to have. */
    record Start(UUID sessionId, Owner owner, UUID companyId, UUID deviceId, Instant now) implements SupportCommand {
    }

    /** SUP-2: a customer with the session's code, which admits one and lapses unused after 20 minutes. */
    record JoinAsCustomer(UUID customerId, String platform, Instant now) implements SupportCommand {
    }

    /** SUP-4: a member's request, with whether their own feature allows it. */
    record RequestAsMember(UUID memberId, String action, boolean featureAllowed, Instant now) implements SupportCommand {
    }

    /** SUP-4: an external technician's request, decided by the policy permissions they were admitted with. */
    record RequestAsExternal(UUID externalTechnicianId, String action, Instant now) implements SupportCommand {
    }

    /**
     * SUP-6: {@code to} is what the permission-service found about the target as this session's owner (SUP-1, SUP-3,
     * FEAT-2 with the client they take it on); null when nothing was asked, the target being an external technician.
     */
    record HandOver(UUID byMemberId, UUID toMemberId, Owner to, Instant now) implements SupportCommand {
    }

    record Leave(UUID memberId, Instant now) implements SupportCommand {
    }

    record End(UUID byMemberId, Instant now) implements SupportCommand {
    }

    /** INV-1: the chosen policy as the permission-service has it, and whether the account allows server-sent emails. */
    record Invite(UUID inviteId, UUID inviterMemberId, Policy policy, String externalName, String comments, String delivery, String email,
            boolean serverEmailsAllowed, Instant now) implements SupportCommand {
    }

    record Policy(UUID policyId, String name, boolean enabled, Set<String> permissions) {
    }

    /** INV-2, INV-3: a redemption, admitted with the permissions of the invite's policy when it was issued. */
    record Redeem(UUID inviteId, UUID externalTechnicianId, Instant now) implements SupportCommand {
    }

    record Revoke(UUID inviteId, UUID byMemberId, Instant now) implements SupportCommand {
    }

    /** INV-3: the session's owner or the technician's inviter takes an external technician out of the session. */
    record RemoveExternal(UUID externalTechnicianId, UUID byMemberId, Instant now) implements SupportCommand {
    }

    /** USR-6: the account deleted a member, who is out of every session at once. */
    record RemoveDeletedMember(UUID memberId, Instant now) implements SupportCommand {
    }

    /** INV-6: the account disabled a security policy, which ends what it admitted. */
    record DisablePolicy(UUID policyId, Instant now) implements SupportCommand {
    }

    /** INV-1: the invite's email could not be handed on, so nobody can have its URL: it is withdrawn. */
    record WithdrawUndelivered(UUID inviteId, Instant now) implements SupportCommand {
    }
}
