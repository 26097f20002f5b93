package com.example.accounts.kit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the identity provider says: the login id ({@code sub}), email and name of the token. A resource
 * takes the request's caller in its constructor ({@code Caller caller}, a request-scoped bean read from the token the
 * first time the request asks); without a bearer token of the identity provider it is a 401 (SEC-1). A class, not a
 * record, so that the bean can be a proxy to each request's own.
 */
public class Caller {

    private final String loginId;
    private final String email;
    private final String name;

    public Caller(String loginId, String email, String name) {
        this.loginId = loginId;
        this.email = email;
        this.name = name;
    }

    /** For the request-scoped bean's proxy only. */
    protected Caller() {
        this(null, null, null);
    }

    public static Caller of(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw ProblemException.unauthorized("a bearer token from the identity provider is required");
        }
        String name = token.getClaim("name");
        return new Caller(token.getSubject(), token.getClaim("email"), name);
    }

    public String loginId() {
        return loginId;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    /** The request's caller, made from its identity the first time the request asks. */
    @Singleton
    static class OfTheRequest {

        @Produces
        @RequestScoped
        Caller caller(SecurityIdentity identity) {
            return of(identity);
        }
    }
}
