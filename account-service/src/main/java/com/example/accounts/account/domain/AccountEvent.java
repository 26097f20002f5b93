package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.SupportFeature;

import java.util.List;
import java.util.UUID;

/** What happened to an account. Each has a schema in the event contract (contract/events/&lt;Type&gt;.v1.json). */
public sealed interface AccountEvent {

    /** ACC-1. */
    record AccountOpened(UUID accountId, String name, Plan plan, UUID billingContactMemberId) implements AccountEvent {
    }

    /** USR-1, USR-2. */
    record UserAdded(UUID memberId, String loginId, String name, String email, Role role, CompanyAccess companyAccess,
                     List<SupportFeature> supportFeatures, boolean loginCreated, String language) implements AccountEvent {
    }
}
