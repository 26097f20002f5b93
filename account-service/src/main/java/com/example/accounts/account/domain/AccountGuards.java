package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Account.Member;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.rules.Refusal;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The checks every family of account rules shares: who acts (ACC-6: a stranger learns nothing), whether they are a
 * full admin or manage the member they act on (USR-4, USR-6), ids of this account only, and names and emails.
 */
final class AccountGuards {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private AccountGuards() {
    }

    /** ACC-6: the acting member, or "no such account" for anyone who is not one. */
    static Member actor(Account state, String loginId) {
        if (!state.opened()) {
            throw noSuchAccount();
        }
        return state.memberByLogin(loginId).orElseThrow(AccountGuards::noSuchAccount);
    }

    /** ACC-6: all that anyone who is not a member learns of an account, the same for every id, real or not. */
    static Refusal noSuchAccount() {
        return Refusal.notFound(RuleId.ACC_6, "no such account");
    }

    static Member member(Account state, UUID memberId) {
        return found(state.members(), memberId, "member");
    }

    /** ACC-6: an id that is not this account's is as unknown as one that never existed. */
    static <T> T found(Map<UUID, T> items, UUID id, String what) {
        T item = items.get(id);
        if (item == null) {
            throw Refusal.notFound(RuleId.ACC_6, "no such " + what);
        }
        return item;
    }

    static void fullAdmin(Member actor, RuleId rule, String what) {
        if (actor.role() != Role.ADMIN) {
            throw Refusal.forbidden(rule, "only full admins " + what + "; you are " + actor.role());
        }
    }

    /** USR-4, USR-6: full admins act on any member; a limited admin on non-admin members of the groups it supervises. */
    static void manages(Member actor, Member target, RuleId rule, String what) {
        if (actor.role() == Role.ADMIN) {
            return;
        }
        if (actor.role() == Role.LIMITED_ADMIN) {
            if (!target.role().admin() && target.userGroups().stream().anyMatch(actor.supervisedUserGroups()::contains)) {
                return;
            }
            throw Refusal.forbidden(rule, "a limited admin may " + what + " only for non-admin members of the groups it supervises");
        }
        throw Refusal.forbidden(rule, "only admins " + what + "; you are " + actor.role());
    }

    static String name(RuleId rule, String field, String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw Refusal.invalid(rule, field, "is required");
        }
        if (name.length() > MAX_NAME) {
            throw Refusal.invalid(rule, field, "must be at most " + MAX_NAME + " characters, was " + name.length());
        }
        return name;
    }

    static String email(RuleId rule, String field, String raw) {
        String email = raw == null ? "" : raw.strip();
        if (email.isEmpty()) {
            throw Refusal.invalid(rule, field, "is required");
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw Refusal.invalid(rule, field, "is not a valid email address");
        }
        return email.toLowerCase(Locale.ROOT);
    }
}
