package com.example.accounts.permission.domain;

import java.util.Set;
import java.util.UUID;

/**
 * What the read model knows of a member that decides their permissions: role, billing-contact flag, the modules
 * of the account's plan, the seats the member holds and the support features they were given.
 */
public record MemberFacts(UUID accountId, UUID memberId, String role, boolean billingContact, Set<String> planModules,
                          Set<String> seats, Set<String> supportFeatures) {
    public MemberFacts {
        planModules = Set.copyOf(planModules);
        seats = Set.copyOf(seats);
        supportFeatures = Set.copyOf(supportFeatures);
    }
}
