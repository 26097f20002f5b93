package com.example.accounts.account.infrastructure;

import com.example.accounts.account.application.Logins;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Locale;

/**
 * USR-2 on Keycloak: reuse the login that has the email, or create one without a password; the new member
 * chooses it through the link of their welcome email (NTF-1). A login made here joins {@value #MADE_HERE}: the
 * realm lets account-service's service account edit the logins of that group only (USR-5), and map no roles nor
 * edit any other login (an operator's), so the service cannot hand out realm roles or take over a login it did not make.
 */
@ApplicationScoped
public class KeycloakLogins implements Logins {

    /** The realm's group of the logins account-service made (deploy/keycloak/accounts-realm.json). */
    static final String MADE_HERE = "/platform-logins";

    private final KeycloakUsers users;

    public KeycloakLogins(@RestClient KeycloakUsers users) {
        this.users = users;
    }

    @Override
    public Uni<Login> findOrCreate(String email, String name) {
        String normalized = email.toLowerCase(Locale.ROOT);
        return find(normalized).chain(existing -> existing != null
                ? Uni.createFrom().item(new Login(existing, false))
                : users.create(new KeycloakUsers.User(null, normalized, normalized, name, true, false, List.of(MADE_HERE)))
                        .onFailure(WebApplicationException.class)
                        .recoverWithUni(failure -> conflictMeansCreatedMeanwhile((WebApplicationException) failure))
                        .chain(() -> find(normalized))
                        .map(id -> {
                            if (id == null) {
                                throw new IllegalStateException("Keycloak created no login for " + normalized);
                            }
                            return new Login(id, true);
                        }));
    }

    @Override
    public Uni<EmailChanged> changeEmail(String loginId, String email) {
        String normalized = email.toLowerCase(Locale.ROOT);
        return find(normalized).chain(holder -> {
            if (holder != null) {
                return Uni.createFrom().item(holder.equals(loginId) ? EmailChanged.CHANGED : EmailChanged.HELD_BY_ANOTHER_LOGIN);
            }
            // The realm signs people in by email and uses it as the username (registrationEmailAsUsername), so the
            // new address is the one they sign in with from now on.
            return users.representation(loginId)
                    .chain(user -> users.update(loginId, user.put("email", normalized).put("username", normalized)))
                    .replaceWith(EmailChanged.CHANGED)
                    .onFailure(WebApplicationException.class)
                    .recoverWithUni(failure -> switch (((WebApplicationException) failure).getResponse().getStatus()) {
                        case 409 -> Uni.createFrom().item(EmailChanged.HELD_BY_ANOTHER_LOGIN); // taken meanwhile
                        case 403 -> Uni.createFrom().item(EmailChanged.MANAGED_OUTSIDE_THE_PLATFORM); // not of MADE_HERE
                        default -> Uni.createFrom().failure(failure);
                    });
        });
    }

    private Uni<jakarta.ws.rs.core.Response> conflictMeansCreatedMeanwhile(WebApplicationException failure) {
        if (failure.getResponse().getStatus() == 409) {
            return Uni.createFrom().item(failure.getResponse());
        }
        return Uni.createFrom().failure(failure);
    }

    private Uni<String> find(String email) {
        // exact: the realm keeps emails unique (duplicateEmailsAllowed is off), so one login at most
        return users.byEmail(email, true, true, 2).map(found -> found.stream()
                .filter(u -> email.equalsIgnoreCase(u.email()))
                .map(KeycloakUsers.User::id)
                .findFirst().orElse(null));
    }
}
