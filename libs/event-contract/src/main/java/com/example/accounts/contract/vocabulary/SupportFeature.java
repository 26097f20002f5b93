package com.example.accounts.contract.vocabulary;

/** FEAT-1: what a technician may do beyond an attended session; admins have all of them (USR-3, {@link Role#admin()}). */
public enum SupportFeature {
    UNATTENDED_ACCESS,
    FILE_TRANSFER,
    REMOTE_CONTROL
}
