package com.example.accounts.account.infrastructure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The accounts a login was added to, read from the event store's {@code UserAdded} events through an index on the
 * login: USR-5, so that a person's new email reaches each of their memberships without reading every account; ACC-6,
 * so that a login never added to an account is turned away before anything of the account is read.
 */
@ApplicationScoped
public class LoginMemberships {

    private final Pool pool;

    public LoginMemberships(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<UUID>> accountsOf(String loginId) {
        return pool.preparedQuery("SELECT DISTINCT account_id FROM events WHERE type = 'UserAdded' AND data->>'loginId' = $1")
                .execute(Tuple.of(loginId))
                .map(rows -> {
                    List<UUID> accounts = new ArrayList<>();
                    rows.forEach(row -> accounts.add(row.getUUID(0)));
                    return accounts;
                });
    }

    /**
     * ACC-6: whether the login was ever added to the account (a member now, or once). The account id takes no part
     * in the query, so the work is the same for any id, real or made up: the login's own memberships, then a compare.
     */
    public Uni<Boolean> everAdded(String loginId, UUID accountId) {
        return accountsOf(loginId).map(accounts -> accounts.contains(accountId));
    }
}
