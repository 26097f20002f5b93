package com.example.accounts.contract.vocabulary;

/** INV-6: what a security policy lets an invited external technician do. */
public enum PolicyPermission {
    VIEW_SCREEN,
    CHAT,
    REMOTE_CONTROL,
    FILE_TRANSFER
}
