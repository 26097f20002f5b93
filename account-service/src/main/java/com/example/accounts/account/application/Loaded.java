package com.example.accounts.account.application;

import com.example.accounts.account.domain.Account;

/**
 * An account as read: its state, the position of its last event (for the consistency token of a no-op), and how
 * many events were folded after the snapshot it started from.
 */
public record Loaded(Account account, long lastPosition, int replayed) {
}
