package com.example.accounts.permission.domain;

import java.util.Set;
import java.util.UUID;

/**
 * A member as the read model knows them: role, billing-contact flag, seats, support features, company access
 * (all companies, or a list that may be empty: CMP-2), user groups, the groups they supervise as a limited admin,
 * and their contact-center roles.
 */
public record Member(UUID memberId, String loginId, String name, String role, boolean billingContact, Set<String> seats,
                     Set<String> supportFeatures, boolean allCompanies, Set<UUID> companies, Set<UUID> userGroups,
                     Set<UUID> supervisedUserGroups, Set<UUID> supervisedDeviceGroups, Set<String> contactCenterRoles) {

    public Member {
        seats = Set.copyOf(seats);
        supportFeatures = Set.copyOf(supportFeatures);
        companies = Set.copyOf(companies);
        userGroups = Set.copyOf(userGroups);
        supervisedUserGroups = Set.copyOf(supervisedUserGroups);
        supervisedDeviceGroups = Set.copyOf(supervisedDeviceGroups);
        contactCenterRoles = Set.copyOf(contactCenterRoles);
    }

    public boolean admin() {
        return role.equals("ADMIN") || role.equals("LIMITED_ADMIN");
    }
}
