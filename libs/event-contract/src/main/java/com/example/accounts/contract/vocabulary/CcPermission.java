package com.example.accounts.contract.vocabulary;

/** CC-3 (supervisor) and CC-4 (agent) permissions, set per contact-center role, never per member (CC-2). */
public enum CcPermission {
    CONFIG_PORTAL_ACCESS(true),
    LIMIT_TO_ASSIGNED_QUEUES(true),
    VIEW_QUEUE_SETTINGS(true),
    MANAGE_QUEUE_SETTINGS(true),
    VIEW_BREAK_REASONS(true),
    MANAGE_BREAK_REASONS(true),
    VIEW_SKILLS(true),
    MANAGE_SKILLS(true),
    MANAGE_PRERECORDED_MESSAGES(false),
    MANAGE_PUBLIC_CANNED_MESSAGES(false),
    CREATE_CUSTOM_LABELS(false);

    private final boolean supervisor;

    CcPermission(boolean supervisor) {
        this.supervisor = supervisor;
    }

    /** A supervisor's permission (CC-3); otherwise an agent's (CC-4). */
    public boolean supervisor() {
        return supervisor;
    }
}
