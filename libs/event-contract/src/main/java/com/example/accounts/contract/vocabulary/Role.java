package com.example.accounts.contract.vocabulary;

/** A member's account role (the role table of the rule book); a member holds exactly one per account. */
public enum Role {
    ADMIN,
    LIMITED_ADMIN,
    STANDARD,
    MONITORING_OBSERVER;

    /**
     * USR-3, FEAT-1: full and limited admins have every support feature and reach every company, whatever was set;
     * neither can be edited for them. The one place that says which roles are admins.
     */
    public boolean admin() {
        return this == ADMIN || this == LIMITED_ADMIN;
    }

    /** SEAT-1, TRN-1: every role but the observer holds seats and organizes training sessions. */
    public boolean holdsSeats() {
        return this != MONITORING_OBSERVER;
    }
}
