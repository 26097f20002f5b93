package com.example.accounts.session.application;

import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.kit.CommandHeaders;
import com.example.accounts.kit.ProblemException;
import com.example.accounts.session.infrastructure.PermissionService;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * A member's request, as this service asks the permission-service about it: the account, the caller's own token, the
 * write the answer must see ({@code Consistency-Token}, PRM-4) and the request's correlation id.
 */
public record MemberRequest(UUID accountId, String bearer, String consistency, String correlationId) {

    /** A member's command, with the Consistency-Token and correlation id it came with. */
    public static MemberRequest of(UUID accountId, String bearer, CommandHeaders headers) {
        return new MemberRequest(accountId, bearer, headers.consistencyToken(), headers.correlationId());
    }

    /** Who the caller is in the account: any member may ask this of themselves (USR-8), so it resolves the member id. */
    public Uni<UUID> me(PermissionService permissions) {
        return permissions.check(accountId, bearer, consistency, "me", "profile.manage-own", null).map(PermissionService.Check::memberId);
    }

    /** A denial of the permission-service as a 403 naming the rule and what the member lacks. */
    public static PermissionService.Check allowed(PermissionService.Check check, RuleId rule) {
        if (!check.allowed()) {
            throw ProblemException.forbidden(rule, denial(check));
        }
        return check;
    }

    /** What a denial says: the permission, what the member lacks and the permission-service's reasons. */
    public static String denial(PermissionService.Check check) {
        return check.permission() + " is denied: lacks " + String.join(", ", check.missing()) + " (" + String.join("; ", check.reasons()) + ")";
    }

    /** The actor a member's events are recorded with. */
    public static String member(UUID memberId) {
        return "member:" + memberId;
    }
}
