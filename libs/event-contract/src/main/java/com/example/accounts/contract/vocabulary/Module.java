package com.example.accounts.contract.vocabulary;

/** The modules an account's plan lists (ACC-2). */
public enum Module {
    REMOTE_SUPPORT,
    SERVICE_DESK,
    MONITORING,
    TRAINING,
    CONTACT_CENTER;

    /** ACC-2: modules sold in seats (a technician seat, a contact-center licence); MONITORING and TRAINING need none. */
    public boolean seatBearing() {
        return this == REMOTE_SUPPORT || this == SERVICE_DESK || this == CONTACT_CENTER;
    }
}
