package com.example.accounts.kit;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bearer token verified once is trusted for a while: verifying its RSA signature and parsing its claims is most
 * of the work of a cheap request (the permission-service's checks), and a client sends the same token many times.
 * The first request of a token goes through Quarkus OIDC as always (signature, expiry, audience, type); its
 * identity, stripped of what belongs to that request, is remembered here and answers the token's later requests
 * until {@code exp} or {@code platform.auth.verified-token-trust} after it was verified, whichever is first, so
 * that OIDC looks at every token again at least that often (a key the provider withdrew, a changed configuration).
 * An unknown or lapsed token is not answered here, so OIDC verifies it (and refuses it when it must). Bounded in size.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Verified(SecurityIdentity identity, long expiresAtMillis) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();
    private final int capacity;
    private final long trustMillis;

    public VerifiedTokens(KitConfig.Auth config) {
        this.capacity = config.verifiedTokens();
        this.trustMillis = config.verifiedTokenTrust().toMillis();
    }

    /** The identity of a token verified before, while it has neither expired nor been trusted for long; else null. */
    public SecurityIdentity identity(String token, long nowMillis) {
        Verified found = verified.get(token);
        if (found == null) {
            return null;
        }
        // an expired entry answers nothing; remember() sweeps it out when the memory is full
        return nowMillis >= found.expiresAtMillis() ? null : found.identity();
    }

    SecurityIdentity answer(String token, long nowMillis) {
        SecurityIdentity known = identity(token, nowMillis);
        if (known != null) {
            answered.incrementAndGet();
        }
        return known;
    }

    /** How many requests a remembered token answered without OIDC. */
    public long answered() {
        return answered.get();
    }

    void remember(String token, SecurityIdentity identity, long nowMillis) {
        if (capacity <= 0 || trustMillis <= 0 || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        if (verified.size() >= capacity) {
            verified.values().removeIf(v -> nowMillis >= v.expiresAtMillis());
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        // the principal, roles and credentials only: nothing of the request that verified it
        SecurityIdentity kept = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal()).addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials()).build();
        verified.put(token, new Verified(kept, Math.min(jwt.getExpirationTime() * 1000, nowMillis + trustMillis)));
    }

    /** Answers a token verified before, first of the identity providers; anything else goes on to OIDC. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        public Provider(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /** Before Quarkus OIDC's provider (1001): higher priorities are asked first. */
        @Override
        public int priority() {
            return 5000;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            return Uni.createFrom().item(tokens.answer(request.getToken().getToken(), System.currentTimeMillis()));
        }
    }

    /** Remembers each identity OIDC has verified from an access token. */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        public Remember(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            long now = System.currentTimeMillis();
            if (credential != null && credential.getToken() != null && tokens.identity(credential.getToken(), now) == null) {
                tokens.remember(credential.getToken(), identity, now);
            }
            return Uni.createFrom().item(identity);
        }
    }
}
