package com.example.accounts.kit;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The kit's configuration keeps the property names and defaults its beans read before it was one mapping per concern. */
class KitConfigTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        // Quarkus's own converter, which reads "60s" as Quarkus does
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(KitConfig.Auth.class).withMapping(KitConfig.Commands.class).withMapping(KitConfig.EventStore.class)
                .withMapping(KitConfig.KafkaTopics.class).build();
    }

    @Test
    void withNothingSetEachBeanGetsItsDefault() {
        SmallRyeConfig config = config(Map.of());
        assertEquals(10000, config.getConfigMapping(KitConfig.Auth.class).verifiedTokens());
        assertEquals(Duration.ofSeconds(60), config.getConfigMapping(KitConfig.Auth.class).verifiedTokenTrust());
        KitConfig.Commands commands = config.getConfigMapping(KitConfig.Commands.class);
        assertEquals(512, commands.queuePerStream());
        assertEquals(64, commands.group());
        assertEquals(10000, commands.streamsKept());
        KitConfig.EventStore store = config.getConfigMapping(KitConfig.EventStore.class);
        assertEquals(Optional.empty(), store.topic());
        assertEquals(12, store.partitions());
        assertEquals(Duration.ofSeconds(10), store.writerTimeout());
        assertEquals(Duration.ofSeconds(30), store.relay().maxLag());
        assertEquals(Duration.ofSeconds(10), store.relay().metricsEvery());
        assertEquals(1, config.getConfigMapping(KitConfig.KafkaTopics.class).replicationFactor());
        assertEquals(1, config.getConfigMapping(KitConfig.KafkaTopics.class).minInsyncReplicas());
    }

    @Test
    void theServicesPropertiesKeepTheirNames() {
        SmallRyeConfig config = config(Map.ofEntries(Map.entry("platform.auth.verified-tokens", "5"), Map.entry("platform.auth.verified-token-trust", "2s"),
                Map.entry("platform.commands.queue-per-stream", "7"), Map.entry("platform.commands.group", "8"),
                Map.entry("platform.commands.streams-kept", "9"), Map.entry("platform.event-store.enabled", "true"),
                Map.entry("platform.event-store.topic", "account-events"), Map.entry("platform.event-store.partitions", "3"),
                Map.entry("platform.event-store.writer-timeout", "4s"), Map.entry("platform.event-store.relay.max-lag", "5s"),
                Map.entry("platform.event-store.relay.metrics-every", "6s"), Map.entry("platform.kafka.topics.replication-factor", "3"),
                Map.entry("platform.kafka.topics.min-insync-replicas", "2")));
        assertEquals(5, config.getConfigMapping(KitConfig.Auth.class).verifiedTokens());
        assertEquals(Duration.ofSeconds(2), config.getConfigMapping(KitConfig.Auth.class).verifiedTokenTrust());
        KitConfig.Commands commands = config.getConfigMapping(KitConfig.Commands.class);
        assertEquals(7, commands.queuePerStream());
        assertEquals(8, commands.group());
        assertEquals(9, commands.streamsKept());
        KitConfig.EventStore store = config.getConfigMapping(KitConfig.EventStore.class);
        assertEquals(Optional.of("account-events"), store.topic());
        assertEquals(3, store.partitions());
        assertEquals(Duration.ofSeconds(4), store.writerTimeout());
        assertEquals(Duration.ofSeconds(5), store.relay().maxLag());
        assertEquals(Duration.ofSeconds(6), store.relay().metricsEvery());
        assertEquals(3, config.getConfigMapping(KitConfig.KafkaTopics.class).replicationFactor());
        assertEquals(2, config.getConfigMapping(KitConfig.KafkaTopics.class).minInsyncReplicas());
    }
}
