package com.example.accounts.session.infrastructure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which streams a member has a part in (sessions they own, joined or invited into, their queue logins), written
 * with the events that gave them that part, so that a member deleted from the account is taken out of each (USR-6)
 * without reading every stream.
 */
@Singleton
public class MemberStreams extends StreamIndex {

    public MemberStreams(Pool pool) {
        super(pool, "member_streams", "member_id");
    }

    /** The members of the account with a part in a stream whose id starts with {@code prefix} (their queue logins). */
    public Uni<List<UUID>> membersWith(UUID accountId, String prefix) {
        return pool.preparedQuery("SELECT DISTINCT member_id FROM member_streams WHERE account_id = $1 AND starts_with(stream_id, $2) ORDER BY member_id")
                .execute(Tuple.of(accountId, prefix)).map(rows -> {
                    List<UUID> members = new ArrayList<>();
                    rows.forEach(row -> members.add(row.getUUID(0)));
                    return members;
                });
    }

    public Uni<Void> forget(UUID accountId, UUID memberId) {
        return pool.preparedQuery("DELETE FROM member_streams WHERE account_id = $1 AND member_id = $2")
                .execute(Tuple.of(accountId, memberId)).replaceWithVoid();
    }
}
