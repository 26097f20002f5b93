package com.example.accounts.account.infrastructure;

import io.smallrye.config.ConfigMapping;

/** USR-2: where Keycloak is and the platform's realm in it ({@link KeycloakReadiness}; the admin client's URL is built from the same two). */
@ConfigMapping(prefix = "platform.keycloak")
public interface KeycloakConfig {
    /** Keycloak's base address, without the realm. */
    String url();

    String realm();
}
