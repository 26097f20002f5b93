package com.example.accounts.permission.domain;

/** What decides one permission: the account, the member asked about and the resource, if any. */
record Ask(AccountView account, Member member, Resource resource) {
}
