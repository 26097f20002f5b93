package com.example.accounts.account.application;

import io.smallrye.mutiny.Uni;

/** USR-2: the logins of the identity provider, shared by every account a person belongs to. */
public interface Logins {

    /** The login with this email, or a new one the person activates by choosing a password. */
    Uni<Login> findOrCreate(String email, String name);

    /**
     * USR-5: the login's email becomes {@code email} (the address it signs in with, too), or, changing nothing, why not.
     */
    Uni<EmailChanged> changeEmail(String loginId, String email);

    /** What became of an email change of a login. */
    enum EmailChanged {
        /** the login has the new address (or had it already) */
        CHANGED,
        /** another login has that address */
        HELD_BY_ANOTHER_LOGIN,
        /** the login was not made by the platform (an operator's): the identity provider lets the platform not edit it */
        MANAGED_OUTSIDE_THE_PLATFORM
    }

    record Login(String id, boolean created) {
    }
}
