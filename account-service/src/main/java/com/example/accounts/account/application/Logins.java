package com.example.accounts.account.application;

import io.smallrye.mutiny.Uni;

/** USR-2: the logins of the identity provider, shared by every account a person belongs to. */
public interface Logins {

    /** The login with this email, or a new one the person activates by choosing a password. */
    Uni<Login> findOrCreate(String email, String name);

    record Login(String id, boolean created) {
    }
}
