package com.example.accounts.permission.projection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** permission-service's settings of its projection and read model, one mapping per prefix (the kit's are in KitConfig). */
public final class ProjectionConfig {

    private ProjectionConfig() {
    }

    /** PRM-4: how far the live read model may fall behind before the leader is not ready ({@link ProjectionReadiness}). */
    @ConfigMapping(prefix = "platform.projection")
    public interface Projection {
        /** Records of one partition not applied yet; at least 0. */
        @WithDefault("10000")
        long maxLag();
    }

    /** The accounts' views kept in memory ({@link AccountViewCache}). */
    @ConfigMapping(prefix = "platform.read-model")
    public interface Cache {
        @WithDefault("20000")
        int cachedAccounts();
    }
}
