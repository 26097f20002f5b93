package com.example.accounts.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** What the emails need to know of accounts and members, kept from the events; every write is idempotent. */
@ApplicationScoped
public class Directory {

    public record Account(String name, String language) {
    }

    public record Member(UUID memberId, String loginId, String name, String email, String language, String role) {
    }

    Uni<Void> accountOpened(SqlClient c, UUID accountId, String name) {
        return c.preparedQuery("INSERT INTO directory_accounts (account_id, name) VALUES ($1, $2) ON CONFLICT (account_id) DO UPDATE SET name = excluded.name")
                .execute(Tuple.of(accountId, name)).replaceWithVoid();
    }

    Uni<Void> defaultLanguage(SqlClient c, UUID accountId, String language) {
        return c.preparedQuery("UPDATE directory_accounts SET language = $2 WHERE account_id = $1").execute(Tuple.of(accountId, language)).replaceWithVoid();
    }

    Uni<Void> memberAdded(SqlClient c, UUID accountId, Member member) {
        return c.preparedQuery("""
                INSERT INTO directory_members (account_id, member_id, login_id, name, email, language, role) VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (account_id, member_id) DO UPDATE SET login_id = excluded.login_id, name = excluded.name, email = excluded.email,
                    language = excluded.language, role = excluded.role""")
                .execute(Tuple
                        .from(new Object[]{accountId, member.memberId(), member.loginId(), member.name(), member.email(), member.language(), member.role()}))
                .replaceWithVoid();
    }

    Uni<Void> profileChanged(SqlClient c, UUID accountId, UUID memberId, String name, String email) {
        return c.preparedQuery("UPDATE directory_members SET name = $3, email = $4 WHERE account_id = $1 AND member_id = $2")
                .execute(Tuple.of(accountId, memberId, name, email)).replaceWithVoid();
    }

    Uni<Void> roleChanged(SqlClient c, UUID accountId, UUID memberId, String role) {
        return c.preparedQuery("UPDATE directory_members SET role = $3 WHERE account_id = $1 AND member_id = $2")
                .execute(Tuple.of(accountId, memberId, role)).replaceWithVoid();
    }

    Uni<Void> memberDeleted(SqlClient c, UUID accountId, UUID memberId) {
        return c.preparedQuery("DELETE FROM directory_members WHERE account_id = $1 AND member_id = $2")
                .execute(Tuple.of(accountId, memberId)).replaceWithVoid();
    }

    public Uni<Optional<Account>> account(SqlClient c, UUID accountId) {
        return c.preparedQuery("SELECT name, language FROM directory_accounts WHERE account_id = $1").execute(Tuple.of(accountId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()).map(r -> new Account(r.getString(0), r.getString(1))));
    }

    public Uni<Optional<Member>> member(SqlClient c, UUID accountId, UUID memberId) {
        return c.preparedQuery("SELECT member_id, login_id, name, email, language, role FROM directory_members WHERE account_id = $1 AND member_id = $2")
                .execute(Tuple.of(accountId, memberId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(member(rows.iterator().next())));
    }

    public Uni<Optional<Member>> memberByLogin(SqlClient c, UUID accountId, String loginId) {
        return c.preparedQuery("SELECT member_id, login_id, name, email, language, role FROM directory_members WHERE account_id = $1 AND login_id = $2")
                .execute(Tuple.of(accountId, loginId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(member(rows.iterator().next())));
    }

    private static Member member(Row row) {
        return new Member(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5));
    }
}
