package com.example.accounts.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A request of session-service on {@code session-service.invite-emails}: email this invite URL (NTF-3).
 * {@code language} is the technician's when the inviter gave one (else the account's is used).
 */
public record InviteEmail(UUID accountId, UUID sessionId, UUID inviteId, UUID inviterMemberId, String email, String externalName,
                          String comments, String policyName, Instant expiresAt, String url, String language) {
}
