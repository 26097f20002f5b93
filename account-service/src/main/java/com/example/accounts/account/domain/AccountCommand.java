package com.example.accounts.account.domain;

import com.example.accounts.account.domain.Vocabulary.CompanyAccess;
import com.example.accounts.account.domain.Vocabulary.Plan;
import com.example.accounts.account.domain.Vocabulary.Role;
import com.example.accounts.account.domain.Vocabulary.SupportFeature;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What callers ask of an account. Ids and time come in with the command; the domain makes none. */
public sealed interface AccountCommand {

    Instant now();

    /** ACC-1: the caller opens an account and becomes its first member. */
    record OpenAccount(UUID accountId, String name, Plan plan, UUID firstMemberId, String loginId, String memberName,
                       String email, Instant now) implements AccountCommand {
    }

    /** USR-1: a full admin adds a member; the login was looked up or created beforehand (USR-2). */
    record AddMember(String actorLoginId, UUID memberId, String loginId, boolean loginCreated, String name, String email,
                     Role role, CompanyAccess companyAccess, List<SupportFeature> supportFeatures, String language,
                     Instant now) implements AccountCommand {
    }
}
