package com.example.accounts.permission.domain;

import com.example.accounts.contract.vocabulary.Role;

import java.util.Comparator;
import java.util.Set;
import java.util.UUID;

/**
 * A member as the read model knows them: role, billing-contact flag, seats, support features, company access
 * (all companies, or a list that may be empty: CMP-2), user groups, the groups they supervise as a limited admin,
 * their contact-center roles, and {@code addedAt}, the account position of the event that added the membership.
 */
public record Member(UUID memberId, String loginId, String name, String role, boolean billingContact, Set<String> seats,
        Set<String> supportFeatures, boolean allCompanies, Set<UUID> companies, Set<UUID> userGroups,
        Set<UUID> supervisedUserGroups, Set<UUID> supervisedDeviceGroups, Set<String> contactCenterRoles, long addedAt) {

    /**
     * USR-13: of the memberships one login holds in an account (old histories may hold two), the one added first is
     * the one the login acts as, as in the account-service; the member id only orders memberships of equal position.
     */
    public static final Comparator<Member> ADDED_FIRST = Comparator.comparingLong(Member::addedAt).thenComparing(Member::memberId);

    /** A member whose place in the history does not matter (no other membership of the same login). */
    public Member(UUID memberId, String loginId, String name, String role, boolean billingContact, Set<String> seats,
            Set<String> supportFeatures, boolean allCompanies, Set<UUID> companies, Set<UUID> userGroups,
            Set<UUID> supervisedUserGroups, Set<UUID> supervisedDeviceGroups, Set<String> contactCenterRoles) {
        this(memberId, loginId, name, role, billingContact, seats, supportFeatures, allCompanies, companies, userGroups, supervisedUserGroups,
                supervisedDeviceGroups, contactCenterRoles, 0);
    }

    public Member {
        seats = Set.copyOf(seats);
        supportFeatures = Set.copyOf(supportFeatures);
        companies = Set.copyOf(companies);
        userGroups = Set.copyOf(userGroups);
        supervisedUserGroups = Set.copyOf(supervisedUserGroups);
        supervisedDeviceGroups = Set.copyOf(supervisedDeviceGroups);
        contactCenterRoles = Set.copyOf(contactCenterRoles);
    }

    /** The role as the contract names it; {@code role} is its name, as the read model keeps it and answers carry it. */
    public Role accountRole() {
        return Role.valueOf(role);
    }
}
