package com.example.accounts.contract.vocabulary;

/** How a member is assigned to a queue (CC-1). */
public enum QueueRole {
    AGENT,
    SUPERVISOR
}
