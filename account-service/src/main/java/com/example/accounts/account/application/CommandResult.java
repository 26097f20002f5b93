package com.example.accounts.account.application;

import com.example.accounts.account.domain.Account;
import com.example.accounts.contract.ConsistencyToken;

/** What a command left behind: the account's new state and version, and the token that waits for it (PRM-4). */
public record CommandResult(Account account, ConsistencyToken token) {
}
