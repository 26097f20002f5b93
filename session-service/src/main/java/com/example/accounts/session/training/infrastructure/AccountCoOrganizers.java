package com.example.accounts.session.training.infrastructure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * TRN-2: whether each account allows co-organizers, kept from its {@code AccountSettingsChanged} events, for the
 * requests that cannot ask the permission-service: a presenting participant has no token (SEC-1). Each row keeps the
 * account version it was written at, so a redelivered or older event changes nothing.
 */
@ApplicationScoped
public class AccountCoOrganizers {

    /** The account-service's default settings (Settings.DEFAULTS) allow co-organizers: so does an account never seen changing them. */
    static final boolean ACCOUNT_DEFAULT = true;

    private final Pool pool;

    public AccountCoOrganizers(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> changed(UUID accountId, boolean coOrganizers, long accountVersion) {
        return pool.preparedQuery("""
                INSERT INTO account_co_organizers (account_id, co_organizers, account_version) VALUES ($1, $2, $3)
                ON CONFLICT (account_id) DO UPDATE SET co_organizers = EXCLUDED.co_organizers, account_version = EXCLUDED.account_version
                WHERE account_co_organizers.account_version < EXCLUDED.account_version""")
                .execute(Tuple.of(accountId, coOrganizers, accountVersion)).replaceWithVoid();
    }

    public Uni<Boolean> allowed(UUID accountId) {
        return pool.preparedQuery("SELECT co_organizers FROM account_co_organizers WHERE account_id = $1").execute(Tuple.of(accountId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getBoolean(0) : ACCOUNT_DEFAULT);
    }
}
