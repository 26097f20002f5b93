package com.example.accounts.account.application;

import io.smallrye.mutiny.Uni;

/** USR-2: the logins of the identity provider, shared by every account a person belongs to. */
public interface Logins {

    /** The login with this email, or a new one the person activates by choosing a password. */
    Uni<Login> findOrCreate(String email, String name);

    /**
     * USR-5: the login's email becomes {@code email} (the address it signs in with, too). Answers false, changing
     * nothing, when another login already has that email.
     */
    Uni<Boolean> changeEmail(String loginId, String email);

    record Login(String id, boolean created) {
    }
}
