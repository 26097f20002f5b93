package com.example.accounts.account.domain;

import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.OpenAccount;
import com.example.accounts.account.domain.AccountEvent.AccountOpened;
import com.example.accounts.account.domain.AccountEvent.UserAdded;
import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Module;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.SeatCount;
import com.example.accounts.account.domain.Vocabulary.SupportFeature;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Decides what an account command does: the events it records, or the rule that refuses it. Pure. */
public final class AccountDecider {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final List<String> LANGUAGES = List.of("en", "fr", "es", "de");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private AccountDecider() {
    }

    public static List<AccountEvent> decide(AccountCommand command, Account state) {
        return switch (command) {
            case OpenAccount open -> open(open, state);
            case AddMember add -> addMember(add, state);
        };
    }

    private static List<AccountEvent> open(OpenAccount open, Account state) {
        if (state.opened()) {
            throw RuleViolation.conflict("ACC-1", "accountId", "the account is already open");
        }
        String accountName = name("ACC-1", "name", open.name());
        String memberName = name("ACC-1", "admin.name", open.memberName());
        String email = email("ACC-1", "admin.email", open.email());
        checkPlan(open);
        // ACC-1: the first member is ADMIN and billing contact; seats come with the seat rules later.
        return List.of(
                new AccountOpened(open.accountId(), accountName, open.plan(), open.firstMemberId()),
                new UserAdded(open.firstMemberId(), open.loginId(), memberName, email, Role.ADMIN, CompanyAccess.ALL,
                        List.of(SupportFeature.values()), false, null));
    }

    private static void checkPlan(OpenAccount open) {
        Set<Module> modules = new HashSet<>(open.plan().modules());
        if (modules.size() != open.plan().modules().size()) {
            throw RuleViolation.invalid("ACC-2", "plan.modules", "lists a module twice");
        }
        Set<Module> counted = new HashSet<>();
        for (SeatCount count : open.plan().seats()) {
            if (!count.module().seatBearing()) {
                throw RuleViolation.invalid("ACC-2", "plan.seats", count.module() + " is not sold in seats");
            }
            if (!modules.contains(count.module())) {
                throw RuleViolation.invalid("ACC-2", "plan.seats", count.module() + " has seats but is not in the plan's modules");
            }
            if (count.seats() < 0) {
                throw RuleViolation.invalid("ACC-2", "plan.seats", count.module() + " cannot have a negative number of seats");
            }
            if (!counted.add(count.module())) {
                throw RuleViolation.invalid("ACC-2", "plan.seats", count.module() + " is counted twice");
            }
        }
    }

    private static List<AccountEvent> addMember(AddMember add, Account state) {
        if (!state.opened()) {
            throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "ACC-6", null, "no such account");
        }
        Account.Member actor = state.memberByLogin(add.actorLoginId())
                .orElseThrow(() -> new RuleViolation(RuleViolation.Kind.NOT_FOUND, "ACC-6", null, "no such account"));
        if (actor.role() != Role.ADMIN) {
            throw RuleViolation.forbidden("USR-1", "only full admins add members; you are " + actor.role());
        }
        String name = name("USR-1", "name", add.name());
        String email = email("USR-1", "email", add.email());
        if (state.memberByEmail(email).isPresent()) {
            throw RuleViolation.conflict("USR-1", "email", email + " is already a member of this account");
        }
        if (add.role() == null) {
            throw RuleViolation.invalid("USR-1", "role", "is required");
        }
        if (add.language() != null && !LANGUAGES.contains(add.language())) {
            throw RuleViolation.invalid("NTF-6", "language", "must be one of " + LANGUAGES);
        }
        boolean admin = add.role() == Role.ADMIN || add.role() == Role.LIMITED_ADMIN;
        // USR-3: admins have every feature and every company, and these cannot be set for them.
        if (admin && (add.companyAccess() != null || (add.supportFeatures() != null && !add.supportFeatures().isEmpty()))) {
            throw RuleViolation.invalid("USR-3", add.companyAccess() != null ? "companyAccess" : "supportFeatures",
                    "admins have every company and support feature; it cannot be set for them");
        }
        CompanyAccess access = admin ? CompanyAccess.ALL
                : add.companyAccess() == null ? new CompanyAccess(false, List.of()) : add.companyAccess();
        List<SupportFeature> features = admin ? List.of(SupportFeature.values())
                : add.supportFeatures() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(add.supportFeatures()));
        return List.of(new UserAdded(add.memberId(), add.loginId(), name, email, add.role(), access, features,
                add.loginCreated(), add.language()));
    }

    static String name(String rule, String field, String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw RuleViolation.invalid(rule, field, "is required");
        }
        if (name.length() > MAX_NAME) {
            throw RuleViolation.invalid(rule, field, "must be at most " + MAX_NAME + " characters, was " + name.length());
        }
        return name;
    }

    static String email(String rule, String field, String raw) {
        String email = raw == null ? "" : raw.strip();
        if (email.isEmpty()) {
            throw RuleViolation.invalid(rule, field, "is required");
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw RuleViolation.invalid(rule, field, "is not a valid email address");
        }
        return email.toLowerCase(java.util.Locale.ROOT);
    }
}
