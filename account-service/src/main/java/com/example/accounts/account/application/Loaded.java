package com.example.accounts.account.application;

import com.example.accounts.account.domain.Account;

/** An account as read from its stream, with the position of its last event (for the consistency token of a no-op). */
public record Loaded(Account account, long lastPosition) {
}
