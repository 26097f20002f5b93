package com.example.accounts.permission.domain;

import com.example.accounts.contract.vocabulary.Role;

import java.util.Optional;
import java.util.UUID;

import static com.example.accounts.permission.domain.Guards.FULL_ADMIN;
import static com.example.accounts.permission.domain.Guards.missingResource;
import static com.example.accounts.permission.domain.Guards.role;

/** Members and their seats: who manages whom (USR-1, USR-4, USR-8, USR-13) and who holds no seat (SEAT-1). */
final class MemberRules {

    private MemberRules() {
    }

    /** USR-8: nobody changes their own role or deletes themselves; their own profile is profile.manage-own. */
    static Decision manage(Ask a) {
        if (a.resource() != null && a.resource().id().equals(a.member().memberId())) {
            return Decision.deny("nobody changes their own role or deletes themselves (USR-8)", "another member");
        }
        // an old history's second membership of the same login is the same person (USR-13)
        if (a.resource() != null && a.account().member(a.resource().id()).filter(m -> m.loginId().equals(a.member().loginId())).isPresent()) {
            return Decision.deny("member " + a.resource().id() + " is another membership of the same login: nobody manages their own (USR-8, USR-13)",
                    "another member");
        }
        return scopedToUserGroups(a, "USR-1/USR-4: full admins add and manage members");
    }

    /** SEAT-1: observers never hold seats. */
    static Decision provisionSeats(Ask a) {
        Optional<Member> target = a.resource() == null ? Optional.empty() : a.account().member(a.resource().id());
        if (target.isPresent() && !target.get().accountRole().holdsSeats()) {
            return Decision.deny("member " + target.get().memberId() + " is a MONITORING_OBSERVER, who holds no seat (SEAT-1)",
                    "a member of role ADMIN, LIMITED_ADMIN or STANDARD");
        }
        return scopedToUserGroups(a, "USR-4: full admins provision seats");
    }

    /** USR-4: full admins for every member; a limited admin for the non-admin members of the user groups it supervises. */
    private static Decision scopedToUserGroups(Ask a, String why) {
        Optional<Member> target = Optional.empty();
        if (a.resource() != null) {
            target = a.account().member(a.resource().id());
            if (target.isEmpty()) {
                return missingResource(a.resource());
            }
        }
        if (a.member().accountRole() == Role.ADMIN) {
            return Decision.allow("role ADMIN (" + why + ")");
        }
        if (a.member().accountRole() != Role.LIMITED_ADMIN) {
            return role(a.member(), FULL_ADMIN, why);
        }
        if (target.isEmpty()) {
            return Decision.deny("role LIMITED_ADMIN is limited to the non-admin members of the user groups it supervises (USR-4)",
                    "role ADMIN, or a member resource in a user group it supervises");
        }
        Member subject = target.get();
        if (subject.accountRole().admin()) {
            return Decision.deny("member " + subject.memberId() + " is " + subject.role() + "; a limited admin manages non-admin members only (USR-4)",
                    "role ADMIN");
        }
        Optional<UUID> shared = subject.userGroups().stream().filter(a.member().supervisedUserGroups()::contains).sorted().findFirst();
        return shared.map(group -> Decision.allow("role LIMITED_ADMIN supervising user group " + group + " of member " + subject.memberId() + " (USR-4)"))
                .orElseGet(() -> Decision.deny("member " + subject.memberId() + " is in no user group this limited admin supervises (USR-4)",
                        "supervision of a user group of member " + subject.memberId()));
    }
}
