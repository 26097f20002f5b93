package com.example.accounts.permission.projection;

import io.vertx.mutiny.sqlclient.Pool;

/**
 * One generation of the permission read model, in its own PostgreSQL schema ({@code rm_<n>}), so that a rebuild fills
 * a fresh generation beside the live one (PRM-5): its {@link ReadModelSchema tables}, the {@link ReadModelWriter writer}
 * the projector applies polls with, the {@link AccountViewReader reader} checks load an account's view from, and the
 * {@link ReadModelInspection inspection} queries of where it stands.
 */
public final class ReadModel {

    /** The channel the writer tells every instance on which account's view changed, and a takeover that the generation did. */
    public static final String NOTIFY_CHANNEL = "permission_read_model";

    private final ReadModelSchema tables;
    private final ReadModelWriter writer;
    private final AccountViewReader reader;
    private final ReadModelInspection inspection;

    public ReadModel(Pool pool, int generation) {
        this.tables = new ReadModelSchema(pool, generation);
        this.writer = new ReadModelWriter(pool, tables);
        this.reader = new AccountViewReader(pool, tables);
        this.inspection = new ReadModelInspection(pool, tables);
    }

    /** The schema's name, {@code rm_<n>}. */
    public String schema() {
        return tables.name();
    }

    public ReadModelSchema tables() {
        return tables;
    }

    public ReadModelWriter writer() {
        return writer;
    }

    public AccountViewReader reader() {
        return reader;
    }

    public ReadModelInspection inspection() {
        return inspection;
    }
}
