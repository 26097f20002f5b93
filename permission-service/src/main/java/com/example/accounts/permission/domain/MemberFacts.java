package com.example.accounts.permission.domain;

import java.util.UUID;

/** What the read model knows of a member that decides their permissions. */
public record MemberFacts(UUID accountId, UUID memberId, String role, boolean billingContact) {
}
