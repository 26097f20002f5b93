package com.example.accounts.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What session-service puts on {@value Topics#INVITE_EMAILS} for notification-service to email (NTF-3): everything
 * the email shows, the URL sealed by {@link InviteUrlSeal} (INV-2). Its schema is
 * {@code contract/invite-emails/InviteEmailRequest.v1.json}; both services read and write this one record.
 * {@code language}: the technician's, when the inviter gave it (null: the account's). {@code comments} may be null.
 */
public record InviteEmailRequest(UUID accountId, UUID sessionId, UUID inviteId, UUID inviterMemberId, String email, String externalName,
        String comments, String policyName, Instant expiresAt, SealedUrl sealedUrl, String language) {

    /** The URL as {@link InviteUrlSeal} sealed it: the key's id, the nonce and the ciphertext with its tag, base64url. */
    public record SealedUrl(String keyId, String nonce, String ciphertext) {
    }

    private static final EventSchemas SCHEMAS = EventSchemas.load("/contract/invite-emails/");
    private static final String TYPE = "InviteEmailRequest";

    /** The message's schema, as the contract states it. */
    public static JsonNode schema() {
        return SCHEMAS.schema(TYPE, SCHEMAS.currentVersion(TYPE));
    }

    /** The ways a message as read from the topic breaks its schema; empty when it fits. */
    public static List<String> problems(JsonNode message) {
        return SCHEMAS.validate(TYPE, SCHEMAS.currentVersion(TYPE), message);
    }
}
