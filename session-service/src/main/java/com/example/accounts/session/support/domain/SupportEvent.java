package com.example.accounts.session.support.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happens in a support session (stream {@code session-<id>}); the contract's schemas describe each. */
public sealed interface SupportEvent {

    UUID sessionId();

    record SupportSessionStarted(UUID sessionId, UUID ownerMemberId, UUID companyId, UUID deviceId) implements SupportEvent {
    }

    record CustomerJoined(UUID sessionId, UUID customerId, String platform) implements SupportEvent {
    }

    record SupportActionRequested(UUID sessionId, String action, UUID memberId, UUID externalTechnicianId) implements SupportEvent {
    }

    record SupportSessionHandedOver(UUID sessionId, UUID fromMemberId, UUID toMemberId) implements SupportEvent {
    }

    record TechnicianLeftSession(UUID sessionId, UUID memberId) implements SupportEvent {
    }

    record ExternalInviteIssued(UUID sessionId, UUID inviteId, UUID inviterMemberId, UUID policyId, String policyName, String externalName,
            String comments, String delivery, String email, Instant expiresAt, List<String> permissions) implements SupportEvent {
    }

    record ExternalInviteRedeemed(UUID sessionId, UUID inviteId, UUID externalTechnicianId, List<String> permissions) implements SupportEvent {
    }

    record ExternalInviteRevoked(UUID sessionId, UUID inviteId, UUID byMemberId, String reason) implements SupportEvent {
    }

    record ExternalTechnicianLoggedOut(UUID sessionId, UUID externalTechnicianId, String reason) implements SupportEvent {
    }

    record SupportSessionEnded(UUID sessionId) implements SupportEvent {
    }
}
