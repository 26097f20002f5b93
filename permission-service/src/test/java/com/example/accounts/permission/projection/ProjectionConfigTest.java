package com.example.accounts.permission.projection;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The projection's settings keep the property names, defaults and check their beans read before they were mappings. */
class ProjectionConfigTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withMapping(ProjectionConfig.Projection.class).withMapping(ProjectionConfig.Cache.class).build();
    }

    @Test
    void withNothingSetEachBeanGetsItsDefault() {
        SmallRyeConfig config = config(Map.of());
        assertEquals(10000, config.getConfigMapping(ProjectionConfig.Projection.class).maxLag());
        assertEquals(20000, config.getConfigMapping(ProjectionConfig.Cache.class).cachedAccounts());
    }

    @Test
    void theServicesPropertiesKeepTheirNames() {
        SmallRyeConfig config = config(Map.of("platform.projection.max-lag", "5", "platform.read-model.cached-accounts", "7"));
        assertEquals(5, config.getConfigMapping(ProjectionConfig.Projection.class).maxLag());
        assertEquals(7, config.getConfigMapping(ProjectionConfig.Cache.class).cachedAccounts());
    }

    @Test
    void PRM4_aNegativeMaxLagIsRefusedNamingTheProperty() {
        ProjectionConfig.Projection projection = config(Map.of("platform.projection.max-lag", "-1")).getConfigMapping(ProjectionConfig.Projection.class);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new ProjectionReadiness(null, projection));
        assertEquals("platform.projection.max-lag must be a number of records, at least 0, not -1", refused.getMessage());
    }
}
