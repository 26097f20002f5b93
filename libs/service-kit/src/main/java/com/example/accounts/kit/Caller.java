package com.example.accounts.kit;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the identity provider says: the login id ({@code sub}), email and name of the token. */
public record Caller(String loginId, String email, String name) {

    public static Caller of(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new ProblemException(401, "SEC-1", "Unauthorized", "a bearer token from the identity provider is required", null);
        }
        String name = token.getClaim("name");
        return new Caller(token.getSubject(), token.getClaim("email"), name);
    }
}
