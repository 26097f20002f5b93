package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Account.SecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.ChangeSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.DefineSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.SetSecurityPolicyEnabled;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyChanged;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyDefined;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyDisabled;
import com.example.accounts.account.domain.AccountEvent.SecurityPolicyEnabled;
import com.example.accounts.contract.vocabulary.PolicyPermission;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.rules.Refusal;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import static com.example.accounts.account.domain.AccountGuards.actor;
import static com.example.accounts.account.domain.AccountGuards.found;
import static com.example.accounts.account.domain.AccountGuards.fullAdmin;
import static com.example.accounts.account.domain.AccountGuards.name;

/** INV-6: the security policies that say what an invited external technician may do. Pure. */
final class SecurityPolicyRules {

    static final int MAX_DESCRIPTION = 500;

    private SecurityPolicyRules() {
    }

    static List<AccountEvent> define(DefineSecurityPolicy define, Account state) {
        fullAdmin(actor(state, define.actorLoginId()), RuleId.INV_6, "define security policies");
        SecurityPolicy policy = policy(state, define.policyId(), define.name(), define.description(), define.permissions(), true);
        return List.of(new SecurityPolicyDefined(policy.policyId(), policy.name(), policy.description(), inOrder(policy)));
    }

    static List<AccountEvent> change(ChangeSecurityPolicy change, Account state) {
        fullAdmin(actor(state, change.actorLoginId()), RuleId.INV_6, "edit security policies");
        SecurityPolicy current = found(state.securityPolicies(), change.policyId(), "security policy");
        SecurityPolicy policy = policy(state, current.policyId(), change.name(), change.description(), change.permissions(), current.enabled());
        return policy.equals(current)
                ? List.of()
                : List.of(new SecurityPolicyChanged(policy.policyId(), policy.name(), policy.description(), inOrder(policy)));
    }

    static List<AccountEvent> setEnabled(SetSecurityPolicyEnabled set, Account state) {
        fullAdmin(actor(state, set.actorLoginId()), RuleId.INV_6, set.enabled() ? "enable security policies" : "disable security policies");
        SecurityPolicy current = found(state.securityPolicies(), set.policyId(), "security policy");
        if (current.enabled() == set.enabled()) {
            return List.of();
        }
        return List.of(set.enabled() ? new SecurityPolicyEnabled(current.policyId()) : new SecurityPolicyDisabled(current.policyId()));
    }

    private static List<PolicyPermission> inOrder(SecurityPolicy policy) {
        return policy.permissions().stream().sorted().toList();
    }

    /** INV-6: a unique name, a description, and permissions from VIEW_SCREEN, CHAT, REMOTE_CONTROL, FILE_TRANSFER. */
    private static SecurityPolicy policy(Account state, java.util.UUID policyId, String rawName, String rawDescription,
            List<PolicyPermission> permissions, boolean enabled) {
        String name = name(RuleId.INV_6, "name", rawName);
        Account.byName(state.securityPolicies().values(), name, SecurityPolicy::name)
                .filter(other -> !other.policyId().equals(policyId)).ifPresent(other -> {
                    throw Refusal.conflict(RuleId.INV_6, "name", "a security policy named '" + other.name() + "' exists already");
                });
        String description = rawDescription == null ? "" : rawDescription.strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw Refusal.invalid(RuleId.INV_6, "description", "must be at most " + MAX_DESCRIPTION + " characters, was " + description.length());
        }
        if (permissions == null || permissions.stream().anyMatch(Objects::isNull)) {
            throw Refusal.invalid(RuleId.INV_6, "permissions", "must list permissions from " + List.of(PolicyPermission.values()));
        }
        return new SecurityPolicy(policyId, name, description,
                permissions.isEmpty() ? java.util.Set.of() : EnumSet.copyOf(permissions), enabled);
    }
}
