package com.example.accounts.session.infrastructure;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;

/**
 * Which support sessions a security policy admitted anyone to (its invites), written with the invite, so that a
 * policy disabled ends its admissions (INV-6) without reading every stream.
 */
@Singleton
public class PolicyStreams extends StreamIndex {

    public PolicyStreams(Pool pool) {
        super(pool, "policy_streams", "policy_id");
    }
}
