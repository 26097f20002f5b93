package com.example.accounts.notification.domain;

import java.time.Instant;

/** NTF-3: the email an external technician receives: the invite URL, who invited them, the comments, the policy and the expiry. */
public record ExternalInviteEmail(String to, String subject, String text) {

    public static ExternalInviteEmail of(String to, String externalName, String inviter, String comments, String policyName, Instant expiresAt,
                                         String url) {
        String text = "Hello " + externalName + ",\n\n"
                + inviter + " invites you to a remote support session as an external technician, with the security policy \""
                + policyName + "\".\n\n"
                + (comments == null || comments.isBlank() ? "" : "Why: " + comments + "\n\n")
                + "Join the session: " + url + "\n\n"
                + "The link works once and lapses at " + expiresAt + ".\n";
        return new ExternalInviteEmail(to, inviter + " invites you to a remote support session", text);
    }
}
